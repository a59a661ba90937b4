package io.detoxstreams.ingest;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.InvalidUtf8Exception;
import org.apache.kafka.common.errors.SerializationException;

/** Step 1 of ingestion: bytes in the configured input format → {@link Ingest.Valid} or {@link Ingest.Rejected}. */
public final class CommentDecoder {

    private final Codec<CommentEvent> codec;

    public CommentDecoder(Codec<CommentEvent> codec) {
        this.codec = codec;
    }

    public Ingest decode(String topic, byte[] raw) {
        if (raw == null) {
            return new Ingest.Rejected(null, RejectReason.NULL_VALUE, "NullValue", "record has no value");
        }
        try {
            return new Ingest.Valid(codec.decode(topic, raw), raw);
        } catch (InvalidUtf8Exception e) {
            return rejected(raw, RejectReason.INVALID_UTF8, e);
        } catch (SerializationException e) {
            // Avro wraps the strict UTF-8 failure when it happens deep inside a record.
            RejectReason reason = causedBy(e, InvalidUtf8Exception.class) ? RejectReason.INVALID_UTF8 : RejectReason.UNDECODABLE;
            return rejected(raw, reason, e);
        } catch (RuntimeException e) {
            return rejected(raw, RejectReason.UNDECODABLE, e);
        }
    }

    private static Ingest.Rejected rejected(byte[] raw, RejectReason reason, Exception e) {
        return new Ingest.Rejected(raw, reason, e.getClass().getName(), String.valueOf(e.getMessage()));
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
