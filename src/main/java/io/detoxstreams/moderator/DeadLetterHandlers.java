package io.detoxstreams.moderator;

import io.detoxstreams.ingest.DeadLetters;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RejectReason;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;

/**
 * The moderator's Kafka Streams error handlers (KIP-1033/1034: a handler answers RESUME with the dead letters to
 * write). Both write the same bounded dead letter — the raw input record, cut by {@link DeadLetters} to fit
 * {@code records.max.bytes}, with our error headers (never Kafka's full stack-trace header) — so no record, however
 * large or strange, can stop moderation:
 * <ul>
 *   <li>{@link Processing}: an unexpected exception in a processor → dead letter ({@code processing_error}), continue;</li>
 *   <li>{@link Production}: a result larger than the room under {@code records.max.bytes}
 *       ({@link ResultTooLargeException}, thrown before the producer sees it) → dead letter ({@code too_large}),
 *       continue. Any other production error fails the instance with a message saying what to fix: under
 *       exactly-once a record the broker refused has already doomed the open transaction.</li>
 * </ul>
 * Both read {@value #DLQ_TOPIC} and {@value #RECORDS_MAX_BYTES} from the Streams configuration
 * ({@link ModeratorService#streamsProperties}).
 */
public final class DeadLetterHandlers {

    public static final String DLQ_TOPIC = "detox.dlq.topic";
    public static final String RECORDS_MAX_BYTES = "detox.records.max.bytes";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    /** Unexpected exceptions inside a processor. */
    public static final class Processing implements ProcessingExceptionHandler {

        private Target target;

        @Override
        public void configure(Map<String, ?> configs) {
            target = Target.from(configs);
        }

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            LOG.warn("processor {} failed on {}-{}@{} ({}); the input goes to the DLQ", context.processorNodeId(),
                    context.topic(), context.partition(), context.offset(), describe(exception));
            return Response.resume(List.of(target.deadLetter(context, RejectReason.PROCESSING_ERROR, exception)));
        }
    }

    /** Errors writing an output record. */
    public static final class Production implements ProductionExceptionHandler {

        private Target target;

        @Override
        public void configure(Map<String, ?> configs) {
            target = Target.from(configs);
        }

        @Override
        public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                                 SerializationExceptionOrigin origin) {
            if (exception instanceof ResultTooLargeException) {
                LOG.warn("the result of {}-{}@{} is too large to write; the input goes to the DLQ ({})",
                        context.topic(), context.partition(), context.offset(), describe(exception));
                return Response.resume(List.of(target.deadLetter(context, RejectReason.TOO_LARGE, exception)));
            }
            LOG.error("cannot encode the result of {}-{}@{} for {}: {}; stopping this instance", context.topic(),
                    context.partition(), context.offset(), record.topic(), describe(exception));
            return Response.fail();
        }

        @Override
        public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
            String hint = exception instanceof RecordTooLargeException
                    ? "; lower records.max.bytes below the max.message.bytes of topic " + record.topic() : "";
            LOG.error("the broker refused a record for {} (from {}-{}@{}): {}{}; stopping this instance", record.topic(),
                    context.topic(), context.partition(), context.offset(), describe(exception), hint);
            return Response.fail();
        }
    }

    /** Where dead letters go and how large they may be. */
    record Target(String topic, DeadLetters deadLetters) {

        static Target from(Map<String, ?> configs) {
            Object topic = configs.get(DLQ_TOPIC);
            Object max = configs.get(RECORDS_MAX_BYTES);
            if (topic == null || max == null) {
                throw new IllegalStateException(DLQ_TOPIC + " and " + RECORDS_MAX_BYTES + " must be set for "
                        + DeadLetterHandlers.class.getSimpleName());
            }
            return new Target(topic.toString(), new DeadLetters(Integer.parseInt(max.toString())));
        }

        ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, RejectReason reason, Exception e) {
            Headers headers = DlqHeaders.withError(context.headers(), context.topic(), context.partition(),
                    context.offset(), reason, e.getClass().getName(), String.valueOf(e.getMessage()));
            headers.remove(DlqHeaders.STACKTRACE);
            DeadLetters.Letter l = deadLetters.fit(context.sourceRawKey(), context.sourceRawValue(), headers);
            return new ProducerRecord<>(topic, null, context.timestamp() < 0 ? null : context.timestamp(), l.key(),
                    l.value(), l.headers());
        }
    }

    static String describe(Throwable e) {
        return e.getClass().getSimpleName() + ": " + DlqHeaders.bounded(String.valueOf(e.getMessage()));
    }
}
