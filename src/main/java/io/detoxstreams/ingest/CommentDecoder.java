package io.detoxstreams.ingest;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.InvalidUtf8Exception;
import io.detoxstreams.serde.MissingFieldException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.header.Headers;

/**
 * Step 1 of ingestion: one input record → {@link Ingest.Valid} or {@link Ingest.Rejected}. A record larger than
 * {@code input.max.bytes} (key + value + headers) is rejected before any decoding; then the value must decode in the
 * configured format: bytes that are not that format are {@code undecodable}, a well-formed record with a string that
 * is not UTF-8 is {@code invalid_utf8}, a JSON record without its {@code text} is {@code missing_text}.
 */
public final class CommentDecoder {

    private final Codec<CommentEvent> codec;
    private final int maxInputBytes;

    public CommentDecoder(Codec<CommentEvent> codec, int maxInputBytes) {
        this.codec = codec;
        this.maxInputBytes = maxInputBytes;
    }

    /** Without a size limit on the record (tests, tools). */
    public CommentDecoder(Codec<CommentEvent> codec) {
        this(codec, Integer.MAX_VALUE);
    }

    public Ingest decode(String topic, byte[] key, byte[] raw, Headers headers) {
        long size = RecordSize.of(key, raw, headers) - RecordSize.RECORD_OVERHEAD;
        if (size > maxInputBytes) {
            return new Ingest.Rejected(raw, RejectReason.TOO_LARGE, "RecordTooLarge", "record is " + size
                    + " bytes (key " + RecordSize.length(key) + ", value " + RecordSize.length(raw) + ", headers "
                    + RecordSize.headers(headers) + "), limit is " + maxInputBytes + " (input.max.bytes)");
        }
        return decode(topic, raw);
    }

    public Ingest decode(String topic, byte[] raw) {
        if (raw == null) {
            return new Ingest.Rejected(null, RejectReason.NULL_VALUE, "NullValue", "record has no value");
        }
        try {
            return new Ingest.Valid(codec.decode(topic, raw), raw);
        } catch (InvalidUtf8Exception e) {
            return rejected(raw, RejectReason.INVALID_UTF8, e);
        } catch (MissingFieldException e) {
            return rejected(raw, "text".equals(e.field()) ? RejectReason.MISSING_TEXT : RejectReason.UNDECODABLE, e);
        } catch (SerializationException e) {
            // Avro wraps the strict UTF-8 failure when it happens deep inside a record.
            RejectReason reason = causedBy(e, InvalidUtf8Exception.class) ? RejectReason.INVALID_UTF8 : RejectReason.UNDECODABLE;
            return rejected(raw, reason, e);
        } catch (RuntimeException | StackOverflowError e) {
            return rejected(raw, RejectReason.UNDECODABLE, e);
        }
    }

    private static Ingest.Rejected rejected(byte[] raw, RejectReason reason, Throwable e) {
        return new Ingest.Rejected(raw, reason, e.getClass().getName(), DlqHeaders.bounded(String.valueOf(e.getMessage())));
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }
}
