package io.detoxstreams.ingest;

import io.detoxstreams.avro.CommentEvent;

/**
 * A record on its way through decode → validate: either a decoded event or a rejected input that goes to the DLQ
 * unchanged ({@link Rejected#raw()} are the original value bytes).
 */
public sealed interface Ingest {

    /** A CommentEvent that decoded (and, after validation, is fit for moderation). */
    record Valid(CommentEvent event, byte[] raw) implements Ingest {
    }

    /** An input record that will not be moderated. */
    record Rejected(byte[] raw, RejectReason reason, String errorClass, String message) implements Ingest {
    }

    default boolean isRejected() {
        return this instanceof Rejected;
    }
}
