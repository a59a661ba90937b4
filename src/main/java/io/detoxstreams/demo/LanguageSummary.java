package io.detoxstreams.demo;

import io.detoxstreams.avro.ModerationResult;

import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;

/** Per-language counts of what the demo saw, printed as a table at the end. Thread-safe. */
public final class LanguageSummary {

    private static final class Row {
        int total;
        int pass;
        int rewrite;
        int hold;
        double scoreSum;
    }

    private final Map<String, Row> rows = new TreeMap<>();
    private final Map<String, Integer> dlqReasons = new TreeMap<>();

    public synchronized void add(ModerationResult r) {
        Row row = rows.computeIfAbsent(r.getLanguage().getLang(), k -> new Row());
        row.total++;
        row.scoreSum += r.getToxicityScore();
        switch (r.getAction()) {
            case PASS -> row.pass++;
            case REWRITE -> row.rewrite++;
            case HOLD -> row.hold++;
            default -> { }
        }
    }

    public synchronized void addDlq(String reason) {
        dlqReasons.merge(reason == null ? "unknown" : reason, 1, Integer::sum);
    }

    public synchronized int results() {
        return rows.values().stream().mapToInt(r -> r.total).sum();
    }

    public synchronized int dlq() {
        return dlqReasons.values().stream().mapToInt(Integer::intValue).sum();
    }

    public synchronized void print(PrintStream out) {
        out.println();
        out.println("Per-language summary");
        out.printf("  %-5s %6s %6s %8s %6s %10s%n", "lang", "total", "pass", "rewrite", "hold", "avg score");
        int t = 0, p = 0, w = 0, h = 0;
        for (var e : rows.entrySet()) {
            Row r = e.getValue();
            out.printf("  %-5s %6d %6d %8d %6d %10.2f%n", e.getKey(), r.total, r.pass, r.rewrite, r.hold,
                    r.scoreSum / r.total);
            t += r.total;
            p += r.pass;
            w += r.rewrite;
            h += r.hold;
        }
        out.printf("  %-5s %6d %6d %8d %6d%n", "all", t, p, w, h);
        out.println("  DLQ: " + dlq() + (dlqReasons.isEmpty() ? "" : " " + dlqReasons));
    }
}
