package io.detoxstreams.cli;

import io.detoxstreams.bench.pipeline.PipelineResult;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.detoxstreams.bench.pipeline.Contender;
import io.detoxstreams.bench.pipeline.Variant;

import static org.assertj.core.api.Assertions.assertThat;

class PipelineBenchCommandTest {

    private static PipelineResult result(double moderator, double serde) {
        Contender m = Contender.plain(Variant.MODERATOR);
        Contender s = Contender.plain(Variant.SERDE);
        return new PipelineResult(Map.of(), Map.of(), List.of(s, m), List.of(
                new PipelineResult.Run(s, 1, 1, 1, 1, serde, 1, 1, 1, 0, ""),
                new PipelineResult.Run(m, 1, 1, 1, 1, moderator, 1, 1, 1, 0, "")), List.of());
    }

    @Test
    void shouldPassTheGuardAtOrAboveTheFloorAndSayWhatItCompared() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = PipelineBenchCommand.guard(new PrintStream(buf, true, StandardCharsets.UTF_8), result(5_000, 40_000), 0.1);
        assertThat(rc).isZero();
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("moderator 5,000 records/s")
                .contains("decode -> encode pass-through 40,000 records/s").contains("= 0.125").contains("OK");
    }

    @Test
    void shouldFailTheGuardBelowTheFloor() {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int rc = PipelineBenchCommand.guard(new PrintStream(buf, true, StandardCharsets.UTF_8), result(3_000, 40_000), 0.1);
        assertThat(rc).isEqualTo(1);
        assertThat(buf.toString(StandardCharsets.UTF_8)).contains("= 0.075").contains("FAILED");
    }
}
