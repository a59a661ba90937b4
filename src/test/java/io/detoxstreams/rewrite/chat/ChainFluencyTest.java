package io.detoxstreams.rewrite.chat;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.testing.FakeChatServer;
import io.detoxstreams.testing.FakeChatServer.Reply;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fluency check is part of the verification of every backend in the chain, not only the embedded rewriter's: a
 * chat answer with a hole in it ("you are a and …") fails as not_fluent and the next backend is tried; with no
 * backend left the comment is held as not_fluent; a fluent answer passes. The chat backend runs against a
 * protocol-level fake OpenAI-compatible server on 127.0.0.1; classifier, verifier and fluency models are the shipped
 * ones.
 */
class ChainFluencyTest {

    private static final String COMMENT = "you are a fucking idiot and your plan is bad";

    private static ModerationDecision moderate(String answer, String chain, String fluencyFloor) throws Exception {
        try (FakeChatServer server = FakeChatServer.start((comment, attempt) -> Reply.rewrite(answer, "ok"))) {
            Map<String, String> c = new HashMap<>(Map.of("rewriter.chain", chain, "chat.test.url", server.url(),
                    "chat.test.model", "fake-llm", "language.lingua.accuracy", "low"));
            c.put(DetoxConfig.REWRITER_FLUENCY_FLOOR, fluencyFloor);
            try (Models m = ModelFactory.load(new DetoxConfig(c))) {
                ToxicityResult tox = m.classifier().classifyBatch(List.of(COMMENT), List.of("en")).get(0);
                assertThat(tox.toxic()).isTrue();
                return m.detoxifier().detoxifyBatch(List.of(new RewriteRequest(COMMENT, "en", tox))).get(0);
            }
        }
    }

    @Test
    void shouldRejectAChatRewriteWithAHoleAndFallBackToTheNextBackend() throws Exception {
        ModerationDecision d = moderate("you are a and your plan is bad", "chat:test,embedded", "0.01");
        assertThat(d.action()).isEqualTo(Action.REWRITE);
        assertThat(d.explanation().backend()).as("the chat answer failed verification").startsWith("embedded/");
        assertThat(d.text()).isNotEqualTo("you are a and your plan is bad");
    }

    @Test
    void shouldHoldAsNotFluentWhenNoBackendIsLeft() throws Exception {
        ModerationDecision d = moderate("you are a and your plan is bad", "chat:test", "0.01");
        assertThat(d.action()).isEqualTo(Action.HOLD);
        assertThat(d.reason()).isEqualTo(HoldReason.NOT_FLUENT);
    }

    @Test
    void shouldPublishAFluentChatRewriteAndSkipTheCheckAtFloorZero() throws Exception {
        ModerationDecision fluent = moderate("you are wrong and your plan is bad", "chat:test,embedded", "0.01");
        assertThat(fluent.action()).isEqualTo(Action.REWRITE);
        assertThat(fluent.text()).isEqualTo("you are wrong and your plan is bad");
        assertThat(fluent.explanation().backend()).startsWith("chat:test");
        ModerationDecision unchecked = moderate("you are a and your plan is bad", "chat:test", "0");
        assertThat(unchecked.action()).as("rewriter.fluency.floor=0 turns the check off").isEqualTo(Action.REWRITE);
    }
}
