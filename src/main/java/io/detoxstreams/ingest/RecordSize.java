package io.detoxstreams.ingest;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * Upper bounds of a record's size as the producer counts it against {@code max.request.size} (uncompressed: key,
 * value, each header's key and value, and the per-record and per-batch overheads), without Kafka's internal classes.
 */
public final class RecordSize {

    /** Batch header (61 bytes) plus the largest varint-coded record header fields. */
    static final int RECORD_OVERHEAD = 61 + 21;
    /** Varint lengths of one header's key and value. */
    static final int HEADER_OVERHEAD = 10;

    private RecordSize() {
    }

    public static long of(byte[] key, byte[] value, Headers headers) {
        return RECORD_OVERHEAD + length(key) + length(value) + headers(headers);
    }

    public static long headers(Headers headers) {
        long n = 0;
        if (headers != null) {
            for (Header h : headers) {
                n += header(h);
            }
        }
        return n;
    }

    static long header(Header h) {
        return HEADER_OVERHEAD + h.key().getBytes(StandardCharsets.UTF_8).length + length(h.value());
    }

    static int length(byte[] b) {
        return b == null ? 0 : b.length;
    }
}
