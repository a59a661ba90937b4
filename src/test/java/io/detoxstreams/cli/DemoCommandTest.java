package io.detoxstreams.cli;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCommandTest {

    @Test
    void shouldParseHumanAndIsoDurations() {
        assertThat(DemoCommand.parseDuration("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DemoCommand.parseDuration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DemoCommand.parseDuration("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(DemoCommand.parseDuration("90")).isEqualTo(Duration.ofSeconds(90));
        assertThat(DemoCommand.parseDuration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThatThrownBy(() -> DemoCommand.parseDuration("3 weeks")).isInstanceOf(RuntimeException.class);
    }
}
