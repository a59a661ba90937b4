package io.detoxstreams.ingest;

import io.detoxstreams.avro.CommentEvent;

/** Step 2 of ingestion: a decoded event must have a non-blank text no longer than {@code text.max.chars}. */
public final class CommentValidator {

    private final int maxChars;

    public CommentValidator(int maxChars) {
        this.maxChars = maxChars;
    }

    public Ingest validate(Ingest in) {
        if (!(in instanceof Ingest.Valid valid)) {
            return in;
        }
        CommentEvent e = valid.event();
        byte[] raw = valid.raw();
        String text = e.getText();
        if (text == null || text.isBlank()) {
            return new Ingest.Rejected(raw, RejectReason.MISSING_TEXT, "MissingText", "comment " + e.getId() + " has no text");
        }
        if (text.length() > maxChars) {
            return new Ingest.Rejected(raw, RejectReason.TOO_LONG, "TextTooLong",
                    "text is " + text.length() + " chars, limit is " + maxChars + " (text.max.chars)");
        }
        return in;
    }
}
