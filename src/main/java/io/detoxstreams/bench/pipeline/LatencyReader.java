package io.detoxstreams.bench.pipeline;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.serde.Codec;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a variant's output topics with {@code read_committed} — what a subscriber sees — and records, for every
 * comment written at or after {@code fromMillis}, the time from its {@code created_at} to the moment it could be read:
 * end-to-end latency. PASS comments (final at the moderator) and toxic ones (PENDING from the moderator alone;
 * REWRITE or HOLD from the full pipeline) are kept apart. Runs on the caller's thread via {@link #readUntil}.
 */
final class LatencyReader implements AutoCloseable {

    static final String PASS = "pass";
    static final String TOXIC = "toxic";
    static final String ALL = "all";

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Variant variant;
    private final Codec<ModerationResult> results;
    private final String toxicTopic;
    private final long fromMillis;
    private final Map<String, Histogram> histograms = new LinkedHashMap<>();

    LatencyReader(Map<String, Object> clientProperties, Variant variant, List<String> topics, String toxicTopic,
                  Codec<ModerationResult> results, long fromMillis) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        this.consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> parts = new ArrayList<>();
        for (String t : topics) {
            for (PartitionInfo pi : consumer.partitionsFor(t)) {
                parts.add(new TopicPartition(t, pi.partition()));
            }
        }
        consumer.assign(parts);
        consumer.seekToBeginning(parts);
        this.variant = variant;
        this.results = results;
        this.toxicTopic = toxicTopic;
        this.fromMillis = fromMillis;
        for (String c : List.of(ALL, PASS, TOXIC)) {
            histograms.put(c, new Histogram(3_600_000L, 3));
        }
    }

    /** Reads until {@code expected} measured comments have arrived or {@code deadlineNanos} passes. */
    long readUntil(long expected, long deadlineNanos) {
        while (count() < expected && System.nanoTime() < deadlineNanos) {
            for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(50))) {
                record(r, System.currentTimeMillis());
            }
        }
        return count();
    }

    private void record(ConsumerRecord<byte[], byte[]> r, long now) {
        long created;
        boolean toxic;
        if (variant == Variant.PIPELINE) {
            // The rewriter's results carry its own timestamp; the comment's creation time is in the value.
            ModerationResult m = results.decode(r.topic(), r.value());
            created = m.getCreatedAt().toEpochMilli();
            toxic = m.getAction() != ModerationAction.PASS;
        } else {
            created = r.timestamp();   // Kafka Streams keeps the input record's timestamp, = created_at
            toxic = r.topic().equals(toxicTopic);
        }
        if (created < fromMillis) {
            return;
        }
        long ms = Math.max(0, now - created);
        histograms.get(ALL).recordValue(Math.min(ms, 3_600_000L));
        histograms.get(toxic ? TOXIC : PASS).recordValue(Math.min(ms, 3_600_000L));
    }

    long count() {
        return histograms.get(ALL).getTotalCount();
    }

    /** Per class (all, pass, toxic): count and p50/p95/p99/max in milliseconds. */
    Map<String, PipelineResult.Percentiles> percentiles() {
        Map<String, PipelineResult.Percentiles> out = new LinkedHashMap<>();
        histograms.forEach((c, h) -> {
            if (h.getTotalCount() > 0) {
                out.put(c, new PipelineResult.Percentiles(h.getTotalCount(), h.getValueAtPercentile(50),
                        h.getValueAtPercentile(95), h.getValueAtPercentile(99), h.getMaxValue()));
            }
        });
        return out;
    }

    @Override
    public void close() {
        consumer.close();
    }
}
