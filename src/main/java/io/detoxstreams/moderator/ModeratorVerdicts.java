package io.detoxstreams.moderator;

import io.detoxstreams.avro.LanguageInfo;
import io.detoxstreams.avro.ModelVersions;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.avro.Timings;
import io.detoxstreams.avro.ToxicSpanInfo;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.language.LanguageGuess;

import io.detoxstreams.serde.TrustedAvroClasses;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;

/**
 * Builds the moderator's {@link ModerationResult}: {@code PASS} with the original as output for clean comments,
 * {@code PENDING} with an empty output for toxic ones (the rewriter completes it). Both carry the language, scores,
 * categories, spans, model version and timings, so nothing is classified twice.
 */
public final class ModeratorVerdicts {

    static {
        TrustedAvroClasses.ensure();
    }

    private ModeratorVerdicts() {
    }

    public static ModerationResult of(Comment c, LanguageGuess lang, ToxicityResult tox, long detectMicros,
                                      long classifyMicros, long nowMillis) {
        boolean pass = !tox.toxic();
        Instant now = Instant.ofEpochMilli(nowMillis);
        return ModerationResult.newBuilder()
                .setId(c.id())
                .setKey(c.key())
                .setThreadId(c.threadId())
                .setAuthorId(c.authorId())
                .setSource(c.source())
                .setAttributes(new HashMap<>(c.attributes()))
                .setAction(pass ? ModerationAction.PASS : ModerationAction.PENDING)
                .setHoldReason(null)
                .setOriginalText(c.text())
                .setOutputText(pass ? c.text() : "")
                .setLanguage(new LanguageInfo(lang.lang(), lang.script(), lang.confidence(), lang.method()))
                .setToxicityScore(tox.score())
                .setThreshold(tox.threshold())
                .setCategories(new HashMap<>(tox.categories()))
                .setToxicSpans(spans(tox.spans()))
                .setExplanation(null)
                .setModels(new ModelVersions(tox.model(), null))
                .setTimings(new Timings(detectMicros, classifyMicros, null, 0))
                .setCreatedAt(Instant.ofEpochMilli(c.createdAt()))
                .setIngestedAt(Instant.ofEpochMilli(c.ingestedAt()))
                .setModeratedAt(now)
                .setProcessedAt(now)
                .build();
    }

    private static List<ToxicSpanInfo> spans(List<ToxicSpan> spans) {
        return spans.stream()
                .map(s -> new ToxicSpanInfo(s.start(), s.end(), s.category(), s.score(), s.source()))
                .toList();
    }
}
