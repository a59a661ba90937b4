package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.Format;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LanguageStats ↔ LanguageMetrics, through the wire formats, and the checks on bucket bounds. */
class MetricsRecordsTest {

    private static LanguageStats sample() {
        LanguageStats s = MetricsEvents.dlq("undecodable", 1_000L);
        s.merge(MetricsEvents.dlq(null, 2_000L));
        s.total = 7;
        s.pass = 4;
        s.toxic = 3;
        s.rewrite = 2;
        s.hold = 1;
        s.holdByReason.put("threat", 1L);
        s.categories.put("insult", 3L);
        s.backends.put("embedded", 3L);
        s.coverage.put("supported", 5L);
        s.coverage.put("unsupported", 2L);
        s.uncertain = 2;
        s.scoreSumMicros = 2_345_678;
        s.scoreHistogram[3] = 4;
        s.scoreHistogram[19] = 3;
        s.confidenceHistogram[9] = 7;
        s.latencyHistogram[Buckets.latencyIndex(120)] = 7;
        s.latencySumMs = 840;
        s.ingestLatencyHistogram[Buckets.latencyIndex(2_000_000)] = 7;
        s.ingestLatencySumMs = 14_000_000;
        return s;
    }

    @Test
    void shouldRoundTripThroughTheAvroRecordInEveryOutputFormat() {
        LanguageStats s = sample();
        Instant start = Instant.parse("2026-11-25T10:00:00Z");
        for (Format f : List.of(Format.AVRO, Format.JSON)) {
            Codec<LanguageMetrics> codec = new Codecs(Format.AVRO, f, null).metrics();
            for (Instant ws : new Instant[] {null, start}) {
                LanguageMetrics m = MetricsRecords.toAvro("en", s, ws, ws == null ? null : ws.plusSeconds(60));
                LanguageMetrics back = codec.decode("moderation.metrics", codec.encode("moderation.metrics", m));
                assertThat(back).as("%s window %s", f, ws).isEqualTo(m);
                assertThat(MetricsRecords.fromAvro(back)).isEqualTo(s);
            }
        }
    }

    @Test
    void shouldRoundTripThroughTheCompactStoreSerde() {
        LanguageStatsSerde serde = new LanguageStatsSerde();
        LanguageStats s = sample();
        assertThat(serde.deserialize("t", serde.serialize("t", s))).isEqualTo(s);
        assertThat(serde.deserialize("t", serde.serialize("t", new LanguageStats()))).isEqualTo(new LanguageStats());
        byte[] bytes = serde.serialize("t", s);
        bytes[0] = 9;
        assertThatThrownBy(() -> serde.deserialize("t", bytes))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
        assertThatThrownBy(() -> serde.deserialize("t", java.util.Arrays.copyOf(serde.serialize("t", s), 20)))
                .isInstanceOf(org.apache.kafka.common.errors.SerializationException.class);
    }

    @Test
    void shouldStillReadStoreStateWrittenBeforeTheCoverageCounts() {
        // Format 1: the same layout without the trailing uncertain count and coverage map.
        LanguageStatsSerde serde = new LanguageStatsSerde();
        LanguageStats s = sample();
        s.coverage.clear();
        s.uncertain = 0;
        byte[] current = serde.serialize("t", s);
        byte[] format1 = java.util.Arrays.copyOf(current, current.length - 2); // varint 0 + empty map
        format1[0] = LanguageStatsSerde.FORMAT_1;
        assertThat(serde.deserialize("t", format1)).isEqualTo(s);
    }

    @Test
    void shouldRefuseToMergeHistogramsWithOtherBucketBounds() {
        LanguageMetrics m = MetricsRecords.toAvro("en", sample());
        m.setLatencyBucketBoundsMs(List.of(1L, 10L, 100L));
        assertThatThrownBy(() -> MetricsRecords.fromAvro(m)).hasMessageContaining("latency bucket bounds");
    }

    @Test
    void shouldMergeByAddingEverything() {
        LanguageStats a = sample();
        LanguageStats twice = sample().merge(sample());
        assertThat(twice.total()).isEqualTo(2 * a.total());
        assertThat(twice.dlqByReason()).containsEntry("undecodable", 2L).containsEntry("processing_error", 2L);
        assertThat(twice.latencyHistogram()[Buckets.latencyIndex(120)]).isEqualTo(14);
        assertThat(twice.scoreSum()).isEqualTo(2 * a.scoreSum());
        assertThat(twice.updatedAt()).isEqualTo(a.updatedAt());
        assertThat(a.copy().merge(new LanguageStats())).isEqualTo(a);
    }
}
