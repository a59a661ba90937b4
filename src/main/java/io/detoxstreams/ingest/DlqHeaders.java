package io.detoxstreams.ingest;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/**
 * Headers on records in {@code comments.dlq}. The {@code __streams.errors.*} names are those Kafka Streams itself
 * writes for its dead-letter queue (KIP-1034), which the moderator also uses for unexpected processing failures; so
 * every DLQ record carries the same headers whichever path put it there. {@link #REASON} is ours.
 */
public final class DlqHeaders {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    public static final String REASON = "detox.error.reason";

    private DlqHeaders() {
    }

    /** A copy of {@code original} (the producer's own headers are kept) with the error headers added. */
    public static Headers withError(Headers original, String topic, int partition, long offset,
                                    RejectReason reason, String errorClass, String message) {
        Headers h = new RecordHeaders(original == null ? new org.apache.kafka.common.header.Header[0] : original.toArray());
        put(h, TOPIC, topic);
        put(h, PARTITION, String.valueOf(partition));
        put(h, OFFSET, String.valueOf(offset));
        put(h, EXCEPTION, errorClass);
        put(h, MESSAGE, message == null ? "" : message);
        put(h, REASON, reason.code());
        return h;
    }

    /** The value of the last header with this name as UTF-8 text, or null. */
    public static String get(Headers headers, String name) {
        var h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static void put(Headers h, String name, String value) {
        h.remove(name);
        h.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
