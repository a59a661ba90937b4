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

    void clear() {
        size = 0;
        words = 0;
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
