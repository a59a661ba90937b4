package io.detoxstreams.classify;

/** Thrown when a comment exceeds the configured maximum length; callers route such comments to the DLQ. */
public class TextTooLongException extends IllegalArgumentException {

    private final int length;
    private final int limit;

    public TextTooLongException(int length, int limit) {
        super("text is " + length + " chars, limit is " + limit);
        this.length = length;
        this.limit = limit;
    }

    public int length() {
        return length;
    }

    public int limit() {
        return limit;
    }
}
