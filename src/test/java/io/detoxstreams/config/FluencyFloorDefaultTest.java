package io.detoxstreams.config;

import io.detoxstreams.rewrite.Verifier;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code rewriter.fluency.floor} defaults to the verifier's DEV-chosen floor and rejects nonsense. */
class FluencyFloorDefaultTest {

    @Test
    void shouldDefaultToTheVerifiersFloorAndAcceptOverrides() {
        assertThat(new DetoxConfig(Map.of()).models().fluencyFloor()).isEqualTo(Verifier.DEFAULT_FLUENCY_FLOOR);
        assertThat(new DetoxConfig(Map.of(DetoxConfig.REWRITER_FLUENCY_FLOOR, "0")).models().fluencyFloor()).isZero();
        assertThatThrownBy(() -> new DetoxConfig(Map.of(DetoxConfig.REWRITER_FLUENCY_FLOOR, "1.5")))
                .hasMessageContaining(DetoxConfig.REWRITER_FLUENCY_FLOOR);
    }
}
