package io.detoxstreams.moderator;

import io.detoxstreams.ingest.DeadLetters;
import io.detoxstreams.ingest.Ingest;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * Topology node {@code dlq-raw}: a rejected input becomes its dead letter — the original key, value bytes and headers
 * with the error headers set by decode/validate, cut by {@link DeadLetters} to fit {@code records.max.bytes}.
 */
final class DeadLetterProcessor implements Processor<byte[], Ingest, byte[], byte[]> {

    private final DeadLetters deadLetters;
    private ProcessorContext<byte[], byte[]> context;

    DeadLetterProcessor(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @Override
    public void init(ProcessorContext<byte[], byte[]> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], Ingest> record) {
        DeadLetters.Letter l = deadLetters.fit(record.key(), ((Ingest.Rejected) record.value()).raw(), record.headers());
        context.forward(new Record<>(l.key(), l.value(), record.timestamp(), l.headers()));
    }
}
