package io.detoxstreams.ingest;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Fits a dead letter into {@code records.max.bytes}, so that writing it can never fail the producer (DESIGN §8): the
 * original key, value and headers are kept whole when they fit; otherwise, in this order, the producer's own headers
 * are left out, then a key longer than a quarter of the budget is cut, then the value is cut to what is left. Each cut
 * is recorded in headers ({@link DlqHeaders#TRUNCATED}, the original sizes, SHA-256 of the original key and value),
 * and the error headers ({@code __streams.errors.topic/partition/offset}) say where the whole record still is.
 *
 * <pre>{@code
 * DeadLetters dlq = new DeadLetters(1_000_000);
 * DeadLetters.Letter l = dlq.fit(key, value, DlqHeaders.withError(headers, topic, p, offset, reason, cls, msg));
 * producer.send(new ProducerRecord<>("comments.dlq", null, l.key(), l.value(), l.headers()));
 * }</pre>
 */
public final class DeadLetters {

    /** Room kept free for the headers describing a cut and for rounding in the size estimate. */
    static final int SLACK = 1_024;
    /** A cut key keeps this many bytes. */
    static final int CUT_KEY_BYTES = 1_024;

    private final int maxRecordBytes;

    public DeadLetters(int maxRecordBytes) {
        if (maxRecordBytes < 16 * 1024) {
            throw new IllegalArgumentException("records.max.bytes must be at least 16384, got " + maxRecordBytes);
        }
        this.maxRecordBytes = maxRecordBytes;
    }

    /** A dead letter as it will be written. */
    public record Letter(byte[] key, byte[] value, Headers headers) {

        public boolean truncated() {
            return headers.lastHeader(DlqHeaders.TRUNCATED) != null;
        }
    }

    public int maxRecordBytes() {
        return maxRecordBytes;
    }

    /**
     * @param headers the original headers with the error headers added ({@link DlqHeaders#withError})
     */
    public Letter fit(byte[] key, byte[] value, Headers headers) {
        if (RecordSize.of(key, value, headers) <= maxRecordBytes) {
            return new Letter(key, value, headers);
        }
        List<String> cut = new ArrayList<>();
        Headers kept = new RecordHeaders();
        long originalHeaderBytes = 0;
        for (Header h : headers) {
            if (DlqHeaders.ERROR_HEADERS.contains(h.key())) {
                kept.add(h);
            } else {
                originalHeaderBytes += RecordSize.header(h);
            }
        }
        if (originalHeaderBytes > 0) {
            cut.add("headers");
            DlqHeaders.put(kept, DlqHeaders.ORIGINAL_HEADERS_BYTES, String.valueOf(originalHeaderBytes));
        }
        long budget = maxRecordBytes - SLACK - RecordSize.of(null, null, kept);
        byte[] k = key;
        if (key != null && key.length > budget / 4) {
            k = Arrays.copyOf(key, CUT_KEY_BYTES);
            cut.add("key");
            DlqHeaders.put(kept, DlqHeaders.ORIGINAL_KEY_BYTES, String.valueOf(key.length));
            DlqHeaders.put(kept, DlqHeaders.ORIGINAL_KEY_SHA256, sha256(key));
        }
        byte[] v = value;
        long room = budget - RecordSize.length(k);
        if (value != null && value.length > room) {
            v = Arrays.copyOf(value, (int) Math.max(0, room));
            cut.add("value");
            DlqHeaders.put(kept, DlqHeaders.ORIGINAL_VALUE_BYTES, String.valueOf(value.length));
            DlqHeaders.put(kept, DlqHeaders.ORIGINAL_VALUE_SHA256, sha256(value));
        }
        DlqHeaders.put(kept, DlqHeaders.TRUNCATED, String.join(",", cut));
        return new Letter(k, v, kept);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
