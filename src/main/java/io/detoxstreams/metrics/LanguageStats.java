package io.detoxstreams.metrics;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Moderation outcomes of one language (all time, or one window, or one event): counts, fixed-bound histograms
 * ({@link Buckets}) and exact sums. It is the value of the metrics stores and of the repartition topics: a single
 * event is a {@code LanguageStats} with counts of one ({@link MetricsEvents}), and aggregating, merging partitions,
 * instances or windows are all the same {@link #merge} — plain addition, so every merge is exact and order does not
 * matter. Mutable and not thread-safe; Kafka Streams hands each aggregation a freshly deserialized copy.
 */
public final class LanguageStats {

    long total;
    long pass;
    long toxic;
    long rewrite;
    long hold;
    long dlq;
    /** Comments in the review band: passed or held by moderation.uncertain.action, never rewritten. */
    long uncertain;
    final Map<String, Long> holdByReason = new TreeMap<>();
    final Map<String, Long> dlqByReason = new TreeMap<>();
    final Map<String, Long> categories = new TreeMap<>();
    final Map<String, Long> backends = new TreeMap<>();
    /** Coverage of the comment's language (supported, limited, unsupported) → moderated comments. */
    final Map<String, Long> coverage = new TreeMap<>();
    /** Sum of toxicity scores in millionths, so sums are exact and independent of the order of additions. */
    long scoreSumMicros;
    final long[] scoreHistogram = new long[Buckets.scoreBuckets()];
    final long[] confidenceHistogram = new long[Buckets.confidenceBuckets()];
    final long[] latencyHistogram = new long[Buckets.latencyBuckets()];
    long latencySumMs;
    final long[] ingestLatencyHistogram = new long[Buckets.latencyBuckets()];
    long ingestLatencySumMs;
    long updatedAt;

    /** Adds {@code other} into this and returns this. */
    public LanguageStats merge(LanguageStats other) {
        total += other.total;
        pass += other.pass;
        toxic += other.toxic;
        rewrite += other.rewrite;
        hold += other.hold;
        dlq += other.dlq;
        uncertain += other.uncertain;
        addAll(holdByReason, other.holdByReason);
        addAll(dlqByReason, other.dlqByReason);
        addAll(categories, other.categories);
        addAll(backends, other.backends);
        addAll(coverage, other.coverage);
        scoreSumMicros += other.scoreSumMicros;
        addAll(scoreHistogram, other.scoreHistogram);
        addAll(confidenceHistogram, other.confidenceHistogram);
        addAll(latencyHistogram, other.latencyHistogram);
        latencySumMs += other.latencySumMs;
        addAll(ingestLatencyHistogram, other.ingestLatencyHistogram);
        ingestLatencySumMs += other.ingestLatencySumMs;
        updatedAt = Math.max(updatedAt, other.updatedAt);
        return this;
    }

    /** A copy of this (merging into a copy leaves the original untouched). */
    public LanguageStats copy() {
        return new LanguageStats().merge(this);
    }

    public long total() {
        return total;
    }

    public long pass() {
        return pass;
    }

    public long toxic() {
        return toxic;
    }

    public long rewrite() {
        return rewrite;
    }

    public long hold() {
        return hold;
    }

    /** Toxic comments whose rewriter outcome has not been counted yet. */
    public long pending() {
        return total - pass - rewrite - hold;
    }

    public long dlq() {
        return dlq;
    }

    /** Comments scored in the review band (between the review and the rewrite threshold). */
    public long uncertain() {
        return uncertain;
    }

    /** Coverage of the comments' language ({@code supported}, {@code limited}, {@code unsupported}) → count. */
    public Map<String, Long> coverage() {
        return Collections.unmodifiableMap(coverage);
    }

    public Map<String, Long> holdByReason() {
        return Collections.unmodifiableMap(holdByReason);
    }

    public Map<String, Long> dlqByReason() {
        return Collections.unmodifiableMap(dlqByReason);
    }

    /** Category → comments where it scored at or above the language threshold. */
    public Map<String, Long> categories() {
        return Collections.unmodifiableMap(categories);
    }

    /** Rewriter backend → outcomes of the rewriter it produced. */
    public Map<String, Long> backends() {
        return Collections.unmodifiableMap(backends);
    }

    public double scoreSum() {
        return scoreSumMicros / 1e6;
    }

    /** Mean toxicity score of the moderated comments, NaN when there are none. */
    public double meanScore() {
        return total == 0 ? Double.NaN : scoreSum() / total;
    }

    public long[] scoreHistogram() {
        return scoreHistogram.clone();
    }

    public long[] confidenceHistogram() {
        return confidenceHistogram.clone();
    }

    /** End-to-end latency (processed_at - created_at) of final outcomes. */
    public long[] latencyHistogram() {
        return latencyHistogram.clone();
    }

    public long latencySumMs() {
        return latencySumMs;
    }

    /** Pipeline latency (processed_at - ingested_at) of final outcomes. */
    public long[] ingestLatencyHistogram() {
        return ingestLatencyHistogram.clone();
    }

    public long ingestLatencySumMs() {
        return ingestLatencySumMs;
    }

    /** Latest processing time among the events counted (epoch millis). */
    public long updatedAt() {
        return updatedAt;
    }

    private static void addAll(Map<String, Long> into, Map<String, Long> from) {
        from.forEach((k, v) -> into.merge(k, v, Long::sum));
    }

    private static void addAll(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] += from[i];
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof LanguageStats s)) {
            return false;
        }
        return total == s.total && pass == s.pass && toxic == s.toxic && rewrite == s.rewrite && hold == s.hold
                && dlq == s.dlq && uncertain == s.uncertain && coverage.equals(s.coverage)
                && holdByReason.equals(s.holdByReason) && dlqByReason.equals(s.dlqByReason)
                && categories.equals(s.categories) && backends.equals(s.backends) && scoreSumMicros == s.scoreSumMicros
                && Arrays.equals(scoreHistogram, s.scoreHistogram)
                && Arrays.equals(confidenceHistogram, s.confidenceHistogram)
                && Arrays.equals(latencyHistogram, s.latencyHistogram) && latencySumMs == s.latencySumMs
                && Arrays.equals(ingestLatencyHistogram, s.ingestLatencyHistogram)
                && ingestLatencySumMs == s.ingestLatencySumMs && updatedAt == s.updatedAt;
    }

    @Override
    public int hashCode() {
        return Objects.hash(total, pass, toxic, rewrite, hold, dlq, scoreSumMicros, updatedAt);
    }

    @Override
    public String toString() {
        return "LanguageStats{total=" + total + ", pass=" + pass + ", toxic=" + toxic + ", rewrite=" + rewrite
                + ", hold=" + hold + ", dlq=" + dlq + ", uncertain=" + uncertain + ", coverage=" + coverage
                + ", holdByReason=" + holdByReason + ", dlqByReason=" + dlqByReason
                + "}";
    }
}
