package io.detoxstreams.rewrite.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.ChatSettings;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.rewrite.EditAction;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.testing.FakeChatServer;
import io.detoxstreams.testing.FakeChatServer.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat backend against a protocol-level fake OpenAI-compatible server on 127.0.0.1: answers, strict validation,
 * retries with backoff and Retry-After, timeouts, bounded concurrency and the circuit breaker. Nothing is lost: every
 * request gets exactly one result, in order.
 */
class ChatRewriterTest {

    private FakeChatServer server;
    private ChatRewriter chat;

    @AfterEach
    void stop() {
        if (chat != null) {
            chat.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private ChatRewriter start(FakeChatServer.Behavior b, Map<String, String> extra) throws Exception {
        server = FakeChatServer.start(b);
        Map<String, String> c = new HashMap<>(Map.of("rewriter.chain", "chat:test,embedded",
                "chat.test.url", server.url(), "chat.test.model", "fake-llm", "chat.test.retry.backoff.ms", "10",
                "chat.test.timeout.ms", "2000", "chat.test.api.key.env", "FAKE_KEY"));
        c.putAll(extra);
        ChatSettings s = new DetoxConfig(c).models().chat().get("test");
        chat = ChatRewriter.create(s, Map.of("FAKE_KEY", "secret-1"));
        return chat;
    }

    private static RewriteRequest request(String text) {
        int at = text.indexOf("idiot");
        List<ToxicSpan> spans = at < 0 ? List.of() : List.of(new ToxicSpan(at, at + 5, "insult", 0.9, "embedded"));
        return new RewriteRequest(text, "en", new ToxicityResult(0.9, true, 0.5, Map.of(), spans, "embedded/x"));
    }

    @Test
    void shouldSendTheFewShotPromptAndKeepTheModelsExplanationBesideTheComputedSpans() throws Exception {
        start((comment, attempt) -> Reply.rewrite("you are wrong about this", "Removed the insult."), Map.of());
        Rewrite w = chat.rewrite(request("you are an idiot about this"));
        assertThat(w.proposed()).isTrue();
        assertThat(w.text()).isEqualTo("you are wrong about this");
        assertThat(w.rationale()).isEqualTo("Removed the insult.");
        assertThat(w.method()).isEqualTo(ChatRewriter.METHOD);
        assertThat(w.edits()).singleElement().satisfies(e -> {
            assertThat(e.start()).isEqualTo(11);
            assertThat(e.action()).isEqualTo(EditAction.REPHRASED);
            assertThat(e.replacement()).isEqualTo("wrong");
        });
        JsonNode body = server.bodies().get(0);
        assertThat(body.path("model").asText()).isEqualTo("fake-llm");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
        JsonNode messages = body.path("messages");
        assertThat(messages.get(0).path("role").asText()).isEqualTo("system");
        assertThat(messages.size()).as("system + 3 examples (user, assistant) + the comment").isEqualTo(8);
        assertThat(messages.get(2).path("content").asText()).contains("\"rewrite\"");
        assertThat(messages.get(7).path("content").asText()).endsWith("you are an idiot about this");
        assertThat(server.authorizations()).containsExactly("Bearer secret-1");
        assertThat(chat.name()).isEqualTo("chat:test/fake-llm");
    }

    @Test
    void shouldRejectMalformedEmptyAndUnchangedAnswersWithoutRetrying() throws Exception {
        start((comment, attempt) -> switch (comment) {
            case "bad json idiot" -> Reply.content("{\"rewrite\": \"oops\",, }");
            case "no json idiot" -> Reply.content("Sure! Here is a nicer version: be kind.");
            case "empty idiot" -> Reply.rewrite("  ", "nothing");
            case "same idiot" -> Reply.rewrite("Same   IDIOT", "kept");
            case "fenced idiot" -> Reply.content("```json\n{\"rewrite\": \"fenced\", \"explanation\": \"ok\"}\n```");
            default -> new Reply(200, Map.of(), "not json at all", 0);
        }, Map.of());
        List<Rewrite> out = chat.rewriteBatch(List.of(request("bad json idiot"), request("no json idiot"),
                request("empty idiot"), request("same idiot"), request("not an openai answer idiot"),
                request("fenced idiot")));
        assertThat(out).hasSize(6);
        assertThat(out.subList(0, 5)).allSatisfy(w -> {
            assertThat(w.proposed()).isFalse();
            assertThat(w.failure()).startsWith("unusable answer");
            assertThat(w.unavailable()).as("a bad answer is this comment's failure, not an outage").isFalse();
        });
        assertThat(out.get(0).failure()).contains("malformed JSON");
        assertThat(out.get(2).failure()).contains("no rewrite");
        assertThat(out.get(3).failure()).contains("unchanged");
        assertThat(out.get(5).text()).isEqualTo("fenced");
        assertThat(server.requests()).as("a bad answer is not retried").isEqualTo(6);
        assertThat(chat.available()).as("bad answers do not open the breaker").isTrue();
    }

    @Test
    void shouldRetry5xxAndHonourRetryAfterOn429() throws Exception {
        start((comment, attempt) -> {
            if (comment.startsWith("flaky") && attempt < 3) {
                return Reply.status(503, Map.of());
            }
            if (comment.startsWith("busy") && attempt == 1) {
                return Reply.status(429, Map.of("Retry-After", "1"));
            }
            return Reply.rewrite("fine " + comment.split(" ")[0], "ok");
        }, Map.of());
        long t0 = System.nanoTime();
        Rewrite busy = chat.rewrite(request("busy idiot"));
        long busyMillis = (System.nanoTime() - t0) / 1_000_000;
        Rewrite flaky = chat.rewrite(request("flaky idiot"));
        assertThat(busy.text()).isEqualTo("fine busy");
        assertThat(busyMillis).as("waited for Retry-After: 1").isGreaterThanOrEqualTo(950);
        assertThat(server.requestsFor("busy idiot")).isEqualTo(2);
        assertThat(flaky.text()).isEqualTo("fine flaky");
        assertThat(server.requestsFor("flaky idiot")).isEqualTo(3);
    }

    @Test
    void shouldGiveUpOnSlowAnswersAfterTheTimeoutAndRetries() throws Exception {
        start((comment, attempt) -> Reply.rewrite("late", "late").delayed(comment.startsWith("slow") ? 1500 : 0),
                Map.of("chat.test.timeout.ms", "300", "chat.test.max.retries", "1"));
        long t0 = System.nanoTime();
        List<Rewrite> out = chat.rewriteBatch(List.of(request("slow idiot"), request("quick idiot")));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        assertThat(out.get(0).proposed()).isFalse();
        assertThat(out.get(0).failure()).contains("timeout").contains("2 attempts");
        assertThat(out.get(0).unavailable()).isTrue();
        assertThat(out.get(1).text()).isEqualTo("late");
        assertThat(millis).isLessThan(1400);
        assertThat(server.requestsFor("slow idiot")).isEqualTo(2);
    }

    @Test
    void shouldBoundTheRequestsInFlightAndAnswerEveryRequestOnceInOrder() throws Exception {
        start((comment, attempt) -> Reply.rewrite("neutral " + comment.split(" ")[1], "ok").delayed(150),
                Map.of("chat.test.max.in.flight", "3"));
        List<RewriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            batch.add(request("comment " + i + " idiot"));
        }
        long t0 = System.nanoTime();
        List<Rewrite> out = chat.rewriteBatch(batch);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        for (int i = 0; i < 9; i++) {
            assertThat(out.get(i).text()).isEqualTo("neutral " + i);
        }
        assertThat(server.requests()).isEqualTo(9);
        assertThat(server.maxInFlight()).isEqualTo(3);
        assertThat(millis).as("three rounds of three, not nine in a row").isBetween(440L, 1300L);
    }

    @Test
    void shouldOpenTheBreakerWhileTheServerFailsAndCloseItWhenATrialSucceeds() throws Exception {
        start((comment, attempt) -> Reply.status(500, Map.of()), Map.of("chat.test.max.retries", "0",
                "chat.test.breaker.failures", "2", "chat.test.breaker.open.ms", "400", "chat.test.max.in.flight", "1"));
        List<Rewrite> out = chat.rewriteBatch(List.of(request("a idiot"), request("b idiot"), request("c idiot"),
                request("d idiot")));
        assertThat(out).allSatisfy(w -> {
            assertThat(w.proposed()).isFalse();
            assertThat(w.unavailable()).as("5xx and an open breaker say nothing about the comment").isTrue();
        });
        assertThat(out.get(0).failure()).contains("HTTP 500");
        assertThat(out.get(2).failure()).contains("circuit open");
        assertThat(server.requests()).as("skipped while open").isEqualTo(2);
        assertThat(chat.available()).isFalse();
        server.behave((comment, attempt) -> Reply.rewrite("better", "ok"));
        Thread.sleep(450);
        assertThat(chat.available()).isTrue();
        assertThat(chat.rewrite(request("e idiot")).text()).isEqualTo("better");
        assertThat(chat.rewrite(request("f idiot")).text()).isEqualTo("better");
        assertThat(server.requests()).isEqualTo(4);
    }

    @Test
    void shouldCallAWrongKeyOrModelUnavailableButATooLongRequestTheCommentsOwnFailure() throws Exception {
        start((comment, attempt) -> switch (comment.split(" ")[0]) {
            case "key" -> Reply.status(401, Map.of());
            case "model" -> Reply.status(404, Map.of());
            default -> Reply.status(400, Map.of());
        }, Map.of("chat.test.breaker.failures", "100"));
        List<Rewrite> out = chat.rewriteBatch(List.of(request("key idiot"), request("model idiot"),
                request("long idiot")));
        assertThat(out).allSatisfy(w -> assertThat(w.proposed()).isFalse());
        assertThat(out.get(0).unavailable()).isTrue();
        assertThat(out.get(1).unavailable()).isTrue();
        assertThat(out.get(2).unavailable()).as("400: the server is up and refuses this request").isFalse();
        assertThat(server.requests()).as("4xx are not retried").isEqualTo(3);
    }
}
