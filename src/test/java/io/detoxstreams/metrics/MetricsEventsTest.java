package io.detoxstreams.metrics;

import org.junit.jupiter.api.Test;

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

    @Test
    void shouldCountADeadLetterWithoutReasonAsAProcessingError() {
        LanguageStats s = MetricsEvents.dlq(null, 5);
        assertThat(s.dlq()).isEqualTo(1);
        assertThat(s.total()).isZero();
        assertThat(s.dlqByReason()).containsEntry(MetricsEvents.PROCESSING_ERROR, 1L);
    }
}
