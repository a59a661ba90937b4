package io.detoxstreams.classify.embedded;

import java.util.Arrays;

/**
 * Reusable output of {@link Featurizer}: for every feature occurrence its 32-bit hash and the range of normalized
 * chars it covers. Not thread-safe; one per thread.
 */
final class FeatureBuffer {

    int[] hashes = new int[256];
    int[] from = new int[256];
    int[] to = new int[256];
    int size;
    /** The hashes and starts of the words since the last phrase break (for multi-word lexicon terms). */
    int[] wordHashes = new int[64];
    int[] wordStarts = new int[64];
    int words;
    /**
     * Features not listed above because {@link Featurizer.WordSums} recalled them: their count and the sum of their
     * quantized toxicity-head weights (shared and per-language copy). Zero outside the verdict path.
     */
    int recalledCount;
    long recalledSum;

    void clear() {
        size = 0;
        words = 0;
        recalledCount = 0;
        recalledSum = 0;
    }

    /** Every feature occurrence, listed or recalled: the N of the model's 1/sqrt(N). */
    int occurrences() {
        return size + recalledCount;
    }

    void recall(long sum, int count) {
        recalledSum += sum;
        recalledCount += count;
    }

    void pushWord(int hash, int start) {
        if (words == wordHashes.length) {
            wordHashes = Arrays.copyOf(wordHashes, words * 2);
            wordStarts = Arrays.copyOf(wordStarts, words * 2);
        }
        wordHashes[words] = hash;
        wordStarts[words] = start;
        words++;
    }

    /** Punctuation and numbers end a phrase: no lexicon term spans them. */
    void breakPhrase() {
        words = 0;
    }

    void add(int hash, int start, int end) {
        if (size == hashes.length) {
            int n = size * 2;
            hashes = Arrays.copyOf(hashes, n);
            from = Arrays.copyOf(from, n);
            to = Arrays.copyOf(to, n);
        }
        hashes[size] = hash;
        from[size] = start;
        to[size] = end;
        size++;
    }
}
