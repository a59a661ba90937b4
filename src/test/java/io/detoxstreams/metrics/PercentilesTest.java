package io.detoxstreams.metrics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Bucket placement and percentile estimates against exact percentiles of known samples. */
class PercentilesTest {

    @Test
    void shouldPlaceValuesInTheFirstBucketWhoseBoundIsAtLeastTheValue() {
        assertThat(Buckets.latencyIndex(0)).isZero();
        assertThat(Buckets.latencyIndex(1)).isZero();
        assertThat(Buckets.latencyIndex(2)).isEqualTo(1);
        assertThat(Buckets.latencyBoundsMs()[Buckets.latencyIndex(11)]).isEqualTo(12);
        assertThat(Buckets.latencyIndex(-5)).isZero();
        assertThat(Buckets.latencyIndex(Long.MAX_VALUE - 1)).isEqualTo(Buckets.latencyBuckets() - 1);
        assertThat(Buckets.scoreIndex(0.0)).isZero();
        assertThat(Buckets.scoreIndex(0.05)).isZero();
        assertThat(Buckets.scoreIndex(0.051)).isEqualTo(1);
        assertThat(Buckets.scoreIndex(1.0)).isEqualTo(19);
        assertThat(Buckets.scoreIndex(Double.NaN)).isZero();
        assertThat(Buckets.confidenceIndex(0.95)).isEqualTo(9);
        long[] b = Buckets.latencyBoundsMs();
        for (int i = 1; i < b.length - 1; i++) {
            assertThat(b[i]).isGreaterThan(b[i - 1]);
            if (b[i - 1] >= 8) {
                assertThat((double) b[i] / b[i - 1]).as("ratio at %d", b[i]).isLessThanOrEqualTo(4.0 / 3 + 1e-9);
            }
        }
    }

    @Test
    void shouldEstimateWithinTheDocumentedBoundOfTheExactPercentile() {
        Random random = new Random(42);
        long[] values = new long[20_000];
        long[] counts = new long[Buckets.latencyBuckets()];
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            values[i] = (long) Math.exp(random.nextGaussian() * 1.2 + 5);   // log-normal around 150 ms
            counts[Buckets.latencyIndex(values[i])]++;
            sum += values[i];
        }
        java.util.Arrays.sort(values);
        for (double p : new double[] {0.5, 0.95, 0.99}) {
            long exact = values[(int) Math.ceil(p * values.length) - 1];
            double estimate = Percentiles.of(Buckets.latencyBoundsMs(), counts, p);
            assertThat(Math.abs(estimate - exact)).as("p%.0f: exact %d, estimate %.1f", p * 100, exact, estimate)
                    .isLessThanOrEqualTo(Math.max(1, exact / 3.0));
        }
        assertThat(Percentiles.mean(sum, counts)).isCloseTo((double) sum / values.length, within(1e-9));
    }

    @Test
    void shouldInterpolateInsideABucketAndReportTheOverflowBucketByItsLowerBound() {
        long[] bounds = {10, 20, 40, Long.MAX_VALUE};
        assertThat(Percentiles.of(bounds, new long[] {0, 4, 0, 0}, 0.5)).isEqualTo(15.0);
        assertThat(Percentiles.of(bounds, new long[] {2, 0, 0, 2}, 0.99)).isEqualTo(40.0);
        assertThat(Percentiles.of(bounds, new long[] {0, 0, 0, 0}, 0.5)).isNaN();
    }
}
