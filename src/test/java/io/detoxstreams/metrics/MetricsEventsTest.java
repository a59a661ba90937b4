package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageInfo;
import io.detoxstreams.avro.ModelVersions;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.avro.Timings;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsEventsTest {

    @Test
    void shouldTakeTheDlqLanguageFromAWellFormedHintOnly() {
        assertThat(MetricsEvents.dlqLanguage("EN-gb")).isEqualTo("en");
        assertThat(MetricsEvents.dlqLanguage(" de ")).isEqualTo("de");
        assertThat(MetricsEvents.dlqLanguage("fil")).isEqualTo("fil");
        assertThat(MetricsEvents.dlqLanguage(null)).isEqualTo("und");
        assertThat(MetricsEvents.dlqLanguage("")).isEqualTo("und");
        assertThat(MetricsEvents.dlqLanguage("english")).isEqualTo("und");
        assertThat(MetricsEvents.dlqLanguage("e1")).isEqualTo("und");
    }

    private static ModerationResult verdict(ModerationAction action, String reason, double score, Double review,
                                            String coverage) {
        Instant t = Instant.ofEpochMilli(10_000);
        return ModerationResult.newBuilder().setId("c").setAction(action).setHoldReason(reason)
                .setOriginalText("x").setOutputText("").setLanguage(new LanguageInfo("en", "Latn", 1.0, "hint", coverage))
                .setToxicityScore(score).setThreshold(0.8).setReviewThreshold(review).setCategories(Map.of())
                .setToxicSpans(List.of()).setModels(new ModelVersions("embedded/x", null))
                .setTimings(new Timings(1L, 1L, null, 0)).setCreatedAt(Instant.ofEpochMilli(9_000))
                .setIngestedAt(Instant.ofEpochMilli(9_500)).setModeratedAt(t).setProcessedAt(t).build();
    }

    @Test
    void shouldCountAModeratorHoldAsHoldByReasonWithItsLatency() {
        LanguageStats s = MetricsEvents.verdict(verdict(ModerationAction.HOLD, "threat", 0.1, 0.5, "supported"));
        assertThat(s.total()).isEqualTo(1);
        assertThat(s.hold()).isEqualTo(1);
        assertThat(s.toxic()).isZero();
        assertThat(s.pending()).isZero();
        assertThat(s.holdByReason()).containsEntry("threat", 1L);
        assertThat(s.latencySumMs()).isEqualTo(1_000);
        assertThat(s.coverage()).containsEntry("supported", 1L);
        assertThat(s.uncertain()).isZero();
    }

    @Test
    void shouldCountCoverageAndTheReviewBand() {
        assertThat(MetricsEvents.verdict(verdict(ModerationAction.PASS, null, 0.6, 0.5, "limited")).uncertain())
                .isEqualTo(1);
        assertThat(MetricsEvents.verdict(verdict(ModerationAction.PASS, null, 0.4, 0.5, "limited")).uncertain())
                .isZero();
        assertThat(MetricsEvents.verdict(verdict(ModerationAction.PENDING, null, 0.9, 0.5, "limited")).uncertain())
                .isZero();
        LanguageStats old = MetricsEvents.verdict(verdict(ModerationAction.PASS, null, 0.6, null, null));
        assertThat(old.uncertain()).as("a record from before the review band").isZero();
        assertThat(old.coverage()).isEmpty();
        assertThat(MetricsEvents.verdict(verdict(ModerationAction.HOLD, "unsupported_language", 0.0, 0.5,
                "unsupported")).coverage()).containsEntry("unsupported", 1L);
    }

    @Test
    void shouldCountADeadLetterWithoutReasonAsAProcessingError() {
        LanguageStats s = MetricsEvents.dlq(null, 5);
        assertThat(s.dlq()).isEqualTo(1);
        assertThat(s.total()).isZero();
        assertThat(s.dlqByReason()).containsEntry(MetricsEvents.PROCESSING_ERROR, 1L);
    }
}
