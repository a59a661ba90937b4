package io.detoxstreams.rewrite.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The junction term's tabulated log-sigmoid is the exact one (floored at -13.8) to within 1e-6 everywhere. */
class EditScorerTest {

    @Test
    void shouldMatchTheExactFlooredLogSigmoid() {
        for (double z = -40; z <= 40; z += 0.0137) {
            assertThat(EditScorer.logSigmoid(z)).as("z = %s", z).isCloseTo(EditScorer.exactLogSigmoid(z), within(1e-6));
        }
        assertThat(EditScorer.logSigmoid(-100)).isEqualTo(-13.8);
        assertThat(EditScorer.logSigmoid(0)).isCloseTo(Math.log(0.5), within(1e-6));
    }
}
