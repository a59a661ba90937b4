package io.detoxstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.http.LanguagesClient;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks {@link LanguageMetricsIT} makes over HTTP: query latency, health, and the metrics the dashboard needs. */
final class MetricsApiChecks {

    private MetricsApiChecks() {
    }

    /** p50/p99 of {@code GET /v1/languages} answered across both instances (each asks the other). */
    static void measureQueryLatency(ModeratorNode a, ModeratorNode b) throws Exception {
        List<LanguagesClient> clients = List.of(new LanguagesClient(a.url().orElseThrow(), null),
                new LanguagesClient(b.url().orElseThrow(), null));
        for (int i = 0; i < 50; i++) {
            clients.get(i % 2).languages();   // warm-up
        }
        int n = 400;
        long[] micros = new long[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            JsonNode body = clients.get(i % 2).languages();
            micros[i] = (System.nanoTime() - t) / 1_000;
            assertThat(body.path("partial").asBoolean()).isFalse();
        }
        Arrays.sort(micros);
        double p50 = micros[n / 2] / 1000.0;
        double p99 = micros[(int) Math.ceil(0.99 * n) - 1] / 1000.0;
        System.out.printf("metrics IT: GET /v1/languages across 2 instances, %d requests: p50 %.1f ms, p99 %.1f ms, "
                + "max %.1f ms%n", n, p50, p99, micros[n - 1] / 1000.0);
        // The target is 50 ms on a quiet machine; this bound only catches a broken fan-out (e.g. peer timeouts).
        assertThat(p99).as("p99 ms").isLessThan(1_000);
    }

    /** Every metric the Grafana dashboard queries is exported by a moderator or a rewriter. */
    static void assertDashboardMetricsExist(ModeratorNode moderator, RewriterNode rewriter) throws Exception {
        String dashboard = Files.readString(Path.of("deploy", "grafana", "detox-streams-dashboard.json"));
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\b((?:detox|kafka|jvm|process)_[a-z_]+)").matcher(dashboard);
        while (m.find()) {
            used.add(m.group(1));
        }
        assertThat(used).isNotEmpty();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();   // Kafka binders refresh every 10 s
        Set<String> missing;
        do {
            String scraped = text(moderator.url().orElseThrow() + "/metrics")
                    + text("http://127.0.0.1:" + rewriter.httpPort().orElseThrow() + "/metrics");
            missing = new TreeSet<>();
            for (String name : used) {
                if (!Pattern.compile("(?m)^" + name + "[{ ]").matcher(scraped).find()) {
                    missing.add(name);
                }
            }
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        assertThat(missing).as("metrics the dashboard uses but nobody exports").isEmpty();
    }

    static String text(String url) throws Exception {
        var c = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        return c.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    static String health(LanguagesClient client) {
        try {
            JsonNode h = client.get("/health");
            return (h.path("status").asText().equals("UP") ? "200 " : "503 ") + h.path("state").asText();
        } catch (Exception e) {
            return e.toString();
        }
    }

    static int rewriterHealth(RewriterNode rewriter) throws Exception {
        var c = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        var r = c.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + rewriter.httpPort().orElseThrow() + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        return r.statusCode();
    }
}
