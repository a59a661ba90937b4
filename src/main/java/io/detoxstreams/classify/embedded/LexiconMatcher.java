package io.detoxstreams.classify.embedded;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds terms of the profanity/insult lexicons in normalized text, without allocating: a term is one to three words
 * (or, in Han/Kana/Thai text, a run of 1–4 characters), kept as the hash the {@link Featurizer} computes for the same
 * words. Terms are matched only in text of their own language (Spanish "con" is not French "con"); for text of unknown
 * language every lexicon counts. Each hit becomes a {@code lexicon} feature whose weight the model learns from the
 * languages where the lexicon terms occur in labelled comments, and which carries over to languages with little data.
 *
 * <p>Immutable and thread-safe. Hash collisions are possible (32-bit) and harmless: a rare false hit is one more
 * feature occurrence.
 */
final class LexiconMatcher {

    static final LexiconMatcher EMPTY = new LexiconMatcher(Map.of());
    static final int MAX_WORDS = 3;
    static final int MAX_DENSE = 4;
    static final int NONE = 0;

    private final Map<String, List<String>> terms;
    /** Open-addressing set of term hashes keyed by language ({@code hash ^ seed}) and of bare hashes (any language);
     * 0 marks an empty slot (a hash of 0 is stored as 1). */
    private final int[] table;
    private final int mask;

    /** @param normalizedTerms language → terms, already normalized like the text they will be found in */
    LexiconMatcher(Map<String, List<String>> normalizedTerms) {
        this.terms = new TreeMap<>();
        normalizedTerms.forEach((lang, list) -> terms.put(lang, List.copyOf(list)));
        int count = terms.values().stream().mapToInt(List::size).sum();
        int size = Integer.highestOneBit(Math.max(16, count * 8)) * 2;
        this.table = new int[size];
        this.mask = size - 1;
        terms.forEach((lang, list) -> {
            int seed = LinearModel.languageSeed(lang);
            for (String t : list) {
                int h = termHash(t);
                if (h != NONE) {
                    insert(h ^ seed);
                    insert(h);
                }
            }
        });
    }

    Map<String, List<String>> terms() {
        return terms;
    }

    boolean isEmpty() {
        return terms.isEmpty();
    }

    /** Whether a term of the language with this seed (0: any language) has this hash. */
    boolean contains(int hash, int languageSeed) {
        return contains(hash ^ languageSeed);
    }

    private boolean contains(int hash) {
        int h = hash == 0 ? 1 : hash;
        int i = Featurizer.fmix(h) & mask;
        while (table[i] != 0) {
            if (table[i] == h) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    private void insert(int hash) {
        int h = hash == 0 ? 1 : hash;
        int i = Featurizer.fmix(h) & mask;
        while (table[i] != 0 && table[i] != h) {
            i = (i + 1) & mask;
        }
        table[i] = h;
    }

    /** The hash of a normalized term as the featurizer would see it in running text, or {@link #NONE}. */
    static int termHash(String term) {
        int[] words = new int[MAX_WORDS + 1];
        int n = 0;
        int i = 0;
        int len = term.length();
        while (i < len) {
            char c = term.charAt(i);
            if (!Featurizer.isWordChar(c)) {
                i++;
                continue;
            }
            int start = i;
            boolean dense = false;
            while (i < len && Featurizer.isWordChar(term.charAt(i))) {
                dense |= Featurizer.isDenseScript(term.charAt(i));
                i++;
            }
            if (dense) {
                // A dense-script term must be the whole term and short enough to be looked up inside runs.
                return n == 0 && i - start <= MAX_DENSE && i >= len ? Featurizer.wordHash(term, start, i) : NONE;
            }
            if (n == MAX_WORDS) {
                return NONE;
            }
            words[n++] = Featurizer.wordHash(term, start, i);
        }
        return n == 0 ? NONE : phrase(words, 0, n);
    }

    /** The hash of words {@code [from, from + count)} of {@code wordHashes}. */
    static int phrase(int[] wordHashes, int from, int count) {
        if (count == 1) {
            return wordHashes[from];
        }
        int h = Featurizer.NS_LEXICON;
        for (int k = from; k < from + count; k++) {
            h = Featurizer.mix(h, wordHashes[k]);
        }
        return Featurizer.fmix(h);
    }
}
