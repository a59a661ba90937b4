package io.detoxstreams.rewrite.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detoxstreams.config.ChatSettings;
import io.detoxstreams.rewrite.ModelEdits;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Rewriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code chat} rewrite backend: any OpenAI-compatible {@code /v1/chat/completions} server (vLLM, TGI, Ollama,
 * llama.cpp). Each comment is one request with the language's few-shot prompt ({@link ChatPrompts}) asking for
 * {@code {"rewrite": ..., "explanation": ...}}; the answer is checked strictly ({@link ChatAnswer}) and the model's
 * explanation travels with the rewrite into the result's explanation, beside the span edits the project computes
 * ({@link ModelEdits}).
 *
 * <p>One {@link #rewriteBatch} call sends its requests in parallel, at most {@code max.in.flight} at a time, and
 * returns when every one has an answer or has failed — so a poll batch still commits in one transaction. A request
 * that times out or gets 429/5xx is retried up to {@code max.retries} times with exponential backoff and full jitter,
 * honouring {@code Retry-After}. No proposal, and the chain moves on, when:
 * <ul>
 *   <li>the server cannot be used right now — a request that still times out or gets 429/5xx, a connection that
 *       fails, 401/403/404 (wrong key or model: nothing this comment can change), or the circuit breaker being open
 *       ({@code breaker.failures} consecutive failed requests open it for {@code breaker.open.ms}):
 *       {@link Rewrite#unavailable}, which says nothing about the comment (the detoxifier pauses rather than hold a
 *       comment no backend could try);</li>
 *   <li>the server refuses or botches this request — another 4xx, an unusable answer: {@link Rewrite#failed}.</li>
 * </ul>
 * Nothing is dropped. Thread-safe.
 */
public final class ChatRewriter implements Rewriter {

    private static final Logger LOG = LoggerFactory.getLogger(ChatRewriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String METHOD = "chat-llm";

    private final ChatSettings settings;
    private final String apiKey;
    private final URI endpoint;
    private final HttpClient http;
    private final ExecutorService pool;
    private final CircuitBreaker breaker;
    private final ChatPrompts prompts;
    private final String name;

    private ChatRewriter(ChatSettings settings, String apiKey) {
        this.settings = settings;
        this.apiKey = apiKey;
        String base = settings.url().toString().replaceAll("/+$", "");
        this.endpoint = URI.create(base.endsWith("/chat/completions") ? base : base + "/chat/completions");
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(settings.maxInFlight(), r -> {
            Thread t = new Thread(r, "chat-" + settings.name() + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        this.breaker = new CircuitBreaker(settings.breakerFailures(), settings.breakerOpen(), System::nanoTime);
        this.prompts = new ChatPrompts(settings.promptsDir());
        this.name = "chat:" + settings.name() + "/" + settings.model();
    }

    /**
     * @param env the environment holding the API key named by {@code chat.<name>.api.key.env}
     * @throws org.apache.kafka.common.config.ConfigException when the key's variable is not set
     */
    public static ChatRewriter create(ChatSettings settings, Map<String, String> env) {
        return new ChatRewriter(settings, settings.apiKey(env));
    }

    @Override
    public List<Rewrite> rewriteBatch(List<RewriteRequest> requests) {
        List<Future<Rewrite>> pending = new ArrayList<>(requests.size());
        for (RewriteRequest r : requests) {
            pending.add(pool.submit(() -> rewriteOne(r)));
        }
        long limit = (settings.timeout().toMillis() + settings.retryMaxBackoff().toMillis())
                * (settings.maxRetries() + 1L) * (1 + requests.size() / settings.maxInFlight()) + 5_000;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limit);
        List<Rewrite> out = new ArrayList<>(requests.size());
        for (Future<Rewrite> f : pending) {
            out.add(await(f, deadline));
        }
        return out;
    }

    private Rewrite await(Future<Rewrite> f, long deadline) {
        try {
            return f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return Rewrite.unavailable(METHOD, "no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(true);
            return Rewrite.unavailable(METHOD, "interrupted");
        } catch (ExecutionException e) {
            return Rewrite.failed(METHOD, String.valueOf(e.getCause()));
        }
    }

    private Rewrite rewriteOne(RewriteRequest r) {
        if (!breaker.allow()) {
            return Rewrite.unavailable(METHOD, "circuit open: " + name + " is skipped while it fails");
        }
        HttpRequest request = request(r);
        String last = "no attempt";
        for (int attempt = 0; attempt <= settings.maxRetries(); attempt++) {
            long pauseMillis;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    breaker.success();
                    return answer(r, response.body());
                }
                last = "HTTP " + status;
                if (status == 401 || status == 403 || status == 404) {
                    // Wrong key, no access, wrong URL or model: the same for every comment, so the backend is
                    // unusable until the configuration (or the server) is fixed; retrying this request cannot help.
                    breaker.failure();
                    LOG.warn("chat backend {} answered HTTP {} (check chat.<name>.url, .model and the API key): {}",
                            name, status, abbreviate(response.body()));
                    return Rewrite.unavailable(METHOD, last);
                }
                if (status != 429 && status < 500) {
                    // The server is up but refuses this request (e.g. too long for its context): retrying cannot help.
                    breaker.success();
                    LOG.warn("chat backend {} answered HTTP {}: {}", name, status, abbreviate(response.body()));
                    return Rewrite.failed(METHOD, last);
                }
                pauseMillis = retryAfter(response).orElse(backoff(attempt));
            } catch (HttpTimeoutException e) {
                last = "timeout after " + settings.timeout().toMillis() + " ms";
                pauseMillis = backoff(attempt);
            } catch (IOException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
                pauseMillis = backoff(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Rewrite.unavailable(METHOD, "interrupted");
            }
            if (attempt < settings.maxRetries() && !sleep(pauseMillis)) {
                return Rewrite.unavailable(METHOD, "interrupted");
            }
        }
        breaker.failure();
        LOG.warn("chat backend {} failed {} times ({}); the chain moves on", name, settings.maxRetries() + 1, last);
        return Rewrite.unavailable(METHOD, last + " after " + (settings.maxRetries() + 1) + " attempts");
    }

    private Rewrite answer(RewriteRequest r, String body) {
        try {
            ChatAnswer.Good g = ChatAnswer.parse(body, r.text());
            return new Rewrite(g.rewrite(), METHOD, ModelEdits.edits(r.text(), g.rewrite(), r.toxicity().spans()),
                    g.explanation(), null);
        } catch (ChatAnswer.Bad e) {
            LOG.debug("chat backend {}: unusable answer ({}): {}", name, e.getMessage(), abbreviate(body));
            return Rewrite.failed(METHOD, "unusable answer: " + e.getMessage());
        }
    }

    private HttpRequest request(RewriteRequest r) {
        ObjectNode body = JSON.createObjectNode();
        body.put("model", settings.model());
        body.set("messages", prompts.messages(r.text(), r.lang()));
        body.put("temperature", settings.temperature());
        body.put("max_tokens", settings.maxTokens());
        body.put("stream", false);
        if (settings.jsonMode()) {
            body.putObject("response_format").put("type", "json_object");
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        return b.build();
    }

    /** Exponential backoff with full jitter: uniform in [0, min(max, base·2^attempt)]. */
    private long backoff(int attempt) {
        long cap = Math.min(settings.retryMaxBackoff().toMillis(),
                settings.retryBackoff().toMillis() << Math.min(attempt, 20));
        return cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
    }

    /** {@code Retry-After} in seconds or as an HTTP date, capped at {@code retry.max.backoff.ms}. */
    private java.util.Optional<Long> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(v -> {
            try {
                return java.util.Optional.of(Long.parseLong(v) * 1000);
            } catch (NumberFormatException e) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return java.util.Optional.of(Math.max(0, Duration.between(ZonedDateTime.now(), at).toMillis()));
                } catch (RuntimeException bad) {
                    return java.util.Optional.empty();
                }
            }
        }).map(ms -> Math.min(ms, settings.retryMaxBackoff().toMillis()));
    }

    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }

    /** Whether the circuit breaker currently lets requests through (closed or due for a trial). */
    public boolean available() {
        return breaker.state() != CircuitBreaker.State.OPEN;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
