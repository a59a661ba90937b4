package io.detoxstreams.cli;

import io.detoxstreams.explain.Explanation;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.SpanEdit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shape of a {@link ModerationDecision} written by {@code rewrite}: {@code action}, {@code text},
 * {@code reason}, {@code score_before}, {@code score_after}, {@code similarity}, {@code explanation} (spans with
 * UTF-16 offsets into the original, categories, scores, method, backend, classifier, summary). NaN becomes null.
 */
final class DecisionJson {

    private DecisionJson() {
    }

    static Map<String, Object> of(ModerationDecision d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("action", d.action().name());
        m.put("text", d.text());
        m.put("reason", d.reason() == null ? null : d.reason().code());
        m.put("score_before", number(d.scoreBefore()));
        m.put("score_after", number(d.scoreAfter()));
        m.put("similarity", number(d.similarity()));
        m.put("explanation", d.explanation() == null ? null : explanation(d.explanation()));
        return m;
    }

    private static Map<String, Object> explanation(Explanation e) {
        Map<String, Object> m = new LinkedHashMap<>();
        List<Map<String, Object>> spans = new ArrayList<>();
        for (SpanEdit s : e.spans()) {
            Map<String, Object> span = new LinkedHashMap<>();
            span.put("start", s.start());
            span.put("end", s.end());
            span.put("category", s.category());
            span.put("score", number(s.score()));
            span.put("action", s.action().wireName());
            span.put("replacement", s.replacement());
            spans.add(span);
        }
        m.put("spans", spans);
        m.put("categories", e.categories());
        m.put("score_before", number(e.scoreBefore()));
        m.put("score_after", number(e.scoreAfter()));
        m.put("method", e.method());
        m.put("backend", e.backend());
        m.put("classifier", e.classifier());
        m.put("summary", e.summary());
        if (e.rationale() != null) {
            m.put("rationale", e.rationale());
        }
        return m;
    }

    private static Double number(double d) {
        return Double.isNaN(d) ? null : d;
    }
}
