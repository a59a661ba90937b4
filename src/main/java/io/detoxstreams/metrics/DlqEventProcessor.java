package io.detoxstreams.metrics;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RejectReason;
import io.detoxstreams.serde.Codec;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Topology node {@code metrics-dlq-events}: every record on {@code comments.dlq} — rejected by the moderator, sent by
 * Kafka Streams' own dead-letter handler, or dead-lettered by the rewriter — as a one-event {@link LanguageStats}
 * with its reason ({@code detox.error.reason}, else {@value MetricsEvents#PROCESSING_ERROR}). The language is the
 * record's lang_hint when the value decodes as a comment ({@link MetricsEvents#dlqLanguage}), else {@code und}.
 */
final class DlqEventProcessor implements Processor<byte[], byte[], String, LanguageStats> {

    static final String OTHER = "other";

    private final Codec<CommentEvent> comments;
    private final String commentsTopic;
    private ProcessorContext<String, LanguageStats> context;

    DlqEventProcessor(Codec<CommentEvent> comments, String commentsTopic) {
        this.comments = comments;
        this.commentsTopic = commentsTopic;
    }

    @Override
    public void init(ProcessorContext<String, LanguageStats> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        context.forward(new Record<>(language(record.value()), MetricsEvents.dlq(reason(record), record.timestamp()),
                record.timestamp()));
    }

    /**
     * Our reason codes as they are; no header (Kafka Streams' own handler) → {@code processing_error}; anything else
     * (a foreign producer's header) → {@value #OTHER}, so the per-reason counts stay a small, bounded map.
     */
    static String reason(Record<byte[], byte[]> record) {
        String reason = DlqHeaders.get(record.headers(), DlqHeaders.REASON);
        if (reason == null || reason.isBlank()) {
            return MetricsEvents.PROCESSING_ERROR;
        }
        return RejectReason.fromCode(reason) == null ? OTHER : reason;
    }

    private String language(byte[] value) {
        if (value == null) {
            return MetricsEvents.UNKNOWN_LANGUAGE;
        }
        try {
            return MetricsEvents.dlqLanguage(comments.decode(commentsTopic, value).getLangHint());
        } catch (RuntimeException e) {
            // Most dead letters are dead because they do not decode; their language is unknown.
            return MetricsEvents.UNKNOWN_LANGUAGE;
        }
    }
}
