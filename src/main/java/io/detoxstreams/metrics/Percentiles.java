package io.detoxstreams.metrics;

/**
 * Percentiles from a fixed-bound histogram ({@link Buckets}), by linear interpolation inside the bucket that holds
 * the requested rank.
 *
 * <p><b>Error bound.</b> The estimate always lies in the same bucket as the true percentile, so it is off by less than
 * that bucket's width: under 1 ms below 8 ms, and at most a third of the true value above (bounds grow by at most
 * 4/3 from one to the next). Values in the open-ended last bucket are reported as its lower bound
 * ({@value Buckets#LATENCY_OVERFLOW_FROM_MS} ms), an underestimate by construction. The estimate is exact to the
 * bucket whatever the number of instances or windows merged, because merging adds counts.
 */
public final class Percentiles {

    private Percentiles() {
    }

    /**
     * @param bounds upper bounds of the buckets, ascending; the first bucket starts at 0
     * @param counts one count per bound
     * @param p      in (0, 1], e.g. 0.99
     * @return the estimate, or NaN when the histogram is empty
     */
    public static double of(long[] bounds, long[] counts, double p) {
        if (bounds.length != counts.length) {
            throw new IllegalArgumentException("bounds and counts differ in length: " + bounds.length + " vs " + counts.length);
        }
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile must be in (0, 1]: " + p);
        }
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double rank = p * total;
        long below = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] > 0 && below + counts[i] >= rank) {
                double lower = i == 0 ? 0 : bounds[i - 1];
                if (bounds[i] == Long.MAX_VALUE) {
                    return lower;
                }
                double fraction = (rank - below) / counts[i];
                return lower + (bounds[i] - lower) * fraction;
            }
            below += counts[i];
        }
        return bounds[bounds.length - 1];   // not reached: the loop finds the rank
    }

    /** The mean of the recorded values from their exact sum, or NaN when none were recorded. */
    public static double mean(long sum, long[] counts) {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n == 0 ? Double.NaN : (double) sum / n;
    }
}
