package io.detoxstreams.metrics;

import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns each outcome into a one-event {@link LanguageStats} delta, so that every comment is counted exactly once in
 * each column:
 * <ul>
 *   <li>{@link #verdict}: the moderator's verdict on a comment — total, score, categories, language confidence and
 *       coverage always, uncertain when the score is in the review band; PASS counts as pass and HOLD (threat,
 *       self-harm, unsupported language, uncertain: held by the moderator itself) as hold by reason, both with their
 *       latency; PENDING as toxic;</li>
 *   <li>{@link #outcome}: the rewriter's final result for a toxic comment — REWRITE, HOLD (by reason) or, should the
 *       rewriter pass it, PASS; with its latency and backend. Never total or toxic again;</li>
 *   <li>{@link #dlq}: a dead-lettered record — dlq (by reason) only; it was never moderated.</li>
 * </ul>
 * Latencies are measured to {@code processed_at} from {@code created_at} (end to end) and from {@code ingested_at}
 * (the pipeline's own share); negative values from skewed producer clocks count as 0.
 */
public final class MetricsEvents {

    /** Language of records whose language is unknown (DLQ records without a usable lang_hint). */
    public static final String UNKNOWN_LANGUAGE = "und";
    /** DLQ reason of records Kafka Streams' own dead-letter handler wrote (no detox.error.reason header). */
    public static final String PROCESSING_ERROR = "processing_error";
    private static final Pattern LANGUAGE_CODE = Pattern.compile("[a-z]{2,3}");

    private MetricsEvents() {
    }

    public static LanguageStats verdict(ModerationResult r) {
        LanguageStats s = new LanguageStats();
        s.total = 1;
        switch (r.getAction()) {
            case PASS -> {
                s.pass = 1;
                latency(s, r);
            }
            case HOLD -> {
                s.hold = 1;
                s.holdByReason.put(r.getHoldReason() == null ? "unknown" : r.getHoldReason(), 1L);
                latency(s, r);
            }
            default -> s.toxic = 1;
        }
        String coverage = r.getLanguage().getCoverage();
        if (coverage != null) {
            s.coverage.put(coverage, 1L);
        }
        Double review = r.getReviewThreshold();
        if (review != null && r.getToxicityScore() >= review && r.getToxicityScore() < r.getThreshold()) {
            s.uncertain = 1;
        }
        double score = unit(r.getToxicityScore());
        s.scoreSumMicros = Math.round(score * 1e6);
        s.scoreHistogram[Buckets.scoreIndex(score)] = 1;
        s.confidenceHistogram[Buckets.confidenceIndex(unit(r.getLanguage().getConfidence()))] = 1;
        for (Map.Entry<String, Double> c : r.getCategories().entrySet()) {
            if (c.getValue() != null && c.getValue() >= r.getThreshold()) {
                s.categories.put(c.getKey(), 1L);
            }
        }
        s.updatedAt = r.getProcessedAt().toEpochMilli();
        return s;
    }

    /** @throws IllegalArgumentException for a PENDING result (not an outcome) */
    public static LanguageStats outcome(ModerationResult r) {
        LanguageStats s = new LanguageStats();
        switch (r.getAction()) {
            case REWRITE -> s.rewrite = 1;
            case HOLD -> {
                s.hold = 1;
                s.holdByReason.put(r.getHoldReason() == null ? "unknown" : r.getHoldReason(), 1L);
            }
            case PASS -> s.pass = 1;
            default -> throw new IllegalArgumentException("not a final outcome: " + r.getAction());
        }
        s.backends.put(backend(r), 1L);
        latency(s, r);
        s.updatedAt = r.getProcessedAt().toEpochMilli();
        return s;
    }

    public static LanguageStats dlq(String reason, long timestamp) {
        LanguageStats s = new LanguageStats();
        s.dlq = 1;
        s.dlqByReason.put(reason == null || reason.isBlank() ? PROCESSING_ERROR : reason, 1L);
        s.updatedAt = timestamp;
        return s;
    }

    /**
     * The language a DLQ record is counted under: the primary subtag of its lang_hint ({@code EN-gb} → {@code en})
     * when that is 2–3 letters, else {@value #UNKNOWN_LANGUAGE}. The hint is the producer's claim, not a detection;
     * restricting it to the shape of a language code keeps arbitrary input from creating unbounded store keys.
     */
    public static String dlqLanguage(String langHint) {
        if (langHint == null) {
            return UNKNOWN_LANGUAGE;
        }
        String primary = langHint.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return LANGUAGE_CODE.matcher(primary).matches() ? primary : UNKNOWN_LANGUAGE;
    }

    private static void latency(LanguageStats s, ModerationResult r) {
        long processed = r.getProcessedAt().toEpochMilli();
        long endToEnd = Math.max(0, processed - r.getCreatedAt().toEpochMilli());
        long pipeline = Math.max(0, processed - r.getIngestedAt().toEpochMilli());
        s.latencyHistogram[Buckets.latencyIndex(endToEnd)] = 1;
        s.latencySumMs = endToEnd;
        s.ingestLatencyHistogram[Buckets.latencyIndex(pipeline)] = 1;
        s.ingestLatencySumMs = pipeline;
    }

    private static String backend(ModerationResult r) {
        ExplanationInfo e = r.getExplanation();
        String b = e != null ? e.getBackend() : r.getModels().getRewriter();
        return b == null || b.isBlank() ? "none" : b;
    }

    private static double unit(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
