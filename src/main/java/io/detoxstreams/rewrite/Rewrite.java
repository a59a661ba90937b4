package io.detoxstreams.rewrite;

import java.util.List;

/**
 * A backend's proposed neutral version of a comment, before verification.
 *
 * @param text      the proposed rewrite (may be empty when the backend gave up)
 * @param method    how it was produced, e.g. {@code span-substitution}, {@code seq2seq-beam4}
 * @param edits     what was done to each toxic span, in original offsets
 * @param rationale the backend's own explanation of its rewrite (an LLM's), or null
 * @param failure   why the backend made no proposal (bad answer, timeout, circuit open), or null when it made one;
 *                  the chain then moves on to the next backend
 */
public record Rewrite(String text, String method, List<SpanEdit> edits, String rationale, String failure) {

    public Rewrite {
        edits = List.copyOf(edits);
    }

    public Rewrite(String text, String method, List<SpanEdit> edits) {
        this(text, method, edits, null, null);
    }

    /** No proposal: the backend failed on this comment (the reason is logged and shown in the explanation). */
    public static Rewrite failed(String method, String failure) {
        return new Rewrite("", method, List.of(), null, failure);
    }

    /** Whether the backend proposed a text (possibly empty) rather than failing. */
    public boolean proposed() {
        return failure == null;
    }
}
