package io.detoxstreams.worker;

import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.ModelVersions;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.avro.SpanEditInfo;
import io.detoxstreams.avro.Timings;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.Explanation;
import io.detoxstreams.explain.ExplanationRecords;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.serde.TrustedAvroClasses;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Converts between the pending records on {@code comments.toxic} and the model API: rebuilds the classifier's
 * verdict as a {@link RewriteRequest} (the rewriter never re-classifies), and turns a {@link ModerationDecision} into
 * the final {@link ModerationResult}.
 */
public final class RewriterVerdicts {

    static {
        TrustedAvroClasses.ensure();
    }

    private RewriterVerdicts() {
    }

    public static RewriteRequest request(ModerationResult pending) {
        List<ToxicSpan> spans = pending.getToxicSpans().stream()
                .map(s -> new ToxicSpan(s.getStart(), s.getEnd(), s.getCategory(), s.getScore(), s.getSource()))
                .toList();
        ToxicityResult tox = new ToxicityResult(pending.getToxicityScore(), true, pending.getThreshold(),
                Map.copyOf(pending.getCategories()), spans, pending.getModels().getClassifier());
        return new RewriteRequest(pending.getOriginalText(), pending.getLanguage().getLang(), tox);
    }

    /** The final result for a decision made by the detoxifier. */
    public static ModerationResult decided(ModerationResult pending, ModerationDecision d, long rewriteMicros,
                                           int attempts, long nowMillis) {
        ModerationAction action = switch (d.action()) {
            case PASS -> ModerationAction.PASS;
            case REWRITE -> ModerationAction.REWRITE;
            case HOLD -> ModerationAction.HOLD;
        };
        Explanation e = d.explanation();
        String output = d.action() == Action.HOLD ? "" : (d.text() == null ? "" : d.text());
        return ModerationResult.newBuilder(pending)
                .setAction(action)
                .setHoldReason(d.action() == Action.HOLD && d.reason() != null ? d.reason().code() : null)
                .setOutputText(output)
                .setExplanation(e == null ? null : explanation(e, d.similarity()))
                .setModels(new ModelVersions(pending.getModels().getClassifier(), e == null ? null : e.backend()))
                .setTimings(timings(pending, rewriteMicros, attempts))
                .setProcessedAt(Instant.ofEpochMilli(nowMillis))
                .build();
    }

    /**
     * HOLD with reason {@code backend_failed} after every attempt failed: the spans are reported as kept, the
     * summary says what went wrong, so a moderator still sees why the comment was flagged.
     */
    public static ModerationResult backendFailed(ModerationResult pending, int attempts, String error, long nowMillis) {
        List<SpanEditInfo> spans = pending.getToxicSpans().stream()
                .map(s -> new SpanEditInfo(s.getStart(), s.getEnd(), s.getCategory(), s.getScore(), "kept",
                        pending.getOriginalText().substring(s.getStart(), s.getEnd())))
                .toList();
        List<String> categories = pending.getCategories().entrySet().stream()
                .filter(en -> en.getValue() >= pending.getThreshold())
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .map(Map.Entry::getKey).toList();
        ExplanationInfo ex = ExplanationInfo.newBuilder()
                .setSpans(spans).setCategories(categories)
                .setScoreBefore(pending.getToxicityScore()).setScoreAfter(null).setSimilarity(null)
                .setMethod("none").setBackend("none").setClassifier(pending.getModels().getClassifier())
                .setSummary("Held for review: the comment scored " + String.format("%.2f", pending.getToxicityScore())
                        + " (threshold " + String.format("%.2f", pending.getThreshold()) + ") and every rewrite attempt ("
                        + attempts + ") failed: " + error)
                .build();
        return ModerationResult.newBuilder(pending)
                .setAction(ModerationAction.HOLD)
                .setHoldReason(HoldReason.BACKEND_FAILED.code())
                .setOutputText("")
                .setExplanation(ex)
                .setTimings(timings(pending, null, attempts))
                .setProcessedAt(Instant.ofEpochMilli(nowMillis))
                .build();
    }

    static ExplanationInfo explanation(Explanation e, double similarity) {
        return ExplanationRecords.toAvro(e, similarity);
    }

    private static Timings timings(ModerationResult pending, Long rewriteMicros, int attempts) {
        Timings t = pending.getTimings();
        return new Timings(t.getDetectMicros(), t.getClassifyMicros(), rewriteMicros, attempts);
    }

}
