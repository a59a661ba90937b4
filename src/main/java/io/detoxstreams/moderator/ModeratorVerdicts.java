package io.detoxstreams.moderator;

import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.LanguageInfo;
import io.detoxstreams.avro.ModelVersions;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.avro.Timings;
import io.detoxstreams.avro.ToxicSpanInfo;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.Explanation;
import io.detoxstreams.explain.ExplanationBuilder;
import io.detoxstreams.explain.ExplanationRecords;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.safety.Harm;
import io.detoxstreams.serde.TrustedAvroClasses;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * Builds the moderator's {@link ModerationResult} from a {@link ModerationPolicy.Decision}: {@code PASS} with the
 * original as output, {@code PENDING} with an empty output for the rewriter, or {@code HOLD} (threat, self-harm,
 * unsupported language, uncertain) with an explanation naming the passage that was read as harm. All carry the
 * language and its coverage, scores, thresholds, categories, spans, model version and timings, so nothing is
 * classified twice.
 */
public final class ModeratorVerdicts {

    /** The backend named in the explanation of a moderator hold. */
    public static final String MODERATOR = "moderator";

    static {
        TrustedAvroClasses.ensure();
    }

    private ModeratorVerdicts() {
    }

    public static ModerationResult of(Comment c, LanguageGuess lang, ToxicityResult tox,
                                      ModerationPolicy.Decision decision, long detectMicros, long classifyMicros,
                                      long nowMillis) {
        ModerationAction action = switch (decision.route()) {
            case PASS -> ModerationAction.PASS;
            case REWRITE -> ModerationAction.PENDING;
            case HOLD -> ModerationAction.HOLD;
        };
        Instant now = Instant.ofEpochMilli(nowMillis);
        return ModerationResult.newBuilder()
                .setId(c.id())
                .setKey(c.key())
                .setThreadId(c.threadId())
                .setAuthorId(c.authorId())
                .setSource(c.source())
                .setAttributes(new HashMap<>(c.attributes()))
                .setAction(action)
                .setHoldReason(decision.reason() == null ? null : decision.reason().code())
                .setOriginalText(c.text())
                .setOutputText(action == ModerationAction.PASS ? c.text() : "")
                .setLanguage(new LanguageInfo(lang.lang(), lang.script(), lang.confidence(), lang.method(),
                        decision.coverage().wireName()))
                .setToxicityScore(tox.score())
                .setThreshold(tox.threshold())
                .setReviewThreshold(decision.reviewThreshold())
                .setCategories(new HashMap<>(tox.categories()))
                .setToxicSpans(spans(tox.spans()))
                .setExplanation(action == ModerationAction.HOLD ? explanation(c.text(), tox, decision) : null)
                .setModels(new ModelVersions(tox.model(), null))
                .setTimings(new Timings(detectMicros, classifyMicros, null, 0))
                .setCreatedAt(Instant.ofEpochMilli(c.createdAt()))
                .setIngestedAt(Instant.ofEpochMilli(c.ingestedAt()))
                .setModeratedAt(now)
                .setProcessedAt(now)
                .build();
    }

    private static ExplanationInfo explanation(String text, ToxicityResult tox, ModerationPolicy.Decision d) {
        Explanation e;
        if (d.harm().isPresent()) {
            Harm h = d.harm().get();
            e = ExplanationBuilder.heldForHarm(text, tox, d.reason(), h.start(), h.end(), h.kind().code(), h.score(),
                    h.source(), MODERATOR);
        } else {
            e = ExplanationBuilder.held(text, tox, d.reason(), "none", MODERATOR);
        }
        return ExplanationRecords.toAvro(e, Double.NaN);
    }

    private static List<ToxicSpanInfo> spans(List<ToxicSpan> spans) {
        return spans.stream()
                .map(s -> new ToxicSpanInfo(s.start(), s.end(), s.category(), s.score(), s.source()))
                .toList();
    }
}
