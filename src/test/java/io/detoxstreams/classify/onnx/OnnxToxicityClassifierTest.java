package io.detoxstreams.classify.onnx;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.config.ModelDevice;
import io.detoxstreams.testing.onnx.TinyClassifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The onnx classifier on a tiny exported model whose scores this test computes itself. */
class OnnxToxicityClassifierTest {

    @TempDir
    static Path dir;
    static EmbeddedToxicityClassifier embedded;
    static final TinyClassifier MODEL = new TinyClassifier(2, 42);

    @BeforeAll
    static void setUp() {
        embedded = EmbeddedToxicityClassifier.loadDefault();
    }

    private static OnnxToxicityClassifier load(String name, List<String> labels, String problemType, int maxLength,
                                               OnnxToxicityClassifier.Options options) throws Exception {
        return OnnxToxicityClassifier.load(MODEL.write(dir.resolve(name), labels, problemType, maxLength), options,
                embedded);
    }

    @Test
    void shouldScoreTheToxicLabelWithSoftmaxAsComputedIndependently() throws Exception {
        try (OnnxToxicityClassifier c = load("softmax", List.of("neutral", "toxic"), "single_label_classification",
                64, OnnxToxicityClassifier.Options.defaults())) {
            for (String text : List.of("you are an idiot", "thanks for the help", "this is trash, shut up",
                    "great work friend")) {
                double[] z = MODEL.logits(TinyClassifier.ids(text, 64));
                double expected = Math.exp(z[1]) / (Math.exp(z[0]) + Math.exp(z[1]));
                ToxicityResult r = c.classify(text, "en");
                assertThat(r.score()).as(text).isCloseTo(expected, within(1e-5));
                assertThat(r.toxic()).isEqualTo(expected >= 0.5);
                assertThat(r.model()).isEqualTo("onnx/softmax");
                // Spans (and categories) come from the embedded model's attributions, for toxic verdicts only.
                assertThat(r.spans()).isEqualTo(r.toxic() ? embedded.score(text, "en", true,
                        embedded.model().info().spanThreshold()).spans() : List.of());
                assertThat(r.categories()).isEqualTo(embedded.classify(text, "en").categories());
            }
        }
    }

    @Test
    void shouldUseSigmoidForMultiLabelModelsAndPickTheLabelByName() throws Exception {
        TinyClassifier three = new TinyClassifier(3, 5);
        Path d = three.write(dir.resolve("sigmoid"), List.of("insult", "toxic", "threat"),
                "multi_label_classification", 64);
        try (OnnxToxicityClassifier c = OnnxToxicityClassifier.load(d, OnnxToxicityClassifier.Options.defaults(),
                embedded)) {
            double[] z = three.logits(TinyClassifier.ids("you stupid idiot", 64));
            ToxicityResult r = c.classify("you stupid idiot", "en");
            assertThat(r.score()).isCloseTo(1 / (1 + Math.exp(-z[1])), within(1e-5));
            // Labels that name categories become the result's categories (not the embedded model's).
            assertThat(r.categories()).containsOnlyKeys("insult", "threat");
            assertThat(r.categories().get("threat")).isCloseTo(1 / (1 + Math.exp(-z[2])), within(1e-5));
        }
    }

    @Test
    void shouldGiveTheSameScoresBatchedWithPaddingAsOneByOneAndWhateverTheMicroBatch() throws Exception {
        List<String> texts = List.of("you are an idiot", "thanks", "this is trash and you are a stupid idiot",
                "nice day", "", "great work for the help friend", "shut up", "🙂🙂");
        try (OnnxToxicityClassifier small = load("batches", List.of("neutral", "toxic"), null, 64,
                OnnxToxicityClassifier.Options.defaults().withMaxBatch(3));
             OnnxToxicityClassifier large = load("batches2", List.of("neutral", "toxic"), null, 64,
                     OnnxToxicityClassifier.Options.defaults().withMaxBatch(64))) {
            float[][] a = small.probabilities(texts);
            float[][] b = large.probabilities(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[][] alone = large.probabilities(List.of(texts.get(i)));
                if (a[i] == null) {
                    assertThat(b[i]).isNull();
                    assertThat(alone[0]).as("no letters: not scored").isNull();
                    continue;
                }
                for (int k = 0; k < 2; k++) {
                    assertThat(a[i][k]).isCloseTo(alone[0][k], within(1e-4f));
                    assertThat(b[i][k]).isCloseTo(alone[0][k], within(1e-4f));
                }
            }
            assertThat(small.classify("", "en").score()).isZero();
        }
    }

