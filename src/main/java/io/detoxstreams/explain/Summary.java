package io.detoxstreams.explain;

import java.util.List;
import java.util.Locale;

/**
 * The one-sentence English summary of an explanation, for moderators and authors. It names what was done and why,
 * with counts and scores and the neutral words put in ("Replaced 1 passage with “person”"), and never quotes the
 * toxic words themselves (the span offsets say where they were).
 */
final class Summary {

    private Summary() {
    }

    static String rewritten(List<SpanEdit> edits, List<String> categories, double before, double after,
                            double threshold) {
        long replaced = 0;
        long deleted = 0;
        long rephrased = 0;
        for (int i = 0; i < edits.size(); i++) {
            SpanEdit e = edits.get(i);
            if (insideAnother(edits, i)) {
                continue;
            }
            switch (e.action()) {
                case REPLACED -> replaced++;
                case DELETED -> deleted++;
                case REPHRASED -> rephrased++;
                default -> { }
            }
        }
        // One builder for the whole sentence: it is written for every published rewrite.
        StringBuilder out = new StringBuilder(128);
        if (replaced > 0) {
            out.append("Replaced ").append(replaced).append(passages(replaced)).append(" with ");
            replacements(edits, out);
        }
        if (deleted > 0) {
            out.append(out.length() == 0 ? "Removed " : " and removed ").append(deleted).append(passages(deleted));
        }
        if (rephrased > 0) {
            out.append(out.length() == 0 ? "Rephrased " : " and rephrased ").append(rephrased)
                    .append(passages(rephrased));
        }
        if (out.length() == 0) {
            out.append("Rewrote the comment");
        }
        for (int i = 0; i < categories.size(); i++) {
            out.append(i == 0 ? " flagged as " : ", ").append(categories.get(i));
        }
        return out.append("; toxicity fell from ").append(twoDecimals(before)).append(" to ")
                .append(twoDecimals(after)).append(" (threshold ").append(twoDecimals(threshold)).append(").")
                .toString();
    }

    private static String passages(long n) {
        return n == 1 ? " passage" : " passages";
    }

    /**
     * Whether edit {@code i} lies within another edit that changed the text (a flagged span inside the sentence the
     * rewriter dropped whole): one passage, counted once.
     */
    private static boolean insideAnother(List<SpanEdit> edits, int i) {
        SpanEdit e = edits.get(i);
        for (int k = 0; k < edits.size(); k++) {
            SpanEdit o = edits.get(k);
            if (k != i && o.action() != EditAction.KEPT && o.start() <= e.start() && e.end() <= o.end()
                    && (o.end() - o.start() > e.end() - e.start() || k < i)) {
                return true;
            }
        }
        return false;
    }

    static String held(HoldReason reason, List<String> categories, double before) {
        return "Held for review (" + reason.code() + "): " + reason.description() + "; toxicity "
                + twoDecimals(before) + (categories.isEmpty() ? "" : ", categories " + String.join(", ", categories))
                + ".";
    }

    static String heldForHarm(HoldReason reason, String category, int start, int end, String finder, double before) {
        return String.format(Locale.ROOT, "Held for review (%s): %s; characters %d–%d were read as %s (%s); "
                        + "toxicity %.2f.", reason.code(), reason.description(), start, end,
                category.equals("self_harm") ? "self-harm" : "a threat", finder, before);
    }

    /**
     * {@code String.format(Locale.ROOT, "%.2f", v)} without the formatter, which cost ~10% of a whole detoxification:
     * the shortest decimal of the value rounded half-up, as the formatter does (negative values, which scores never are, and
     * non-finite ones still go through the formatter).
     */
    static String twoDecimals(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v < 0 || 1 / v < 0) {
            return String.format(Locale.ROOT, "%.2f", v);
        }
        double hundredths = v * 100;
        if (hundredths < 1e12) {
            long floor = (long) hundredths;
            double fraction = hundredths - floor;
            // Away from a tie the product's rounding error (~1e-14) cannot change the rounded value; a near-tie is
            // decided on the shortest decimal, as the formatter does.
            if (Math.abs(fraction - 0.5) > 1e-6) {
                long r = fraction > 0.5 ? floor + 1 : floor;
                long cents = r % 100;
                return (r / 100) + (cents < 10 ? ".0" : ".") + cents;
            }
        }
        return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    /** The neutral words put in, each in curly quotes: what replaced what, never the toxic words. */
    private static void replacements(List<SpanEdit> edits, StringBuilder out) {
        java.util.LinkedHashSet<String> words = new java.util.LinkedHashSet<>();
        for (SpanEdit e : edits) {
            if (e.action() == EditAction.REPLACED && !e.replacement().isBlank()) {
                words.add(e.replacement().strip());
            }
        }
        if (words.isEmpty()) {
            out.append("neutral wording");
            return;
        }
        boolean first = true;
        for (String w : words) {
            out.append(first ? "" : ", ").append('\u201C').append(w).append('\u201D');
            first = false;
        }
    }
}
