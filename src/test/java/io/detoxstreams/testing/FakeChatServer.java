package io.detoxstreams.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A protocol-level fake of an OpenAI-compatible {@code POST /v1/chat/completions} server on 127.0.0.1 (a real LLM
 * server cannot run here), for testing the chat client adapter: each request is answered by a {@link Behavior} chosen
 * from the last user message (the comment) and how often that comment was asked about. Records every request body
 * and header, and the most requests it ever had in flight at once.
 */
public final class FakeChatServer implements AutoCloseable {

    /** What to answer. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {

        /** 200 with a chat completion whose message content is {@code content}. */
        public static Reply content(String content) {
            ObjectNode root = JSON.createObjectNode().put("id", "chatcmpl-test").put("object", "chat.completion");
            root.putArray("choices").addObject().put("index", 0).put("finish_reason", "stop")
                    .putObject("message").put("role", "assistant").put("content", content);
            return new Reply(200, Map.of(), root.toString(), 0);
        }

        /** 200 with the JSON answer the prompt asks for. */
        public static Reply rewrite(String rewrite, String explanation) {
            return content(JSON.createObjectNode().put("rewrite", rewrite).put("explanation", explanation).toString());
        }

        public static Reply status(int status, Map<String, String> headers) {
            return new Reply(status, headers, "{\"error\":{\"message\":\"fake " + status + "\"}}", 0);
        }

        public Reply delayed(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    /** Chooses the reply from the comment and the 1-based attempt for that comment. */
    public interface Behavior extends BiFunction<String, Integer, Reply> {
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private volatile Behavior behavior;
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final List<JsonNode> bodies = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    private FakeChatServer(Behavior behavior) throws IOException {
        this.behavior = behavior;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "fake-chat-server");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public static FakeChatServer start(Behavior behavior) throws IOException {
        return new FakeChatServer(behavior);
    }

    /** Base URL, as configured in {@code chat.<name>.url}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    public void behave(Behavior b) {
        this.behavior = b;
    }

    public int requests() {
        return bodies.size();
    }

    public int requestsFor(String comment) {
        AtomicInteger n = attempts.get(comment);
        return n == null ? 0 : n.get();
    }

    public List<JsonNode> bodies() {
        return bodies;
    }

    public List<String> authorizations() {
        return authorizations;
    }

    /** Requests being answered right now. */
    public int inFlight() {
        return inFlight.get();
    }

    public int maxInFlight() {
        return maxInFlight.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            JsonNode body = JSON.readTree(ex.getRequestBody().readAllBytes());
            bodies.add(body);
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            authorizations.add(auth == null ? "" : auth);
            JsonNode messages = body.path("messages");
            String user = messages.path(messages.size() - 1).path("content").asText();
            // The prompt templates put the comment after the first line ("Comment:\n{text}").
            String comment = user.contains("\n") ? user.substring(user.indexOf('\n') + 1) : user;
            int attempt = attempts.computeIfAbsent(comment, c -> new AtomicInteger()).incrementAndGet();
            Reply r = behavior.apply(comment, attempt);
            if (r.delayMillis() > 0) {
                Thread.sleep(r.delayMillis());
            }
            byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            r.headers().forEach((k, v) -> ex.getResponseHeaders().add(k, v));
            ex.sendResponseHeaders(r.status(), bytes.length);
            ex.getResponseBody().write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (timeout): nothing to answer
        } finally {
            inFlight.decrementAndGet();
            ex.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
