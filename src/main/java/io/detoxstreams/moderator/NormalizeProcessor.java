package io.detoxstreams.moderator;

import io.detoxstreams.ingest.Comment;
import io.detoxstreams.ingest.CommentNormalizer;
import io.detoxstreams.ingest.Ingest;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Topology node {@code normalize}: a valid event → {@link Comment} (ids, timestamps, language hint). */
final class NormalizeProcessor implements FixedKeyProcessor<byte[], Ingest, Comment> {

    private final CommentNormalizer normalizer = new CommentNormalizer();
    private FixedKeyProcessorContext<byte[], Comment> context;

    @Override
    public void init(FixedKeyProcessorContext<byte[], Comment> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Ingest> record) {
        Ingest.Valid valid = (Ingest.Valid) record.value();
        RecordMetadata m = context.recordMetadata().orElse(null);
        Comment c = normalizer.normalize(valid.event(), record.key(), m == null ? "" : m.topic(),
                m == null ? -1 : m.partition(), m == null ? -1 : m.offset(), record.timestamp());
        context.forward(record.withValue(c));
    }
}
