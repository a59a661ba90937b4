package io.detoxstreams.ingest;

import java.util.Locale;

/** Why an input record went to the DLQ; written as the {@code detox.error.reason} header. */
public enum RejectReason {
    /** The bytes are not a CommentEvent in the configured input format. */
    UNDECODABLE,
    /** A string field is not valid UTF-8. */
    INVALID_UTF8,
    /** No text, or only whitespace. */
    MISSING_TEXT,
    /** The text is longer than {@code text.max.chars}. */
    TOO_LONG,
    /** The record had no value (a tombstone). */
    NULL_VALUE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
