package io.detoxstreams.text;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * Splits a run of letters that lost its spaces back into words ({@code f u c k y o u} → {@code fuckyou} →
 * {@code fuck you}), by the most probable sequence of known words under a unigram model (dynamic programming over
 * word-frequency costs). A run that is itself a known word stays whole; a split into many very short pieces
 * ({@code п е де р а с ты}) is rejected, because it means the word is unknown, not that it is several words.
 * Returns null when there is no acceptable segmentation; callers keep the joined run then.
 */
public final class WordSegmenter {

    public static final WordSegmenter NONE = new WordSegmenter(Map.of());
    private static final int MAX_WORD = 24;
    /** Extra cost per word, so one known long word beats several short ones. */
    private static final double WORD_PENALTY = 4.0;
    /** Segmentations whose words average fewer letters than this are rejected. */
    private static final int MIN_MEAN_WORD_LENGTH = 3;

    private final Map<String, Integer> counts;
    private final double logTotal;

    public WordSegmenter(Map<String, Integer> counts) {
        this.counts = Collections.unmodifiableMap(new HashMap<>(counts));
        long total = 0;
        for (int c : counts.values()) {
            total += c;
        }
        this.logTotal = Math.log(Math.max(1, total));
    }

    public Map<String, Integer> counts() {
        return counts;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }

    /** Word start offsets within {@code s} (first is 0), or null when no segmentation into known words exists. */
    public int[] segment(String s) {
        int n = s.length();
        if (counts.isEmpty() || n == 0) {
            return null;
        }
        if (counts.containsKey(s)) {
            return new int[] {0};
        }
        double[] best = new double[n + 1];
        int[] from = new int[n + 1];
        java.util.Arrays.fill(best, Double.POSITIVE_INFINITY);
        best[0] = 0;
        for (int i = 1; i <= n; i++) {
            for (int j = Math.max(0, i - MAX_WORD); j < i; j++) {
                if (best[j] == Double.POSITIVE_INFINITY) {
                    continue;
                }
                Integer c = counts.get(s.substring(j, i));
                if (c == null) {
                    continue;
                }
                double cost = best[j] + (logTotal - Math.log(c)) + WORD_PENALTY;
                if (cost < best[i]) {
                    best[i] = cost;
                    from[i] = j;
                }
            }
        }
        if (best[n] == Double.POSITIVE_INFINITY) {
            return null;
        }
        int words = 0;
        for (int i = n; i > 0; i = from[i]) {
            words++;
        }
        int[] starts = new int[words];
        int k = words;
        for (int i = n; i > 0; i = from[i]) {
            starts[--k] = from[i];
        }
        int singles = 0;
        for (int w = 0; w < words; w++) {
            int end = w + 1 < words ? starts[w + 1] : n;
            if (end - starts[w] == 1) {
                singles++;
            }
        }
        if (singles > 1 || n < MIN_MEAN_WORD_LENGTH * words) {
            return null;
        }
        return starts;
    }
}
