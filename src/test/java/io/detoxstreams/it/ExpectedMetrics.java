package io.detoxstreams.it;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.ingest.CommentNormalizer;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.metrics.MetricsEvents;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModerationPolicy;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.serde.Codec;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-language counts computed from the input alone: each comment through the models directly (language detection,
 * classification, and for toxic ones the detoxifier's decision), each dead letter under its lang_hint — what the
 * metrics stores must show once everything is through. Compared with what the HTTP API answers.
 */
final class ExpectedMetrics {

    /** The columns compared; all exact counts. */
    record Counts(long total, long pass, long toxic, long rewrite, long hold, long dlq, Map<String, Long> holdByReason) {

        static Counts of(JsonNode l) {
            Map<String, Long> reasons = new TreeMap<>();
            l.path("hold_by_reason").fields().forEachRemaining(e -> reasons.put(e.getKey(), e.getValue().asLong()));
            return new Counts(l.path("total").asLong(), l.path("pass").asLong(), l.path("toxic").asLong(),
                    l.path("rewrite").asLong(), l.path("hold").asLong(), l.path("dlq").asLong(), reasons);
        }
    }

    private static final class Row {
        long total;
        long pass;
        long toxic;
        long rewrite;
        long hold;
        long dlq;
        final Map<String, Long> holdByReason = new TreeMap<>();

        Counts counts() {
            return new Counts(total, pass, toxic, rewrite, hold, dlq, new TreeMap<>(holdByReason));
        }
    }

    private final Map<String, Row> rows = new TreeMap<>();

    /**
     * A comment: detect, classify, apply the default moderation policy and, when sent to the rewriter, detoxify,
     * exactly as the two stages do.
     */
    void comment(CommentEvent e, Models models) {
        Comment c = new CommentNormalizer().normalize(e, null, "comments", 0, 0, 1L);
        LanguageGuess lang = models.languageDetector().detect(c.text(), c.langHint());
        ToxicityResult tox = models.classifier().classify(c.text(), lang.lang());
        ModerationPolicy.Decision decision = ModerationPolicy.defaults(models.classifier()).decide(c.text(), lang, tox);
        Row r = rows.computeIfAbsent(lang.lang(), k -> new Row());
        r.total++;
        if (decision.route() == ModerationPolicy.Route.PASS) {
            r.pass++;
            return;
        }
        if (decision.route() == ModerationPolicy.Route.HOLD) {
            r.hold++;
            r.holdByReason.merge(decision.reason().code(), 1L, Long::sum);
            return;
        }
        r.toxic++;
        ModerationDecision d = models.detoxifier().detoxifyBatch(List.of(new RewriteRequest(c.text(), lang.lang(), tox)))
                .get(0);
        switch (d.action()) {
            case REWRITE -> r.rewrite++;
            case HOLD -> {
                r.hold++;
                r.holdByReason.merge(d.reason().code(), 1L, Long::sum);
            }
            case PASS -> r.pass++;
        }
    }

    /** A record that will be dead-lettered: under its lang_hint when it decodes, else und. */
    void deadLetter(byte[] value, Codec<CommentEvent> codec) {
        String lang;
        try {
            lang = MetricsEvents.dlqLanguage(codec.decode("comments", value).getLangHint());
        } catch (RuntimeException undecodable) {
            lang = MetricsEvents.UNKNOWN_LANGUAGE;
        }
        rows.computeIfAbsent(lang, k -> new Row()).dlq++;
    }

    Map<String, Counts> counts() {
        Map<String, Counts> out = new TreeMap<>();
        rows.forEach((lang, r) -> out.put(lang, r.counts()));
        return out;
    }

    /** The same columns from a {@code GET /v1/languages} body. */
    static Map<String, Counts> fromApi(JsonNode body) {
        Map<String, Counts> out = new TreeMap<>();
        for (JsonNode l : body.path("languages")) {
            out.put(l.path("lang").asText(), Counts.of(l));
        }
        return out;
    }
}
