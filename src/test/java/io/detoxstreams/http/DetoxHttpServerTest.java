package io.detoxstreams.http;

import io.detoxstreams.observe.Telemetry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server on 127.0.0.1: bearer token, open /health, GET only, errors as JSON, Prometheus text. */
class DetoxHttpServerTest {

    private final HttpClient client = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private final AtomicReference<HealthRoute.Status> status = new AtomicReference<>(new HealthRoute.Status(false, "REBALANCING"));
    private final Telemetry telemetry = Telemetry.create();
    private DetoxHttpServer server;

    private void start(String token) {
        server = DetoxHttpServer.bind(new HttpSettings("127.0.0.1", 0, "", token, Duration.ofSeconds(1)),
                Endpoints.OPEN_PATHS);
        Endpoints.rewriter(server, status::get, telemetry::scrape);
        server.route("/boom", r -> {
            throw new IllegalArgumentException("bad parameter");
        });
        server.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        telemetry.close();
    }

    private HttpResponse<String> get(String path, String authorization) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        return client.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void shouldAnswerHealthWith503UntilRunningThen200() throws Exception {
        start(null);
        HttpResponse<String> down = get("/health", null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).contains("\"state\" : \"REBALANCING\"").contains("DOWN");
        status.set(new HealthRoute.Status(true, "RUNNING"));
        assertThat(get("/health", null).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRequireTheBearerTokenEverywhereButHealth() throws Exception {
        start("s3cret");
        assertThat(get("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(get("/metrics", "Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> metrics = get("/metrics", "Bearer s3cret");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain; version=0.0.4");
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(get("/health", null).statusCode()).isEqualTo(503);
    }

    @Test
    void shouldAnswerBadRequestsAndOtherMethodsWithJsonErrors() throws Exception {
        start(null);
        HttpResponse<String> bad = get("/boom", null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("bad parameter");
        HttpResponse<String> post = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/health")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        HttpResponse<String> missing = get("/nothing-here", null);
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(missing.body()).contains("\"error\"").doesNotContain("nothing-here").doesNotContain("<h1>");
    }

    @Test
    void shouldRefuseLongPathsWithJsonWithoutQuotingThem() throws Exception {
        start(null);
        String longPath = "/v1/languages/" + "x".repeat(3_000);
        HttpResponse<String> r = get(longPath, null);
        assertThat(r.statusCode()).isEqualTo(414);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        assertThat(r.body()).doesNotContain("xxxxxxxxxx");
        assertThat(get("/health?" + "q=" + "y".repeat(3_000), null).statusCode()).isEqualTo(414);
    }

    @Test
    void shouldNotReadARequestHeadOver8KiB() throws Exception {
        start(null);
        String answer = raw("GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + "z".repeat(20_000) + "\r\n\r\n");
        // Either the connection is closed unanswered, or the answer is JSON: never HTML, never the header echoed.
        if (!answer.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 431").contains("Content-Type: application/json");
            assertJsonError(answer);
        }
        assertThat(answer).doesNotContain("zzzzzzzzzz");
    }

    @Test
    void shouldAnswerRequestsThatAreNotHttpWithJsonNotAnHtmlPage() throws Exception {
        start(null);
        for (String bad : List.of("GARBAGE\r\n\r\n", "GET /health HTTP/1.1\r\nHost: x\r\nno colon here\r\n\r\n",
                "GET /he<script>alth HTTP/1.1\r\nHost: x\r\n\r\n", "GET /health HTTP/9.9\r\nHost: x\r\n\r\n")) {
            String answer = raw(bad);
            assertThat(answer).as(bad).matches("(?s)HTTP/1\\.1 [45]\\d\\d .*").contains("Content-Type: application/json");
            assertJsonError(answer);
            assertThat(answer).as(bad).doesNotContain("GARBAGE").doesNotContain("colon").doesNotContain("script");
        }
    }

    /** The body of a raw HTTP answer is one JSON object with an error and nothing like HTML. */
    private static void assertJsonError(String answer) throws Exception {
        String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
        assertThat(Response.JSON.readTree(body).path("error").asText()).isNotBlank();
        assertThat(body).doesNotContain("<");
    }

    /** Sends {@code request} as bytes and reads the answer until the server closes (or "" when it reset us). */
    private String raw(String request) throws Exception {
        try (java.net.Socket s = new java.net.Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.ISO_8859_1);
        } catch (java.net.SocketException e) {
            return "";   // reset while we were still sending: refused unanswered, which is fine
        }
    }

    @Test
    void shouldParseIsoAndEpochMillisInstantsAndDecodeQueries() {
        assertThat(TimeParam.parse("from", "2026-11-25T10:00:00Z", null)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(TimeParam.parse("from", "2026-11-25T11:00:00+01:00", null)).isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
        assertThat(TimeParam.parse("to", "1795600800000", null)).isEqualTo(Instant.ofEpochMilli(1_795_600_800_000L));
        assertThat(TimeParam.parse("to", null, Instant.EPOCH)).isEqualTo(Instant.EPOCH);
        assertThatThrownBy(() -> TimeParam.parse("to", "yesterday", null)).hasMessageContaining("ISO-8601");
        Request r = Request.of("/v1/languages/en/windows", "from=2026-11-25T10%3A00%3A00Z&histograms=true&x");
        assertThat(r.param("from")).isEqualTo("2026-11-25T10:00:00Z");
        assertThat(r.param("histograms")).isEqualTo("true");
        assertThat(r.param("x")).isNull();
    }

    @Test
    void shouldRefuseAWildcardBindAddressWithoutAnAdvertisedHost() {
        HttpSettings wildcard = new HttpSettings("0.0.0.0", 0, "", null, Duration.ofSeconds(1));
        assertThatThrownBy(wildcard::hostForPeers).hasMessageContaining("http.advertised.host");
        assertThat(new HttpSettings("0.0.0.0", 0, "moderator-1.detox", null, Duration.ofSeconds(1)).hostForPeers())
                .isEqualTo("moderator-1.detox");
        assertThat(new HttpSettings("127.0.0.1", 0, "", null, Duration.ofSeconds(1)).hostForPeers()).isEqualTo("127.0.0.1");
    }
}
