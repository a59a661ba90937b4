package io.detoxstreams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code train} and {@code eval classification} on a small directory with the ../shared/data layout (the first rows
 * of a few files, built at test time): training is deterministic (same bytes twice), and the evaluation works on any
 * directory with that layout and writes JSON, Markdown and a PNG chart.
 */
class TrainAndEvalCommandTest {

    @TempDir
    static Path work;
    static Path data;

    @BeforeAll
    static void smallDataDirectory() throws IOException {
        SharedData.assumePresent();
        data = work.resolve("data");
        copyHead("toxicity/en.tsv", 2500);
        copyHead("toxicity/de.tsv", 1500);
        copyHead("toxicity/functional/fr.tsv", 800);
        copyHead("toxicity/spans/en.tsv", 600);
        copyHead("detox/en.tsv", 600);
        copyHead("lexicon/en.txt", 400);
    }

    private static void copyHead(String file, int lines) throws IOException {
        Path to = data.resolve(file);
        Files.createDirectories(to.getParent());
        List<String> all = Files.readAllLines(SharedData.DIR.resolve(file), StandardCharsets.UTF_8);
        Files.write(to, all.subList(0, Math.min(lines, all.size())), StandardCharsets.UTF_8);
    }

    @Test
    void shouldTrainDeterministicallyAndEvaluateAnyDirectoryWithTheLayout() throws IOException {
        Path a = work.resolve("a");
        Path b = work.resolve("b");
        for (Path out : List.of(a, b)) {
            int rc = DetoxStreamsCommand.commandLine().execute("train", "--data", data.toString(), "--out",
                    out.toString(), "--epochs", "2", "--bits", "18");
            assertThat(rc).isZero();
        }
        assertThat(Files.readAllBytes(a.resolve("toxicity-embedded.bin")))
                .isEqualTo(Files.readAllBytes(b.resolve("toxicity-embedded.bin")));
        assertThat(Files.readAllBytes(a.resolve("langid-embedded.bin")))
                .isEqualTo(Files.readAllBytes(b.resolve("langid-embedded.bin")));

        Path json = work.resolve("report.json");
        Path report = work.resolve("report");
        int rc = DetoxStreamsCommand.commandLine().execute("eval", "classification", "--data", data.toString(),
                "--model", a.resolve("toxicity-embedded.bin").toString(), "--split", "all", "--out", json.toString(),
                "--report", report.toString());
        assertThat(rc).isZero();
        JsonNode r = new ObjectMapper().readTree(json.toFile());
        assertThat(r.get("toxicity")).extracting(n -> n.get("lang").asText()).containsExactly("de", "en");
        assertThat(r.get("functional")).extracting(n -> n.get("lang").asText()).containsExactly("fr");
        for (JsonNode lang : r.get("toxicity")) {
            // Evaluated on rows it mostly trained on: a working pipeline must separate the classes.
            assertThat(lang.get("metrics").get("rocAuc").asDouble()).as(lang.get("lang").asText()).isGreaterThan(0.75);
        }
        assertThat(r.get("span_f1").get("en").asDouble()).isBetween(0.0, 1.0);
        assertThat(Files.readString(report.resolve("report.md"))).contains("| toxicity | en |");
        assertThat(Files.size(report.resolve("classification.png"))).isGreaterThan(1000);
    }
}
