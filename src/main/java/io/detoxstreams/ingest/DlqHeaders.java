package io.detoxstreams.ingest;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Headers on records in {@code comments.dlq}. The {@code __streams.errors.*} names are those Kafka Streams itself
 * writes for its dead-letter queue (KIP-1034); so every DLQ record carries the same headers whichever path put it
 * there. The {@code detox.*} ones are ours: the reason, and — when the record had to be cut to fit
 * ({@link DeadLetters}) — what was cut, the original sizes and the SHA-256 of the original value and key.
 *
 * <p>Every value this class writes is bounded ({@link #MAX_VALUE_CHARS}): error messages can quote their input.
 */
public final class DlqHeaders {

    public static final String EXCEPTION = "__streams.errors.exception";
    public static final String MESSAGE = "__streams.errors.message";
    public static final String TOPIC = "__streams.errors.topic";
    public static final String PARTITION = "__streams.errors.partition";
    public static final String OFFSET = "__streams.errors.offset";
    /** Kafka Streams' own handlers write a full stack trace here; ours never do. */
    public static final String STACKTRACE = "__streams.errors.stacktrace";
    public static final String REASON = "detox.error.reason";
    /** Comma-separated parts of the original record left out or cut: {@code key}, {@code value}, {@code headers}. */
    public static final String TRUNCATED = "detox.truncated";
    public static final String ORIGINAL_KEY_BYTES = "detox.original.key.bytes";
    public static final String ORIGINAL_KEY_SHA256 = "detox.original.key.sha256";
    public static final String ORIGINAL_VALUE_BYTES = "detox.original.value.bytes";
    public static final String ORIGINAL_VALUE_SHA256 = "detox.original.value.sha256";
    public static final String ORIGINAL_HEADERS_BYTES = "detox.original.headers.bytes";

    /** Headers this project (or Kafka Streams) adds to a dead letter; everything else came with the original. */
    public static final Set<String> ERROR_HEADERS = Set.of(EXCEPTION, MESSAGE, TOPIC, PARTITION, OFFSET, STACKTRACE,
            REASON, TRUNCATED, ORIGINAL_KEY_BYTES, ORIGINAL_KEY_SHA256, ORIGINAL_VALUE_BYTES, ORIGINAL_VALUE_SHA256,
            ORIGINAL_HEADERS_BYTES);

    /** Longest header value written, in chars (so at most about 3 KB of UTF-8). */
    public static final int MAX_VALUE_CHARS = 500;

    private DlqHeaders() {
    }

    /** A copy of {@code original} (the producer's own headers are kept) with the error headers added. */
    public static Headers withError(Headers original, String topic, int partition, long offset,
                                    RejectReason reason, String errorClass, String message) {
        Headers h = new RecordHeaders(original == null ? new Header[0] : original.toArray());
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

    /** Replaces header {@code name} with {@code value}, cut to {@link #MAX_VALUE_CHARS}. */
    public static void put(Headers h, String name, String value) {
        h.remove(name);
        h.add(name, bounded(value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code s} cut to {@link #MAX_VALUE_CHARS} chars (never inside a surrogate pair), marked with "…" when cut. */
    public static String bounded(String s) {
        if (s.length() <= MAX_VALUE_CHARS) {
            return s;
        }
        int end = MAX_VALUE_CHARS - 1;
        if (Character.isHighSurrogate(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(0, end) + "…";
    }
}
