package io.detoxstreams.bench.pipeline;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContenderTest {

    @Test
    void shouldParseATunedVariantWithItsOwnSettings() {
        Contender c = Contender.parse("c500=moderator:kafka.commit.interval.ms=500,kafka.linger.ms=20");
        assertThat(c.name()).isEqualTo("moderator/c500");
        assertThat(c.slug()).isEqualTo("moderator-c500");
        assertThat(c.variant()).isEqualTo(Variant.MODERATOR);
        assertThat(c.overrides()).isEqualTo(Map.of("kafka.commit.interval.ms", "500", "kafka.linger.ms", "20"));
        assertThat(c.tuned()).isTrue();
        assertThat(Contender.plain(Variant.SERDE).tuned()).isFalse();
    }

    @Test
    void shouldRejectMalformedSpecsNamingTheExpectedForm() {
        assertThatThrownBy(() -> Contender.parse("moderator")).hasMessageContaining("TAG=VARIANT:KEY=VALUE");
        assertThatThrownBy(() -> Contender.parse("x=nosuch:a=b")).hasMessageContaining("unknown variant");
        assertThatThrownBy(() -> Contender.parse("x=moderator:novalue")).hasMessageContaining("KEY=VALUE");
    }
}
