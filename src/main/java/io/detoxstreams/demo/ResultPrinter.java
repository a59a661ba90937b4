package io.detoxstreams.demo;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;

import java.io.PrintStream;

/** Formats one moderation result (or DLQ record) as a few readable lines for the demo. */
public final class ResultPrinter {

    private static final int WIDTH = 70;
    private final PrintStream out;
    private final long startNanos;

    public ResultPrinter(PrintStream out, long startNanos) {
        this.out = out;
        this.startNanos = startNanos;
    }

    public synchronized void result(ModerationResult r) {
        String lang = r.getLanguage().getLang();
        String coverage = r.getLanguage().getCoverage();
        boolean uncertain = r.getReviewThreshold() != null && r.getAction() == ModerationAction.PASS
                && r.getToxicityScore() >= r.getReviewThreshold();
        String note = (coverage != null && !coverage.equals("supported") ? "  (" + coverage + ")" : "")
                + (uncertain ? "  (uncertain: not rewritten)" : "");
        out.printf("%s %-4s %-7s score %.2f  %s%s%n", clock(), lang, r.getAction(), r.getToxicityScore(),
                quote(r.getOriginalText()), note);
        if (r.getAction() == ModerationAction.REWRITE) {
            out.printf("%s                          → %s%n", pad(), quote(r.getOutputText()));
        }
        if (r.getAction() == ModerationAction.HOLD) {
            out.printf("%s                          ⏸ held: %s%n", pad(), r.getHoldReason());
        }
        if (r.getExplanation() != null && !r.getExplanation().getSummary().isBlank()) {
            out.printf("%s                          why: %s%n", pad(), r.getExplanation().getSummary());
        }
        out.flush();
    }

    public synchronized void dlq(String key, String reason, String message) {
        out.printf("%s DLQ  %-7s %s: %s%n", clock(), reason, key, truncate(message, WIDTH));
        out.flush();
    }

    public synchronized void info(String message) {
        out.printf("%s %s%n", clock(), message);
        out.flush();
    }

    private String clock() {
        return String.format("[%6.1fs]", (System.nanoTime() - startNanos) / 1e9);
    }

    private static String pad() {
        return "         ";
    }

    private static String quote(String s) {
        return "\"" + truncate(s.replace('\n', ' '), WIDTH) + "\"";
    }

    private static String truncate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.codePointCount(0, s.length()) <= max ? s : s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
