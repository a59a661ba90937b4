package io.detoxstreams.classify.embedded;

/**
 * The {@link Featurizer.WordSums} of one thread: for recently seen words, the sum of the toxicity-head weights of
 * their own features (unigram and character n-grams) in one language. A verdict then hashes and looks up only the
 * bigrams and lexicon hits of such a word; the rewriter's self-check re-scores texts that share most words with the
 * comment and with each other, and function words recur in every comment.
 *
 * <p>Direct-mapped: {@link #SLOTS} slots chosen by word hash and language, a new word takes its slot's place. A
 * slot keeps the word's chars and the language, so a recall is exact (never a hash collision): the logit is the same
 * {@code long} sum as with every feature listed, bit for bit. Words longer than {@link #MAX_CHARS} are not kept.
 * Not thread-safe; one per thread and model.
 */
final class RecalledWords implements Featurizer.WordSums {

    static final int SLOTS = 1 << 13;
    static final int MAX_CHARS = 24;

    private final LinearModel model;
    private final char[][] words = new char[SLOTS][];
    private final int[] languages = new int[SLOTS];
    private final long[] sums = new long[SLOTS];
    private final int[] counts = new int[SLOTS];
    private int language = -1;
    private long recalls;

    RecalledWords(LinearModel model) {
        this.model = model;
    }

    /** The language index of the texts that follow (the model's, -1 when unknown). */
    RecalledWords language(int lang) {
        this.language = lang;
        return this;
    }

    /** Words recalled so far (for tests). */
    long recalls() {
        return recalls;
    }

    private int slot(int wordHash) {
        return Featurizer.fmix(wordHash + 0x61c88647 * (language + 2)) & (SLOTS - 1);
    }

    @Override
    public boolean recall(CharSequence text, int start, int end, int wordHash, FeatureBuffer out) {
        int s = slot(wordHash);
        char[] w = words[s];
        if (w == null || languages[s] != language || w.length != end - start) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (w[i] != text.charAt(start + i)) {
                return false;
            }
        }
        out.recall(sums[s], counts[s]);
        recalls++;
        return true;
    }

    @Override
    public void remember(CharSequence text, int start, int end, int wordHash, FeatureBuffer out, int from) {
        long sum = 0;
        for (int i = from; i < out.size; i++) {
            sum += model.toxicityWeight(out.hashes[i], language);
        }
        int count = out.size - from;
        out.size = from;
        out.recall(sum, count);
        int length = end - start;
        if (length > MAX_CHARS) {
            return;
        }
        int s = slot(wordHash);
        char[] w = words[s];
        if (w == null || w.length != length) {
            w = new char[length];
            words[s] = w;
        }
        for (int i = 0; i < length; i++) {
            w[i] = text.charAt(start + i);
        }
        languages[s] = language;
        sums[s] = sum;
        counts[s] = count;
    }
}
