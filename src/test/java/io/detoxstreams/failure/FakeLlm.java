package io.detoxstreams.failure;

import io.detoxstreams.testing.FakeChatServer;
import io.detoxstreams.testing.FakeChatServer.Reply;

import java.io.IOException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The chat backend of the failure proofs: a {@link FakeChatServer} on 127.0.0.1 (an LLM server cannot run here) whose
 * answers the proof switches while the rewriter runs — deleting the insults it knows, HTTP 500, answering only after
 * a delay — and the {@code rewriter.chain=chat:fake} settings that point a rewriter process at it.
 */
final class FakeLlm implements AutoCloseable {

    /** What the server does with each request right now. */
    enum Mode { UP, ERRORS, HANGS }

    private static final Pattern TOXIC_WORD = Pattern.compile("(?iu)\\b(idiot\\w*|stupid\\w*|st\\*pid|dumb\\w*|fuck\\w*"
            + "|f u c k i n g|shit\\w*|moron\\w*|crap|garbage|pathetic|trash|loser|hate|1d10t)\\b\\s*");

    private final FakeChatServer server;
    private volatile Mode mode = Mode.UP;
    private volatile long delayMillis;
    private final long hangMillis;

    /** @param hangMillis how long an answer takes in {@link Mode#HANGS} (longer than the client's timeout) */
    FakeLlm(long hangMillis) throws IOException {
        this.hangMillis = hangMillis;
        this.server = FakeChatServer.start(this::answer);
    }

    /** While up: the comment without the insults it knows, or something else (never the unchanged comment). */
    private Reply answer(String comment, int attempt) {
        return switch (mode) {
            case ERRORS -> Reply.status(500, Map.of());
            case HANGS -> Reply.status(500, Map.of()).delayed(hangMillis);
            case UP -> {
                String cleaned = TOXIC_WORD.matcher(comment).replaceAll("").trim();
                yield Reply.rewrite(cleaned.isEmpty() || cleaned.equals(comment) ? "I disagree with this." : cleaned,
                        "Removed the insults.").delayed(delayMillis);
            }
        };
    }

    void mode(Mode m) {
        this.mode = m;
    }

    /** How long each answer takes while up (a slow model). */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    FakeChatServer server() {
        return server;
    }

    /**
     * {@code rewriter.chain=chat:fake} and its client settings: {@code timeoutMs} per request, one retry, a breaker
     * that opens after 5 failed requests for 2 s.
     */
    Map<String, String> rewriterSettings(long timeoutMs, int maxInFlight) {
        return Map.of("rewriter.chain", "chat:fake", "chat.fake.url", server.url(), "chat.fake.model", "fake-llm",
                "chat.fake.timeout.ms", String.valueOf(timeoutMs), "chat.fake.max.retries", "1",
                "chat.fake.retry.backoff.ms", "100", "chat.fake.retry.max.backoff.ms", "500",
                "chat.fake.breaker.failures", "5", "chat.fake.breaker.open.ms", "2000",
                "chat.fake.max.in.flight", String.valueOf(maxInFlight));
    }

    @Override
    public void close() {
        server.close();
    }
}
