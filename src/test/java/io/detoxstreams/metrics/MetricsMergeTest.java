package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Merging instances' per-partition answers: sums across partitions, one answer per partition, gaps reported. */
class MetricsMergeTest {

    private static LanguageMetrics en(long dlqs) {
        LanguageStats s = new LanguageStats();
        for (int i = 0; i < dlqs; i++) {
            s.merge(MetricsEvents.dlq("undecodable", i));
        }
        return MetricsRecords.toAvro("en", s);
    }

    @Test
    void shouldSumPartitionsAndKeepTheMoreAdvancedOfTwoAnswersForOnePartition() {
        var a = new MetricsMerge.Answer("a", Map.of(0, List.of(en(3)), 1, List.of(en(2))));
        // b took partition 1 over during a rebalance and has counted one more event since.
        var b = new MetricsMerge.Answer("b", Map.of(1, List.of(en(3)), 2, List.of()));
        MetricsMerge.Merged m = MetricsMerge.merge(List.of(a, b), Set.of(0, 1, 2));
        assertThat(m.language("en").dlq()).isEqualTo(6);
        assertThat(m.partial()).isFalse();
        assertThat(m.answered()).containsExactly(0, 1, 2);
        assertThat(m.all().dlq()).isEqualTo(6);
    }

    @Test
    void shouldReportMissingPartitionsAsPartial() {
        var a = new MetricsMerge.Answer("a", Map.of(0, List.of(en(1))));
        MetricsMerge.Merged m = MetricsMerge.merge(List.of(a), Set.of(0, 1, 2));
        assertThat(m.partial()).isTrue();
        assertThat(m.missing()).containsExactly(1, 2);
    }
}
