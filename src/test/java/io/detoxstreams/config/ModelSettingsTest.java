package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model keys: parsed into ModelSettings, and anything unknown or wrong fails at once, naming the key. */
class ModelSettingsTest {

    private static ModelSettings settings(Map<String, String> values) {
        return new DetoxConfig(values).models();
    }

    @Test
    void shouldDefaultToTheEmbeddedModelsOnTheCpu() {
        ModelSettings s = settings(Map.of());
        assertThat(s.defaultClassifier().kind()).isEqualTo(ModelSpec.Kind.EMBEDDED);
        assertThat(s.defaultChain()).extracting(ModelSpec::kind).containsExactly(ModelSpec.Kind.EMBEDDED);
        assertThat(s.onnxDevice()).isEqualTo(ModelDevice.CPU);
        assertThat(s.languages()).contains("en", "am", "zh");
        assertThat(s.linguaLowAccuracy()).isFalse();
        assertThat(s.similarityFloor()).isEqualTo(0.30);
        assertThat(s.holdThreshold()).isNull();
        assertThat(s.chat()).isEmpty();
    }

    @Test
    void shouldReadPerLanguageClassifiersThresholdsChainsPromptsAndEndpoints() {
        ModelSettings s = settings(Map.ofEntries(Map.entry("languages", "en,de,ru"),
                Map.entry("language.lingua.accuracy", "low"), Map.entry("classifier.en", "onnx:/models/xlmr"),
                Map.entry("threshold.de", "0.7"), Map.entry("rewriter.chain", "onnx-seq2seq:/models/mt0, embedded"),
                Map.entry("rewriter.chain.en", "chat:vllm,onnx-seq2seq:/models/bart,embedded"),
                Map.entry("seq2seq.prompt", "Detoxify: "), Map.entry("seq2seq.prompt.en", ""),
                Map.entry("chat.vllm.url", "http://vllm:8000/v1"), Map.entry("chat.vllm.model", "qwen"),
                Map.entry("chat.vllm.max.in.flight", "16"), Map.entry("model.device", "cuda:1"),
                Map.entry("onnx.device", "cpu"), Map.entry("rewriter.hold.threshold", "0.6"),
                Map.entry("rewriter.max.batch.tokens", "4096")));
        assertThat(s.linguaLowAccuracy()).isTrue();
        assertThat(s.classifier("en").text()).isEqualTo("onnx:/models/xlmr");
        assertThat(s.classifier("en").dir()).isEqualTo(Path.of("/models/xlmr"));
        assertThat(s.classifier("en").key()).isEqualTo("classifier.en");
        assertThat(s.classifier("de").kind()).isEqualTo(ModelSpec.Kind.EMBEDDED);
        assertThat(s.thresholds()).isEqualTo(Map.of("de", 0.7));
        assertThat(s.chain("en")).extracting(ModelSpec::text)
                .containsExactly("chat:vllm", "onnx-seq2seq:/models/bart", "embedded");
        assertThat(s.chain("ru")).extracting(ModelSpec::text).containsExactly("onnx-seq2seq:/models/mt0", "embedded");
        assertThat(s.seq2seq().prompt("en")).isEmpty();
        assertThat(s.seq2seq().prompt("ru")).as("values are trimmed").isEqualTo("Detoxify:");
        assertThat(s.seq2seq().device()).isEqualTo(new ModelDevice(true, 1));
        assertThat(s.onnxDevice()).isEqualTo(ModelDevice.CPU);
        assertThat(s.chat().get("vllm").maxInFlight()).isEqualTo(16);
        assertThat(s.chat().get("vllm").url().toString()).isEqualTo("http://vllm:8000/v1");
        assertThat(s.holdThreshold()).isEqualTo(0.6);
        assertThat(s.maxBatchTokens()).isEqualTo(4096);
    }

    @Test
    void shouldFailOnUnknownKeysUnderTheModelPrefixesNamingThem() {
        for (String key : List.of("classifier.eng", "classifier.onnx.dir", "threshold.english", "rewriter.chains",
                "seq2seq.beams", "onnx.devices", "chat.vllm.urll", "model.dir", "language.lingua.mode")) {
            assertThatThrownBy(() -> settings(Map.of(key, "x")), key).isInstanceOf(ConfigException.class)
                    .hasMessageContaining(key);
        }
    }

    @Test
    void shouldLeaveKeysOfOtherPrefixesAlone() {
        // e.g. the moderator's review band: review.threshold.<lang> is not a model key.
        assertThat(settings(Map.of("review.threshold.en", "0.4", "moderation.uncertain.action", "review",
                "kafka.linger.ms", "5")).thresholds()).isEmpty();
    }

    @Test
    void shouldFailOnPerLanguageKeysForLanguagesNotConfigured() {
        assertThatThrownBy(() -> settings(Map.of("languages", "en,de", "classifier.fr", "embedded")))
                .hasMessageContaining("classifier.fr").hasMessageContaining("'fr' is not in languages");
    }

    @Test
    void shouldFailOnBadValuesNamingTheKey() {
        assertThatThrownBy(() -> settings(Map.of("classifier.en", "onnx-seq2seq:/x"))).hasMessageContaining("classifier.en");
        assertThatThrownBy(() -> settings(Map.of("rewriter.chain.de", "onnx:/x"))).hasMessageContaining("rewriter.chain.de");
        assertThatThrownBy(() -> settings(Map.of("threshold.en", "1.5"))).hasMessageContaining("threshold.en");
        assertThatThrownBy(() -> settings(Map.of("model.device", "gpu"))).hasMessageContaining("model.device");
        assertThatThrownBy(() -> settings(Map.of("languages", "en,English"))).hasMessageContaining("English");
        assertThatThrownBy(() -> settings(Map.of("rewriter.chain", "chat:vllm")))
                .hasMessageContaining("chat.vllm.url");
        assertThatThrownBy(() -> settings(Map.of("chat.x.url", "http://h/v1")))
                .hasMessageContaining("chat.x.model");
        assertThatThrownBy(() -> settings(Map.of("chat.x.url", "localhost", "chat.x.model", "m")))
                .hasMessageContaining("chat.x.url");
        assertThatThrownBy(() -> settings(Map.of("chat.x.url", "http://h/v1", "chat.x.model", "m",
                "chat.x.max.in.flight", "0"))).hasMessageContaining("chat.x.max.in.flight");
    }

    @Test
    void shouldReadTheChatApiKeyFromTheNamedEnvironmentVariable() {
        ChatSettings s = settings(Map.of("chat.x.url", "http://h/v1", "chat.x.model", "m", "chat.x.api.key.env",
                "MY_KEY")).chat().get("x");
        assertThat(s.apiKey(Map.of("MY_KEY", " k1 "))).isEqualTo("k1");
        assertThatThrownBy(() -> s.apiKey(Map.of())).hasMessageContaining("MY_KEY");
    }
}
