package io.detoxstreams.ingest;

import java.util.Arrays;
import java.util.Locale;

/** Why a record went to the DLQ; written as the {@code detox.error.reason} header. */
public enum RejectReason {
    /** The bytes are not a CommentEvent in the configured input format. */
    UNDECODABLE,
    /** A string field is not valid UTF-8 (the bytes are otherwise in the configured format). */
    INVALID_UTF8,
    /** No text field, a null one, or only whitespace. */
    MISSING_TEXT,
    /** The text is longer than {@code text.max.chars}. */
    TOO_LONG,
    /**
     * The record is larger than the pipeline handles: key + value + headers over {@code input.max.bytes}, or a result
     * that would exceed {@code records.max.bytes}, or one the broker refused as too large.
     */
    TOO_LARGE,
    /** The record had no value (a tombstone). */
    NULL_VALUE,
    /** An unexpected exception while moderating the record (Kafka Streams' processing-exception handler). */
    PROCESSING_ERROR,
    /** The broker refused to store the record's result for a reason of the record itself (e.g. invalid record). */
    UNWRITABLE;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason with this code, or null for anything else (e.g. a header written by a foreign producer). */
    public static RejectReason fromCode(String code) {
        return code == null ? null : Arrays.stream(values()).filter(r -> r.code().equals(code)).findFirst().orElse(null);
    }
}
