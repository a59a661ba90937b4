package io.detoxstreams.metrics;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.worker.OutputHeaders;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Topology nodes {@code metrics-rewrite-events} and {@code metrics-hold-events}: a result the rewriter wrote to
 * {@code comments.detoxified} or {@code comments.review}, re-keyed by language as a one-event {@link LanguageStats}
 * ({@link MetricsEvents#outcome}). The moderator's own PASS results on {@code comments.detoxified} carry no rewriter
 * stamp ({@link OutputHeaders}) and are skipped before decoding: they were counted as verdicts.
 *
 * <p>A value that does not decode, or a PENDING result, is logged and skipped rather than thrown: an exception here
 * would send an output record to the DLQ and count it there.
 */
final class OutcomeEventProcessor implements Processor<byte[], byte[], String, LanguageStats> {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeEventProcessor.class);

    private final Codec<ModerationResult> codec;
    private final String topic;
    private ProcessorContext<String, LanguageStats> context;

    OutcomeEventProcessor(Codec<ModerationResult> codec, String topic) {
        this.codec = codec;
        this.topic = topic;
    }

    @Override
    public void init(ProcessorContext<String, LanguageStats> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        if (record.value() == null || !OutputHeaders.fromRewriter(record.headers())) {
            return;
        }
        ModerationResult result;
        try {
            result = codec.decode(topic, record.value());
        } catch (SerializationException e) {
            LOG.warn("metrics: skipping an undecodable record on {}: {}", topic, e.toString());
            return;
        }
        if (result.getAction() == ModerationAction.PENDING) {
            LOG.warn("metrics: skipping a PENDING result on {} (id {})", topic, result.getId());
            return;
        }
        // Fresh record without headers: the repartition topic needs only language, event and timestamp.
        context.forward(new Record<>(result.getLanguage().getLang(), MetricsEvents.outcome(result), record.timestamp()));
    }
}
