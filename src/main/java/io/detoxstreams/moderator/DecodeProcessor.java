package io.detoxstreams.moderator;

import io.detoxstreams.ingest.CommentDecoder;
import io.detoxstreams.ingest.Ingest;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Topology node {@code decode}: raw input record → {@link Ingest}; oversized or undecodable ones get DLQ headers. */
final class DecodeProcessor implements FixedKeyProcessor<byte[], byte[], Ingest> {

    private final CommentDecoder decoder;
    private FixedKeyProcessorContext<byte[], Ingest> context;

    DecodeProcessor(CommentDecoder decoder) {
        this.decoder = decoder;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Ingest> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], byte[]> record) {
        String topic = context.recordMetadata().map(m -> m.topic()).orElse("");
        Ingest result = decoder.decode(topic, record.key(), record.value(), record.headers());
        context.forward(Rejections.withHeaders(context, record.withValue(result)));
    }
}
