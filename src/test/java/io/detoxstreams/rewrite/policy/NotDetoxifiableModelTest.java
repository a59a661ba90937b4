package io.detoxstreams.rewrite.policy;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.cli.DetoxStreamsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class NotDetoxifiableModelTest {

    private static final ToxicityResult INSULT = new ToxicityResult(0.95, true, 0.68,
            Map.of("insult", 0.9, "profanity", 0.2), List.of(new ToxicSpan(11, 16, "insult", 0.9, "embedded")), "t");

    @Test
    void shouldRoundTripThroughItsBinaryFormat() throws Exception {
        NotDetoxifiableModel shipped = NotDetoxifiableModel.loadShipped("en").orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        shipped.write(out);
        NotDetoxifiableModel read = NotDetoxifiableModel.read(new ByteArrayInputStream(out.toByteArray()));
        assertThat(read.lang()).isEqualTo("en");
        assertThat(read.threshold()).isEqualTo(shipped.threshold());
        assertThat(read.probability("you are an idiot", INSULT))
                .isEqualTo(shipped.probability("you are an idiot", INSULT));
    }

    @Test
    void shouldScoreWhatIsLeftOutsideTheSpans() {
        NotDetoxifiableModel m = NotDetoxifiableModel.loadShipped("en").orElseThrow();
        String content = "you are an idiot , the new tax plan takes money from pensioners and schools";
        ToxicityResult r = new ToxicityResult(0.95, true, 0.68, Map.of("insult", 0.9), List.of(
                new ToxicSpan(11, 16, "insult", 0.9, "embedded")), "t");
        assertThat(m.probability("you are an idiot", INSULT)).isBetween(0.0, 1.0)
                .isGreaterThan(m.probability(content, r));
    }

    @Test
    void shouldRejectAFileThatIsNotAModel() {
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> NotDetoxifiableModel.read(
                new ByteArrayInputStream(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})))).isInstanceOf(java.io.IOException.class);
    }

    @Test
    void shouldReproduceTheShippedModelByteForByte(@TempDir Path out) throws Exception {
        Path data = Path.of("../shared/data");
        assumeTrue(Files.isRegularFile(data.resolve("detox/cannot_rewrite/en.tsv")),
                "../shared/data/detox is absent: cannot retrain the hold model (CI has the data)");
        int rc = DetoxStreamsCommand.commandLine().execute("train-hold-model", "--data", data.toString(),
                "--out", out.toString());
        assertThat(rc).isZero();
        try (InputStream shipped = getClass().getClassLoader()
                .getResourceAsStream(NotDetoxifiableModel.resourceName("en"))) {
            assertThat(shipped).isNotNull();
            assertThat(Files.readAllBytes(out.resolve("not-detoxifiable-en.bin"))).isEqualTo(shipped.readAllBytes());
        }
        NotDetoxifiableModel m = NotDetoxifiableModel.read(Files.newInputStream(out.resolve("not-detoxifiable-en.bin")));
        assertThat(m.threshold()).isCloseTo(NotDetoxifiableModel.loadShipped("en").orElseThrow().threshold(),
                within(0.0));
    }
}
