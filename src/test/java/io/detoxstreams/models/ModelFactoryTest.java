package io.detoxstreams.models;

import io.detoxstreams.classify.RoutingClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.testing.FakeChatServer;
import io.detoxstreams.testing.onnx.TinyClassifier;
import io.detoxstreams.testing.onnx.TinySeq2Seq;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Models built from configuration: per-language routing, chains, and clear failures for unreadable models. */
class ModelFactoryTest {

    @TempDir
    Path dir;

    @Test
    void shouldRouteEachLanguageToItsClassifierWithItsThreshold() throws Exception {
        Path onnx = new TinyClassifier(2, 42).write(dir.resolve("tiny"), List.of("neutral", "toxic"), null, 64);
        try (Models m = ModelFactory.load(new DetoxConfig(Map.of("classifier.en", "onnx:" + onnx,
                "threshold.en", "0.9", "threshold.de", "0.8")))) {
            assertThat(m.classifier()).isInstanceOf(RoutingClassifier.class);
            List<ToxicityResult> r = m.classifier().classifyBatch(List.of("you are an idiot", "Du bist ein Idiot"),
                    List.of("en", "de"));
            assertThat(r.get(0).model()).isEqualTo("onnx/tiny");
            assertThat(r.get(0).threshold()).isEqualTo(0.9);
            assertThat(r.get(1).model()).startsWith("embedded/");
            assertThat(r.get(1).threshold()).isEqualTo(0.8);
            assertThat(m.classifier().version()).contains("embedded/").contains("onnx/tiny");
        }
    }

    @Test
    void shouldLetThresholdAndReviewKeysReplaceTheShippedOperatingPoint() {
        try (Models shipped = ModelFactory.loadDefault();
             Models m = ModelFactory.load(new DetoxConfig(Map.of("threshold.en", "0.9",
                     "review.threshold.en", "0.4", "review.threshold.de", "0.99")))) {
            assertThat(m.classifier().threshold("en")).isEqualTo(0.9);
            assertThat(m.classifier().reviewThreshold("en")).isEqualTo(0.4);
            // Capped at the language's (shipped) threshold.
            assertThat(m.classifier().reviewThreshold("de")).isEqualTo(shipped.classifier().threshold("de"));
            // Rewrites are judged from the band's lower bound on.
            assertThat(m.judge().threshold("en")).isEqualTo(0.4);
            assertThat(m.classifier().reviewThreshold("fr")).isEqualTo(shipped.classifier().reviewThreshold("fr"))
                    .isLessThan(shipped.classifier().threshold("fr"));
        }
        assertThatThrownBy(() -> new DetoxConfig(Map.of("review.threshold.xx", "0.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("review.threshold.xx");
        assertThatThrownBy(() -> new DetoxConfig(Map.of("review.treshold.en", "0.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("review.treshold.en");
    }

    @Test
    void shouldFailAtStartUpNamingTheKeyAndThePathOfAnUnreadableModel() {
        Path missing = dir.resolve("no-such-model");
        assertThatThrownBy(() -> ModelFactory.load(new DetoxConfig(Map.of("classifier.de", "onnx:" + missing))))
                .isInstanceOf(ConfigException.class).hasMessageContaining("classifier.de")
                .hasMessageContaining(missing.toString());
        try (Models m = ModelFactory.load(new DetoxConfig(Map.of("rewriter.chain.en",
                "onnx-seq2seq:" + missing + ",embedded")))) {
            assertThatThrownBy(m::detoxifier).isInstanceOf(ConfigException.class)
                    .hasMessageContaining("rewriter.chain.en").hasMessageContaining(missing.toString());
        }
    }

    @Test
    void shouldBuildEachLanguagesChainAndFallBackAlongIt() throws Exception {
        Path seq2seq = new TinySeq2Seq(13, 8, 2, 2, 64, 10f, 11).write(dir.resolve("tiny-s2s"), true, false);
        try (FakeChatServer server = FakeChatServer.start((comment, attempt) -> comment.contains("stupid")
                ? FakeChatServer.Reply.rewrite(comment.replace("stupid ", ""), "Removed 'stupid'.")
                : FakeChatServer.Reply.status(500, Map.of()));
             Models m = ModelFactory.load(new DetoxConfig(Map.of("rewriter.chain.en",
                     "chat:llm,onnx-seq2seq:" + seq2seq + ",embedded", "chat.llm.url", server.url(),
                     "chat.llm.model", "fake", "chat.llm.max.retries", "0", "rewriter.max.batch.tokens", "16",
                     "language.lingua.accuracy", "low")))) {
            assertThat(m.detoxifier().chain("en")).extracting(r -> r.name().split("/")[0])
                    .containsExactly("chat:llm", "onnx-seq2seq", "embedded");
            assertThat(m.detoxifier().chain("de")).extracting(r -> r.name().split("/")[0]).containsExactly("embedded");
            List<String> texts = List.of("This is a stupid idea and you know it", "You are a fucking idiot",
                    "Das ist eine verdammt dumme Idee");
            List<String> langs = List.of("en", "en", "de");
            List<ToxicityResult> tox = m.classifier().classifyBatch(texts, langs);
            List<RewriteRequest> requests = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                requests.add(new RewriteRequest(texts.get(i), langs.get(i), tox.get(i)));
            }
            List<ModerationDecision> d = m.detoxifier().detoxifyBatch(requests);
            assertThat(d).hasSize(3);
            // The LLM answered the first: its rewrite passed verification and carries its explanation.
            assertThat(d.get(0).action()).isEqualTo(Action.REWRITE);
            assertThat(d.get(0).explanation().backend()).isEqualTo("chat:llm/fake");
            assertThat(d.get(0).explanation().rationale()).isEqualTo("Removed 'stupid'.");
            // The LLM failed the second (HTTP 500) and the tiny seq2seq model's output cannot pass verification:
            // the embedded rewriter (or a hold naming the last backend) decides.
            assertThat(d.get(1).explanation().backend()).startsWith("embedded/");
            assertThat(d.get(2).explanation().backend()).startsWith("embedded/");
            assertThat(server.requests()).as("the German comment never goes to the English chain").isEqualTo(2);
        }
    }
}