    @Test
    void shouldTruncateAtTheModelsMaximumLength() throws Exception {
        try (OnnxToxicityClassifier c = load("truncate", List.of("neutral", "toxic"), null, 8,
                OnnxToxicityClassifier.Options.defaults())) {
            String longText = "you are an idiot ".repeat(50);
            assertThat(c.maxLength()).isEqualTo(8);
            assertThat(c.tokenIds(longText)).hasSize(8).endsWith(3L);
            double[] z = MODEL.logits(TinyClassifier.ids(longText, 8));
            assertThat(c.classify(longText, "en").score())
                    .isCloseTo(Math.exp(z[1]) / (Math.exp(z[0]) + Math.exp(z[1])), within(1e-5));
            assertThat(c.classify(longText + " thanks thanks thanks", "en").score())
                    .isCloseTo(c.classify(longText, "en").score(), within(1e-6));
        }
    }

    @Test
    void shouldApplyPerLanguageThresholds() throws Exception {
        try (OnnxToxicityClassifier c = load("thresholds", List.of("neutral", "toxic"), null, 64,
                new OnnxToxicityClassifier.Options(ModelDevice.CPU, "toxic", 32, Map.of("de", 0.99), 0.01))) {
            assertThat(c.threshold("de")).isEqualTo(0.99);
            assertThat(c.threshold("en")).isEqualTo(0.01);
            ToxicityResult en = c.classify("nice day", "en");
            assertThat(en.threshold()).isEqualTo(0.01);
        }
    }

    @Test
    void shouldNameTheMissingFileWhenTheExportIsIncomplete() throws Exception {
        Path d = MODEL.write(dir.resolve("incomplete"), List.of("neutral", "toxic"), null, 64);
        Files.delete(d.resolve("model.onnx"));
        assertThatThrownBy(() -> OnnxToxicityClassifier.load(d, OnnxToxicityClassifier.Options.defaults(), embedded))
                .hasMessageContaining(d.resolve("model.onnx").toString());
        assertThatThrownBy(() -> OnnxToxicityClassifier.load(dir.resolve("nowhere"),
                OnnxToxicityClassifier.Options.defaults(), embedded)).hasMessageContaining("nowhere");
    }

    @Test
    void shouldFallBackToTheCpuWithAReasonWhenCudaCannotLoad() throws Exception {
        // The default build carries the CPU runtime only: asking for CUDA must warn and run on the CPU.
        try (OnnxToxicityClassifier c = load("cuda", List.of("neutral", "toxic"), null, 64,
                new OnnxToxicityClassifier.Options(ModelDevice.parse("cuda:0", "model.device"), "toxic", 32, Map.of(),
                        0.5));
             OnnxModel m = OnnxModel.open(dir.resolve("cuda/model.onnx"), new ModelDevice(true, 0))) {
            org.junit.jupiter.api.Assumptions.assumeTrue(m.fallbackReason() != null,
                    "CUDA is available here; the fallback cannot be observed");
            assertThat(c.device()).isEqualTo(ModelDevice.CPU);
            assertThat(m.device()).isEqualTo(ModelDevice.CPU);
            assertThat(m.fallbackReason()).isNotBlank();
            assertThat(c.classify("you are an idiot", "en").score()).isBetween(0.0, 1.0);
        }
    }
}
