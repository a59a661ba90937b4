package io.detoxstreams.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detoxstreams.cli.DetoxStreamsCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bench pipeline} end to end, as a user runs it, at the smallest size: its own embedded broker, every default
 * variant, one round of 1 s steady state, 1 s latency runs, the CI guard with a floor any working moderator clears.
 */
class PipelineBenchIT {

    @Test
    void shouldTimeEveryVariantAccountForEveryCommentAndWriteTheReport() throws Exception {
        Path out = Path.of("target", "bench-it");
        int rc = DetoxStreamsCommand.commandLine().execute("bench", "pipeline", "--rounds", "1", "--steady-seconds", "1",
                "--latency-seconds", "1", "--partitions", "2", "--min-ratio", "0.0001",
                "--json", out.resolve("pipeline.json").toString(), "--report", out.resolve("report").toString(),
                "--work-dir", out.resolve("work").toString());
        assertThat(rc).isZero();

        JsonNode root = new ObjectMapper().readTree(out.resolve("pipeline.json").toFile());
        for (String v : new String[] {"bytes", "serde", "moderator", "pipeline"}) {
            assertThat(root.at("/summary/" + v + "/median_records_per_second").asDouble()).as(v).isPositive();
        }
        assertThat(root.at("/ratios/moderator~1serde/ratio_of_medians").asDouble()).isBetween(0.0001, 1.5);
        assertThat(root.get("runs").findValues("check").stream().map(JsonNode::asText))
                .anyMatch(c -> c.contains("accounted for exactly once"));
        for (JsonNode l : root.get("latency")) {
            assertThat(l.get("received").asLong()).as(l.at("/contender/name").asText())
                    .isEqualTo(l.get("sent").asLong()).isPositive();
            assertThat(l.at("/byClass/pass/p99").asLong()).isPositive();
        }
        assertThat(Files.readString(out.resolve("report/summary.md"))).contains("moderator / serde");
        assertThat(out.resolve("report/throughput.png")).exists();
    }
}
