package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.fluency.Dangling;
import io.detoxstreams.fluency.JunctionModel;
import io.detoxstreams.fluency.LanguageModel;
import io.detoxstreams.fluency.LmTokens;
import io.detoxstreams.fluency.NounModifiers;
import io.detoxstreams.text.FunctionWords;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The output of a {@link TokenPlan} as the fluency model sees it: every token, and every replacement text, as
 * {@link Piece}s (language-model id, junction hashes, whether it cannot end a clause, ends one, or is a copula), and
 * the pieces emitted next to a stretch of tokens as the plan stands. Pieces of a comment's tokens are made on first
 * use and kept for the passes of its rewrite; pieces of tokens and replacements are also shared across comments through
 * the thread-safe caches {@link #newPieceCache()} and {@link #newFillerCache()} (one per language). Not thread-safe
 * itself (one per rewrite).
 */
final class EditPieces {

    /** One output token: language-model id, junction hashes, and whether it may not end a clause / ends one. */
    record Piece(int id, int word, int cls, boolean cannotEnd, boolean endsClause, boolean copula,
                 boolean conjunction, NounRole role, boolean opensPhrase) {
    }

    /**
     * What a word can be in a noun phrase: a determiner, an indefinite article (a determiner that never ends one), a
     * mined pre-modifier, a word that exists only for its noun ({@link io.detoxstreams.fluency.NounModifiers}), a
     * word for people ({@link PeopleWords}: a noun), or other.
     */
    enum NounRole { OTHER, DETERMINER, ARTICLE, MODIFIER, HEADLESS, PERSON }

    /** A replacement text, tokenized once. */
    record Filler(String surface, Piece[] pieces, int chars, boolean content) {
    }

    /** Bound of the shared piece cache (cleared when full: a long-running worker sees an open vocabulary). */
    static final int MAX_CACHED_PIECES = 200_000;

    static final Piece[] NONE = new Piece[0];

    private final LanguageModel lm;
    private final JunctionModel junctions;
    private final String lang;
    private final Map<String, Filler> fillers;
    private final Map<String, Piece> pieces;
    /** The sentence start and end. */
    final Piece bos;
    final Piece eos;
    private Piece[] own;
    private double textChars;
    private TokenPlan plan;

    EditPieces(LanguageModel lm, JunctionModel junctions, String lang, Map<String, Filler> fillers,
               Map<String, Piece> pieces) {
        this.lm = lm;
        this.junctions = junctions;
        this.lang = lang;
        this.fillers = fillers;
        this.pieces = pieces;
        this.bos = new Piece(lm.bos(), JunctionModel.BOS, JunctionModel.BOS, false, false, false, false,
                NounRole.OTHER, false);
        this.eos = new Piece(lm.eos(), JunctionModel.EOS, JunctionModel.EOS, false, true, false, false,
                NounRole.OTHER, false);
    }

    boolean prepared() {
        return own != null;
    }

    /** Characters of the words of the comment (the denominator of the deletion and insertion costs). */
    double textChars() {
        return textChars;
    }

    /** A shared, thread-safe cache of tokenized replacements. */
    static Map<String, Filler> newFillerCache() {
        return new ConcurrentHashMap<>();
    }

    /** A shared, thread-safe cache of the pieces of a language's tokens. */
    static Map<String, Piece> newPieceCache() {
        return new ConcurrentHashMap<>();
    }

    /**
     * Sizes the per-token piece cache; pieces are made on first use ({@link #own(int)}) and kept for the passes of the
     * rewrite (most tokens are never near an edit).
     */
    void prepare(TokenPlan plan) {
        int n = plan.size();
        own = new Piece[n];
        double chars = 0;
        for (int i = 0; i < n; i++) {
            if (plan.wordLike(i)) {
                chars += plan.tokens.get(i).end() - plan.tokens.get(i).start();
            }
        }
        textChars = Math.max(1, chars);
        this.plan = plan;
    }

    /** Token {@code k}'s own output piece. */
    Piece own(int k) {
        Piece p = own[k];
        if (p == null) {
            String key = plan.keys[k] != null && !LmTokens.isNumber(plan.keys[k]) ? plan.keys[k]
                    : LmTokens.key(plan.tokens.get(k), plan.text);
            p = pieces.get(key);
            if (p == null) {
                p = piece(key);
                if (pieces.size() >= MAX_CACHED_PIECES) {
                    pieces.clear();
                }
                pieces.put(key, p);
            }
            own[k] = p;
        }
        return p;
    }

    Piece piece(String key) {
        return new Piece(lm.id(key), JunctionModel.wordHash(key), junctions.classHash(key),
                Dangling.cannotEnd(lang, key), Dangling.endsClause(key), Dependents.copula(lang, key),
                Dangling.conjunction(lang, key), role(key), Dangling.opensPhrase(lang, key));
    }

    private NounRole role(String key) {
        if (DanglingWords.of(lang).contains(key)) {
            return NounRole.ARTICLE;
        }
        if (NounModifiers.determiner(lang, key)) {
            return NounRole.DETERMINER;
        }
        if (PeopleWords.contains(lang, key)) {
            return NounRole.PERSON;
        }
        if (NounModifiers.headless(lang, key)) {
            return NounRole.HEADLESS;
        }
        if (NounModifiers.modifier(lang, key)) {
            return NounRole.MODIFIER;
        }
        return NounRole.OTHER;
    }

    Filler filler(String surface) {
        return fillers.computeIfAbsent(surface, r -> {
            List<String> keys = LmTokens.of(r);
            Piece[] pieces = new Piece[keys.size()];
            boolean content = false;
            for (int i = 0; i < pieces.length; i++) {
                String k = keys.get(i);
                pieces[i] = piece(k);
                content |= LmTokens.isWord(k) && !FunctionWords.of(lang).contains(k);
            }
            return new Filler(r, pieces, r.length(), content);
        });
    }

    Piece[] basePieces(TokenPlan plan, int from, int to) {
        List<Piece> out = new ArrayList<>(to - from);
        for (int k = from; k < to; k++) {
            switch (plan.decisions[k]) {
                case DELETE -> { }
                case KEEP -> out.add(own(k));
                case REPLACE -> out.addAll(List.of(filler(plan.replacements[k]).pieces()));
            }
        }
        return out.toArray(NONE);
    }

    /** Adds token {@code k}'s output pieces to {@code out}, last first, up to 3 in all; returns the new count. */
    int emittedBackwards(TokenPlan plan, int k, Piece[] out, int n) {
        switch (plan.decisions[k]) {
            case DELETE -> { }
            case KEEP -> out[n++] = own(k);
            case REPLACE -> {
                Piece[] p = filler(plan.replacements[k]).pieces();
                for (int i = p.length - 1; i >= 0 && n < 3; i--) {
                    out[n++] = p[i];
                }
            }
        }
        return n;
    }

    /** Adds token {@code k}'s output pieces to {@code out}, first first, up to 3 in all; returns the new count. */
    int emittedForwards(TokenPlan plan, int k, Piece[] out, int n) {
        switch (plan.decisions[k]) {
            case DELETE -> { }
            case KEEP -> out[n++] = own(k);
            case REPLACE -> {
                for (Piece p : filler(plan.replacements[k]).pieces()) {
                    if (n < 3) {
                        out[n++] = p;
                    }
                }
            }
        }
        return n;
    }
}
