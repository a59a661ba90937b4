package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.serde.TrustedAvroClasses;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Converts between the stores' {@link LanguageStats} and the public {@link LanguageMetrics} Avro record (published to
 * {@code moderation.metrics}, and what instances send each other when a query fans out). The record carries the
 * bucket bounds beside each histogram; {@link #fromAvro} refuses bounds that differ from {@link Buckets}, since adding
 * counts of different buckets would be silently wrong.
 */
public final class MetricsRecords {

    static {
        TrustedAvroClasses.ensure();
    }

    private MetricsRecords() {
    }

    /** All-time metrics of {@code lang}. */
    public static LanguageMetrics toAvro(String lang, LanguageStats s) {
        return toAvro(lang, s, null, null);
    }

    /** Metrics of {@code lang} in the window [start, end), or all time when both are null. */
    public static LanguageMetrics toAvro(String lang, LanguageStats s, Instant windowStart, Instant windowEnd) {
        return LanguageMetrics.newBuilder()
                .setLang(lang)
                .setWindowStart(windowStart)
                .setWindowEnd(windowEnd)
                .setTotal(s.total).setPass(s.pass).setToxic(s.toxic).setRewrite(s.rewrite).setHold(s.hold)
                .setHoldByReason(new HashMap<>(s.holdByReason))
                .setDlq(s.dlq)
                .setDlqByReason(new HashMap<>(s.dlqByReason))
                .setScoreSum(s.scoreSum())
                .setScoreBucketBounds(doubles(Buckets.scoreBounds()))
                .setScoreHistogram(longs(s.scoreHistogram))
                .setCategoryCounts(new HashMap<>(s.categories))
                .setConfidenceBucketBounds(doubles(Buckets.confidenceBounds()))
                .setConfidenceHistogram(longs(s.confidenceHistogram))
                .setLatencyBucketBoundsMs(longs(Buckets.latencyBoundsMs()))
                .setLatencyHistogram(longs(s.latencyHistogram))
                .setLatencySumMs(s.latencySumMs)
                .setIngestLatencyHistogram(longs(s.ingestLatencyHistogram))
                .setIngestLatencySumMs(s.ingestLatencySumMs)
                .setRewriterBackendCounts(new HashMap<>(s.backends))
                .setCoverageCounts(new HashMap<>(s.coverage))
                .setUncertain(s.uncertain)
                .setUpdatedAt(Instant.ofEpochMilli(s.updatedAt))
                .build();
    }

    /** @throws IllegalArgumentException when the record's bucket bounds are not those of {@link Buckets} */
    public static LanguageStats fromAvro(LanguageMetrics m) {
        check("score", m.getScoreBucketBounds(), doubles(Buckets.scoreBounds()));
        check("confidence", m.getConfidenceBucketBounds(), doubles(Buckets.confidenceBounds()));
        check("latency", m.getLatencyBucketBoundsMs(), longs(Buckets.latencyBoundsMs()));
        LanguageStats s = new LanguageStats();
        s.total = m.getTotal();
        s.pass = m.getPass();
        s.toxic = m.getToxic();
        s.rewrite = m.getRewrite();
        s.hold = m.getHold();
        s.dlq = m.getDlq();
        s.holdByReason.putAll(m.getHoldByReason());
        s.dlqByReason.putAll(m.getDlqByReason());
        s.categories.putAll(m.getCategoryCounts());
        s.backends.putAll(m.getRewriterBackendCounts());
        s.coverage.putAll(m.getCoverageCounts());
        s.uncertain = m.getUncertain();
        s.scoreSumMicros = Math.round(m.getScoreSum() * 1e6);
        copy(m.getScoreHistogram(), s.scoreHistogram, "score");
        copy(m.getConfidenceHistogram(), s.confidenceHistogram, "confidence");
        copy(m.getLatencyHistogram(), s.latencyHistogram, "latency");
        s.latencySumMs = m.getLatencySumMs();
        copy(m.getIngestLatencyHistogram(), s.ingestLatencyHistogram, "ingest latency");
        s.ingestLatencySumMs = m.getIngestLatencySumMs();
        s.updatedAt = m.getUpdatedAt().toEpochMilli();
        return s;
    }

    private static void check(String name, List<?> actual, List<?> expected) {
        if (!actual.equals(expected)) {
            throw new IllegalArgumentException(name + " bucket bounds differ from this version's: cannot merge");
        }
    }

    /** An empty histogram (a v1 record without ingest latency) stays all zeros. */
    private static void copy(List<Long> from, long[] into, String name) {
        if (from.isEmpty()) {
            return;
        }
        if (from.size() != into.length) {
            throw new IllegalArgumentException(name + " histogram has " + from.size() + " buckets, expected " + into.length);
        }
        for (int i = 0; i < into.length; i++) {
            into[i] = from.get(i);
        }
    }

    private static List<Double> doubles(double[] v) {
        return new ArrayList<>(Arrays.stream(v).boxed().toList());
    }

    private static List<Long> longs(long[] v) {
        return new ArrayList<>(Arrays.stream(v).boxed().toList());
    }
}
