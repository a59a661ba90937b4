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

    void clear() {
        size = 0;
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
