package io.detoxstreams.bench.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The report's arithmetic and files, on a result built by hand (the rates here are inputs, not measurements). */
class PipelineReportTest {

    static final Contender BYTES = Contender.plain(Variant.BYTES);
    static final Contender SERDE = Contender.plain(Variant.SERDE);
    static final Contender MODERATOR = Contender.plain(Variant.MODERATOR);
    static final Contender TUNED = Contender.parse("c500=moderator:kafka.commit.interval.ms=500");

    @TempDir
    Path dir;

    static PipelineResult result() {
        List<PipelineResult.Run> runs = List.of(
                run(BYTES, 1, 100_000), run(SERDE, 1, 40_000), run(MODERATOR, 1, 4_000), run(TUNED, 1, 5_000),
                run(BYTES, 2, 120_000), run(SERDE, 2, 50_000), run(MODERATOR, 2, 6_000), run(TUNED, 2, 6_600),
                run(BYTES, 3, 80_000), run(SERDE, 3, 20_000), run(MODERATOR, 3, 3_000), run(TUNED, 3, 3_000));
        Map<String, PipelineResult.Percentiles> lat = Map.of(LatencyReader.ALL, new PipelineResult.Percentiles(10, 60, 90, 120, 130),
                LatencyReader.PASS, new PipelineResult.Percentiles(8, 55, 85, 110, 130));
        return new PipelineResult(Map.of("partitions", 4), Map.of("source", "test"), List.of(BYTES, SERDE, MODERATOR, TUNED),
                runs, List.of(new PipelineResult.Latency(MODERATOR, 2_000, 1_990, 10, 10, lat)));
    }

    static PipelineResult.Run run(Contender c, int round, double rate) {
        return new PipelineResult.Run(c, round, 1_000, 800, 800 / rate, rate, 100, 150, 0.5, 0.1, "");
    }

    @Test
    void shouldTakeMediansOverRoundsAndRatiosOfMediansAndWithinRounds() {
        PipelineResult r = result();
        assertThat(r.medianRate(MODERATOR)).isEqualTo(4_000);
        assertThat(r.ratio(MODERATOR, SERDE)).isCloseTo(0.1, within(1e-9));
        assertThat(r.roundRatios(MODERATOR, SERDE)).containsExactly(0.1, 0.12, 0.15);
        assertThat(r.headlineRatios()).extracting(p -> p[0].name() + "/" + p[1].name())
                .containsExactly("moderator/bytes", "moderator/serde", "moderator/c500/moderator");
    }

    @Test
    void shouldWriteTableJsonMarkdownAndCharts() throws Exception {
        PipelineResult r = result();
        String table = PipelineReport.table(r);
        assertThat(table).contains("(2) moderator alone").contains("moderator / serde            = 0.100")
                .contains("kafka.commit.interval.ms=500").contains("55 / 85 / 110");

        Path json = dir.resolve("out/pipeline.json");
        PipelineReport.writeJson(r, json);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.at("/summary/moderator/median_records_per_second").asDouble()).isEqualTo(4_000);
        assertThat(root.at("/ratios/moderator~1serde/ratio_of_medians").asDouble()).isCloseTo(0.1, within(1e-9));
        assertThat(root.at("/runs/0/contender/variant").asText()).isEqualTo("bytes");

        PipelineReport.writeReport(r, dir.resolve("report"));
        assertThat(Files.readString(dir.resolve("report/summary.md"))).contains("| moderator / serde | 0.100 |")
                .contains("![latency](latency.png)");
        assertThat(Files.size(dir.resolve("report/throughput.png"))).isGreaterThan(1_000);
        assertThat(Files.size(dir.resolve("report/latency.png"))).isGreaterThan(1_000);
    }
}
