package io.detoxstreams.moderator;

import io.detoxstreams.ingest.CommentValidator;
import io.detoxstreams.ingest.Ingest;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Topology node {@code validate}: rejects events without text or over the size limit, with DLQ headers. */
final class ValidateProcessor implements FixedKeyProcessor<byte[], Ingest, Ingest> {

    private final CommentValidator validator;
    private FixedKeyProcessorContext<byte[], Ingest> context;

    ValidateProcessor(CommentValidator validator) {
        this.validator = validator;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], Ingest> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Ingest> record) {
        if (record.value().isRejected()) {
            context.forward(record);   // headers were added where it was rejected
            return;
        }
        context.forward(Rejections.withHeaders(context, record.withValue(validator.validate(record.value()))));
    }
}
