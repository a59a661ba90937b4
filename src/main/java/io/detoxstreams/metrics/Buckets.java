package io.detoxstreams.metrics;

import java.util.Arrays;

/**
 * The fixed bucket bounds of every histogram in the metrics stores (DESIGN §6). Because the bounds never change,
 * histograms from different partitions, instances and windows merge exactly by adding counts.
 *
 * <p>Every histogram has one count per bound: a value goes into the first bucket whose upper bound is {@code >=} the
 * value; the last bucket also takes everything above its bound (scores and confidences never exceed 1.0; latencies
 * above {@value #LATENCY_OVERFLOW_FROM_MS} ms fall into the open-ended last bucket, whose bound is
 * {@link Long#MAX_VALUE}).
 *
 * <p>Latency bounds follow a 1-1.2-1.5-2-2.5-3-4-5-6-8 series per decade, so neighbouring bounds differ by at most a
 * third above 10 ms: see {@link Percentiles} for what that means for p50/p95/p99.
 */
public final class Buckets {

    /** Toxicity score: 0.05, 0.10, …, 1.00. */
    private static final double[] SCORE = steps(20);
    /** Language-detection confidence: 0.1, 0.2, …, 1.0. */
    private static final double[] CONFIDENCE = steps(10);
    /** Where the open-ended latency bucket starts. */
    public static final long LATENCY_OVERFLOW_FROM_MS = 1_000_000L;
    private static final long[] LATENCY_MS = latencyBounds();

    private Buckets() {
    }

    public static double[] scoreBounds() {
        return SCORE.clone();
    }

    public static double[] confidenceBounds() {
        return CONFIDENCE.clone();
    }

    public static long[] latencyBoundsMs() {
        return LATENCY_MS.clone();
    }

    public static int scoreBuckets() {
        return SCORE.length;
    }

    public static int confidenceBuckets() {
        return CONFIDENCE.length;
    }

    public static int latencyBuckets() {
        return LATENCY_MS.length;
    }

    public static int scoreIndex(double score) {
        return index(SCORE, score);
    }

    public static int confidenceIndex(double confidence) {
        return index(CONFIDENCE, confidence);
    }

    public static int latencyIndex(long millis) {
        int i = Arrays.binarySearch(LATENCY_MS, Math.max(0, millis));
        return i >= 0 ? i : Math.min(-i - 1, LATENCY_MS.length - 1);
    }

    private static int index(double[] bounds, double value) {
        if (!(value > bounds[0])) {          // also NaN and negatives: the first bucket
            return 0;
        }
        int i = Arrays.binarySearch(bounds, value);
        return i >= 0 ? i : Math.min(-i - 1, bounds.length - 1);
    }

    private static double[] steps(int n) {
        double[] b = new double[n];
        for (int i = 1; i <= n; i++) {
            b[i - 1] = i / (double) n;   // exact decimal neighbours: 0.05, 0.1, 0.15, …
        }
        return b;
    }

    private static long[] latencyBounds() {
        long[] small = {1, 2, 3, 4, 5, 6, 8};
        long[] mantissa = {10, 12, 15, 20, 25, 30, 40, 50, 60, 80};
        long[] b = new long[small.length + 5 * mantissa.length + 2];
        int n = 0;
        for (long v : small) {
            b[n++] = v;
        }
        for (long scale = 1; scale <= 10_000; scale *= 10) {
            for (long m : mantissa) {
                b[n++] = m * scale;
            }
        }
        b[n++] = LATENCY_OVERFLOW_FROM_MS;
        b[n] = Long.MAX_VALUE;
        return b;
    }
}
