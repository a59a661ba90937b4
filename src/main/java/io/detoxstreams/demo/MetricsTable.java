package io.detoxstreams.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.http.LanguagesClient;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * The demo's closing table, fetched like any user would: {@code GET /v1/languages} on the moderator. The stores lag
 * the outputs a little (the rewriter's results are read back, repartitioned and committed), so it asks until the
 * answer is complete and accounts for every record the demo saw, or until a timeout.
 */
final class MetricsTable {

    private MetricsTable() {
    }

    /** @return false when no complete answer came in time (the caller then prints its own count instead) */
    static boolean fetchAndPrint(PrintStream out, ResultPrinter printer, String baseUrl, String token,
                                 LanguageSummary seen, Duration timeout) throws InterruptedException {
        LanguagesClient client = new LanguagesClient(baseUrl, token);
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode body = null;
        String why = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                body = client.languages();
                JsonNode all = body.path("all");
                if (body.path("partial").asBoolean(true)) {
                    why = "partial answer";
                } else if (all.path("total").asLong() != seen.results() || all.path("pending").asLong() != 0
                        || all.path("dlq").asLong() != seen.dlq()) {
                    why = "stores at " + all.path("total").asLong() + " comments (" + all.path("pending").asLong()
                            + " pending), " + all.path("dlq").asLong() + " DLQ";
                } else {
                    print(out, baseUrl, body);
                    return true;
                }
            } catch (IOException e) {
                why = e.toString();
            }
            Thread.sleep(250);
        }
        printer.info("metrics API did not account for every record within " + timeout.toSeconds() + " s (" + why
                + "); the demo's own count follows");
        return false;
    }

    static void print(PrintStream out, String baseUrl, JsonNode body) {
        out.println();
        JsonNode partitions = body.path("partitions");
        out.printf("Per-language summary (GET %s/v1/languages: %d of %d partitions, %d instance(s))%n", baseUrl,
                partitions.path("answered").size(), partitions.path("expected").asInt(), body.path("instances").size());
        out.printf("  %-5s %6s %6s %6s %8s %6s %8s %9s %5s %10s %8s %8s %8s%n", "lang", "total", "pass", "toxic",
                "rewrite", "hold", "pending", "uncertain", "dlq", "avg score", "p50 ms", "p95 ms", "p99 ms");
        for (JsonNode l : body.path("languages")) {
            row(out, l);
        }
        row(out, body.path("all"));
        JsonNode all = body.path("all");
        Map<String, Long> reasons = new TreeMap<>();
        all.path("dlq_by_reason").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
        Map<String, Long> holds = new TreeMap<>();
        all.path("hold_by_reason").fields().forEachRemaining(e -> holds.put(e.getKey(), e.getValue().asLong()));
        out.println("  DLQ: " + all.path("dlq").asLong() + (reasons.isEmpty() ? "" : " " + reasons));
        if (!holds.isEmpty()) {
            out.println("  held: " + holds);
        }
        Map<String, Long> coverage = new TreeMap<>();
        all.path("coverage").fields().forEachRemaining(e -> coverage.put(e.getKey(), e.getValue().asLong()));
        if (!coverage.isEmpty()) {
            out.println("  coverage: " + coverage + " (uncertain = in the review band, passed unchanged)");
        }
        out.println("  latency: end to end (created_at → final verdict), p50/p95/p99 from the merged histogram");
    }

    private static void row(PrintStream out, JsonNode l) {
        JsonNode lat = l.path("latency_ms");
        out.printf("  %-5s %6d %6d %6d %8d %6d %8d %9d %5d %10s %8s %8s %8s%n", l.path("lang").asText(),
                l.path("total").asLong(), l.path("pass").asLong(), l.path("toxic").asLong(), l.path("rewrite").asLong(),
                l.path("hold").asLong(), l.path("pending").asLong(), l.path("uncertain").asLong(), l.path("dlq").asLong(),
                fixed(l.path("mean_score"), 2), fixed(lat.path("p50"), 0), fixed(lat.path("p95"), 0),
                fixed(lat.path("p99"), 0));
    }

    private static String fixed(JsonNode n, int decimals) {
        return n.isNumber() ? String.format(java.util.Locale.ROOT, "%." + decimals + "f", n.asDouble()) : "-";
    }
}
