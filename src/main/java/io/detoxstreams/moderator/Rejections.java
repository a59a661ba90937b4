package io.detoxstreams.moderator;

import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.Ingest;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/** Puts the DLQ error headers on a record that was just rejected; leaves valid records alone. */
final class Rejections {

    private Rejections() {
    }

    static FixedKeyRecord<byte[], Ingest> withHeaders(FixedKeyProcessorContext<?, ?> context,
                                                      FixedKeyRecord<byte[], Ingest> record) {
        if (!(record.value() instanceof Ingest.Rejected r)) {
            return record;
        }
        RecordMetadata m = context.recordMetadata().orElse(null);
        return record.withHeaders(DlqHeaders.withError(record.headers(), m == null ? "" : m.topic(),
                m == null ? -1 : m.partition(), m == null ? -1 : m.offset(), r.reason(), r.errorClass(), r.message()));
    }
}
