package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DeadLetters;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RecordSize;
import io.detoxstreams.ingest.RejectReason;
import io.detoxstreams.metrics.OutcomeEvents;
import io.detoxstreams.serde.Codec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The records one rewriter transaction writes, each with the input it came from (to blame it when the broker refuses
 * it): a result and its outcome event per decided comment, or a bounded dead letter ({@link DeadLetters}) for an input
 * that could not be decoded, whose result would exceed {@code records.max.bytes}, or whose output the broker kept
 * refusing.
 */
final class BatchOutputs {

    /** One record to send and the input record it accounts for. */
    record Output(ProducerRecord<byte[], byte[]> record, ConsumerRecord<byte[], byte[]> source) {
    }

    private final TopicNames topics;
    private final Codec<ModerationResult> codec;
    private final DeadLetters deadLetters;
    private final List<Output> outputs = new ArrayList<>();
    private final List<ModerationResult> committedResults = new ArrayList<>();
    private int deadLettered;

    BatchOutputs(TopicNames topics, Codec<ModerationResult> codec, DeadLetters deadLetters) {
        this.topics = topics;
        this.codec = codec;
        this.deadLetters = deadLetters;
    }

    void result(ConsumerRecord<byte[], byte[]> in, ModerationResult result) {
        String topic = result.getAction() == ModerationAction.HOLD ? topics.review() : topics.detoxified();
        byte[] value = codec.encode(topic, result);
        if (RecordSize.of(in.key(), value, in.headers()) > deadLetters.maxRecordBytes()) {
            deadLetter(in, RejectReason.TOO_LARGE, "ResultTooLarge", "the " + result.getAction() + " result is "
                    + value.length + " bytes; with its key and headers that is more than records.max.bytes ("
                    + deadLetters.maxRecordBytes() + ")");
            return;
        }
        outputs.add(new Output(new ProducerRecord<>(topic, null, in.key(), value, in.headers()), in));
        outputs.add(new Output(OutcomeEvents.record(topics.outcomes(), result), in));
        committedResults.add(result);
    }

    void deadLetter(ConsumerRecord<byte[], byte[]> in, RejectReason reason, String errorClass, String message) {
        DeadLetters.Letter l = deadLetters.fit(in.key(), in.value(), DlqHeaders.withError(in.headers(), in.topic(),
                in.partition(), in.offset(), reason, errorClass, message));
        outputs.add(new Output(new ProducerRecord<>(topics.dlq(), null, l.key(), l.value(), l.headers()), in));
        deadLettered++;
    }

    List<Output> outputs() {
        return outputs;
    }

    /** The results this batch writes (not those sent to the DLQ instead). */
    List<ModerationResult> results() {
        return committedResults;
    }

    int deadLettered() {
        return deadLettered;
    }
}
