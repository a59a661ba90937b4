package io.detoxstreams.metrics;

import io.detoxstreams.avro.ModerationResult;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;

/**
 * The records on the internal topic {@code comments.outcomes}: for every result the rewriter commits, one outcome
 * event — the result as a one-event {@link LanguageStats} ({@link MetricsEvents#outcome}) in the stores' compact
 * format, keyed by language, timestamped with the result's {@code processed_at} — written in the same transaction as
 * the result itself, so the metrics see each rewriter result exactly once.
 *
 * <p>Why a topic of its own rather than reading {@code comments.detoxified} back: most records there are the
 * moderator's own PASS results, which the metrics have already counted at the verdict; consuming them only to skip
 * them cost the moderator more than everything else the metrics do together (BENCHMARKS.md).
 */
public final class OutcomeEvents {

    private static final LanguageStatsSerde SERDE = new LanguageStatsSerde();

    private OutcomeEvents() {
    }

    /** The outcome event of a final (REWRITE, HOLD or PASS) rewriter result. */
    public static ProducerRecord<byte[], byte[]> record(String topic, ModerationResult result) {
        byte[] lang = result.getLanguage().getLang().getBytes(StandardCharsets.UTF_8);
        return new ProducerRecord<>(topic, null, result.getProcessedAt().toEpochMilli(), lang,
                SERDE.serialize(topic, MetricsEvents.outcome(result)));
    }

    /**
     * @return the event, or null when the bytes are not an outcome event (a foreign record on the topic): decoding
     *         failures and records that would count a comment's total, toxic verdict or dead letter are refused, so a
     *         stray record cannot count anything twice
     */
    static LanguageStats decode(String topic, byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            LanguageStats s = SERDE.deserialize(topic, value);
            boolean oneOutcome = s.total == 0 && s.toxic == 0 && s.dlq == 0 && s.pass + s.rewrite + s.hold == 1;
            return oneOutcome ? s : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
