package io.detoxstreams.explain;

import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.SpanEditInfo;

/** An {@link Explanation} as the {@code explanation} field of a {@code ModerationResult}, for moderator and rewriter. */
public final class ExplanationRecords {

    private ExplanationRecords() {
    }

    /** @param similarity content similarity of the rewrite to the original; NaN (written as null) when none */
    public static ExplanationInfo toAvro(Explanation e, double similarity) {
        return ExplanationInfo.newBuilder()
                .setSpans(e.spans().stream().map(ExplanationRecords::span).toList())
                .setCategories(e.categories())
                .setScoreBefore(e.scoreBefore())
                .setScoreAfter(finiteOrNull(e.scoreAfter()))
                .setSimilarity(finiteOrNull(similarity))
                .setMethod(nullToEmpty(e.method()))
                .setBackend(nullToEmpty(e.backend()))
                .setClassifier(nullToEmpty(e.classifier()))
                .setSummary(nullToEmpty(e.summary()))
                .setRationale(e.rationale())
                .build();
    }

    private static SpanEditInfo span(SpanEdit s) {
        return new SpanEditInfo(s.start(), s.end(), s.category(), s.score(), s.action().wireName(),
                nullToEmpty(s.replacement()));
    }

    private static Double finiteOrNull(double d) {
        return Double.isFinite(d) ? d : null;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
