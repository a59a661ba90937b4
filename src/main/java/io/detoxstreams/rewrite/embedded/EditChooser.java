package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.fluency.Dangling;
import io.detoxstreams.fluency.JunctionModel;
import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.fluency.LanguageModel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chooses, for every stretch of words the {@link TokenDecider} changed (an edit site), the edit that reads best among
 * the site's {@link EditCandidates}: deleting it, with the words that depend on it, replacing it with a mined neutral
 * alternative or a softened predicate, or dropping its clause.
 *
 * <p>The objective (maximized; documented in MODEL_CARD.md, "Rewriter"):
 * <pre>
 *   junction · Σ log P(junction)            over the junctions the candidate makes ({@link JunctionModel})
 * + lm · Σ (SLOR term − τ)                  over the tokens whose n-gram context it changes ({@link LanguageModel};
 *                                           τ = the median score per token of the language's human rewrites, so an
 *                                           inserted word must read better than average to pay for itself)
 * + prior · log P(edit)                     how often editors made this edit of these words (the table's counts;
 *                                           0 for deleting a classifier span the table does not know)
 * − extraDeletion · deleted chars / text chars   for words deleted beyond the site (content kept; not for a toxic
 *                                                table phrase: "the fuck", "piece of shit")
 * − insertion · inserted chars / text chars       for replacement text (similarity to the original)
 * − dangling · [the edit leaves a word that cannot end a clause ({@link Dangling}), or a copula whose complement it
 *              deleted ("the mayor is."), before clause punctuation, a coordinating conjunction ("she's and …") or
 *              the end]
 * </pre>
 * The language model scores only the candidates that rank best by the other terms ({@link #NEXT_TERM_RERANKED} get
 * the term of the token after them, {@link #LM_RERANKED} their whole window; it is the costly part). The classifier's
 * toxicity is not in the sum: every candidate removes the site, and the rewriter re-scores the chosen rewrite
 * ({@link EmbeddedRewriter}'s self-check) and deletes what is still flagged in another pass. Sites are
 * chosen left to right, each with its neighbours as decided so far. Without a fluency model for the language nothing
 * changes. Not thread-safe (one per rewrite); the piece caches it is given are.
 */
final class EditChooser {

    /** The weights of the objective and the size of the candidate set (tuned on DEV). */
    public record Weights(double junction, double lm, double prior, double extraDeletion, double insertion,
                          double dangling, int maxLeft, int maxRight, boolean clauses, boolean templates) {

        public static Weights defaults() {
            return new Weights(1.0, 1.0, 1.0, 5.0, 3.0, 3.0, 2, 1, true, true);
        }
    }

    private final LanguageFluency fluency;
    private final EditPieces pieces;
    private final EditCandidates candidates;
    private final EditScorer scorer;
    /**
     * The choices of earlier passes of the same rewrite, by {@link #siteKey}: a later self-check pass changes only
     * some sites, and a site whose surroundings are as before gets the same candidates and the same choice.
     */
    private final Map<Long, EditCandidate> chosen = new HashMap<>();

    EditChooser(LanguageFluency fluency, SubstitutionTable table, String lang, Weights weights,
                Map<String, EditPieces.Filler> fillers, Map<String, EditPieces.Piece> pieceCache) {
        this.fluency = fluency;
        this.pieces = fluency == null ? null
                : new EditPieces(fluency.languageModel(), fluency.junctions(), lang, fillers, pieceCache);
        this.candidates = fluency == null ? null : new EditCandidates(table, lang, weights, pieces);
        this.scorer = fluency == null ? null : new EditScorer(fluency, weights, pieces);
    }

    void choose(TokenPlan plan) {
        if (fluency == null) {
            return;
        }
        if (!pieces.prepared()) {
            pieces.prepare(plan);
        }
        int n = plan.size();
        int i = 0;
        while (i < n) {
            if (!plan.wordLike(i) || !plan.changed(i)) {
                i++;
                continue;
            }
            int e = i;
            while (e < n && plan.wordLike(e) && plan.changed(e)) {
                e++;
            }
            i = Math.max(e, chooseSite(plan, i, e));
        }
    }

    /** Chooses and applies the best candidate for site [s, e); returns the end of what it changed. */
    private int chooseSite(TokenPlan plan, int s, int e) {
        long key = siteKey(plan, s, e);
        EditCandidate known = chosen.get(key);
        if (known != null && known.filler() != null && plan.rejected(known.filler().surface())) {
            known = null; // the self-check found this choice's words still toxic: choose again without them
        }
        if (known != null) {
            if (known.base()) {
                return e;
            }
            apply(plan, known, s);
            return known.to();
        }
        EditCandidate pick = pick(plan, s, e);
        chosen.put(key, pick);
        if (pick.base()) {
            return e;
        }
        apply(plan, pick, s);
        return pick.to();
    }

    /** A hash of the site and of every decision its candidates and their scores can depend on. */
    private static long siteKey(TokenPlan plan, int s, int e) {
        int from = s;
        while (from > 0 && !EditCandidates.isClauseMark(plan, from - 1)) {
            from--;
        }
        int to = e;
        while (to < plan.size() && !EditCandidates.isClauseMark(plan, to)) {
            to++;
        }
        from = Math.max(0, Math.min(from - 1, s - CONTEXT_REACH));
        to = Math.min(plan.size(), Math.max(to + 1, e + CONTEXT_REACH));
        long h = s * 0x9E3779B97F4A7C15L + e;
        for (int k = from; k < to; k++) {
            h = (h ^ (plan.decisions[k].ordinal() + 1)) * 0xff51afd7ed558ccdL;
            if (plan.decisions[k] == TokenPlan.Decision.REPLACE) {
                h = (h ^ plan.replacements[k].hashCode()) * 0xc4ceb9fe1a85ec53L;
            }
            h ^= h >>> 31;
        }
        return h;
    }

    /** Tokens on either side of a site that its candidates and their scoring windows can reach. */
    private static final int CONTEXT_REACH = 10;

    private EditCandidate pick(TokenPlan plan, int s, int e) {
        List<EditCandidate> options = candidates.of(plan, s, e);
        if (options.size() < 2) {
            return options.get(0);
        }
        List<EditScorer.Scored> scored = new ArrayList<>(options.size());
        for (EditCandidate c : options) {
            scored.add(scorer.score(plan, c, s, e));
        }
        // The language model re-ranks the few best by the rest of the objective (it is the costly part): first the
        // term of the token after each of the best NEXT_TERM_RERANKED, then the whole window of the best LM_RERANKED.
        scored.sort(BY_SCORE);
        int withNext = Math.min(NEXT_TERM_RERANKED, scored.size());
        for (int k = 0; k < withNext; k++) {
            scored.set(k, scorer.withNextTerm(scored.get(k)));
        }
        scored.subList(0, withNext).sort(BY_SCORE);
        EditScorer.Scored best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < Math.min(LM_RERANKED, scored.size()); k++) {
            EditScorer.Scored x = scored.get(k);
            double total = scorer.total(x);
            if (total > bestScore) {
                bestScore = total;
                best = x;
            }
        }
        return best.candidate();
    }

    /** How many candidates of a site, best by the other terms, the language model scores. */
    static final int LM_RERANKED = 2;

    /** How many get the language model's term of the token after them first. */
    static final int NEXT_TERM_RERANKED = 4;

    private static final Comparator<EditScorer.Scored> BY_SCORE =
            Comparator.comparingDouble(EditScorer.Scored::cheap).reversed();

    private void apply(TokenPlan plan, EditCandidate c, int s) {
        int g = plan.group[s] >= 0 ? plan.group[s] : plan.newGroup(1.0);
        if (c.article() >= 0) {
            plan.delete(c.article(), g);
        }
        for (int k = c.from(); k < c.to(); k++) {
            if (plan.group[k] < 0) {
                plan.group[k] = g;
            }
        }
        if (c.filler() != null) {
            plan.replace(c.from(), c.to(), c.filler().surface(), g);
        } else {
            for (int k = c.from(); k < c.to(); k++) {
                plan.delete(k, plan.group[k]);
            }
        }
    }
}
