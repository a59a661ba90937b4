package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.SpanEdit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reports a finished {@link TokenPlan} as {@link SpanEdit}s in original UTF-16 offsets: one per classifier span (with
 * the span's exact offsets, category and score, and what happened inside it), plus one per edit the rewriter made
 * outside every span (category {@code toxicity}, score = how often editors changed that word) and one per sentence or
 * clause it dropped whole ({@link SentenceDrop}, score 1), which may contain spans.
 */
final class EditReport {

    static final String TABLE_CATEGORY = "toxicity";

    private EditReport() {
    }

    static List<SpanEdit> edits(TokenPlan plan, List<ToxicSpan> spans) {
        List<SpanEdit> out = new ArrayList<>();
        for (ToxicSpan s : spans) {
            out.add(spanEdit(plan, s));
        }
        for (int g = 0; g < plan.groupScores.size(); g++) {
            int from = -1;
            int to = -1;
            boolean inSpan = false;
            StringBuilder replacement = new StringBuilder();
            for (int i = 0; i < plan.size(); i++) {
                if (plan.group[i] != g) {
                    continue;
                }
                inSpan |= plan.span[i] >= 0;
                from = from < 0 ? plan.tokens.get(i).start() : from;
                to = plan.tokens.get(i).end();
                if (plan.decisions[i] == TokenPlan.Decision.REPLACE) {
                    replacement.append(plan.replacements[i]);
                }
            }
            if (from >= 0 && (plan.wholeGroups.get(g) || !inSpan && !overlapsAny(spans, from, to))) {
                EditAction action = replacement.length() > 0 ? EditAction.REPLACED : EditAction.DELETED;
                out.add(new SpanEdit(from, to, TABLE_CATEGORY, plan.groupScores.get(g), action,
                        replacement.toString()));
            }
        }
        out.sort(Comparator.comparingInt(SpanEdit::start).thenComparingInt(SpanEdit::end));
        return out;
    }

    /** A span's action comes from the edit groups it touches: a phrase replaced as a whole counts as replaced. */
    private static SpanEdit spanEdit(TokenPlan plan, ToxicSpan s) {
        boolean deleted = false;
        java.util.Set<Integer> groups = new java.util.TreeSet<>();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.tokens.get(i).overlaps(s.start(), s.end()) && plan.changed(i)) {
                deleted = true;
                groups.add(plan.group[i]);
            }
        }
        StringBuilder replacement = new StringBuilder();
        for (int i = 0; i < plan.size(); i++) {
            if (plan.decisions[i] == TokenPlan.Decision.REPLACE && groups.contains(plan.group[i])) {
                if (replacement.length() > 0) {
                    replacement.append(' ');
                }
                replacement.append(plan.replacements[i]);
            }
        }
        if (replacement.length() > 0) {
            return new SpanEdit(s.start(), s.end(), s.category(), s.score(), EditAction.REPLACED,
                    replacement.toString());
        }
        if (deleted) {
            return new SpanEdit(s.start(), s.end(), s.category(), s.score(), EditAction.DELETED, "");
        }
        return new SpanEdit(s.start(), s.end(), s.category(), s.score(), EditAction.KEPT,
                plan.text.substring(s.start(), Math.min(s.end(), plan.text.length())));
    }

    private static boolean overlapsAny(List<ToxicSpan> spans, int from, int to) {
        for (ToxicSpan s : spans) {
            if (s.start() < to && from < s.end()) {
                return true;
            }
        }
        return false;
    }
}
