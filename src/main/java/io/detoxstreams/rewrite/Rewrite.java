package io.detoxstreams.rewrite;

import java.util.List;

/**
 * A backend's proposed neutral version of a comment, before verification.
 *
 * @param text        the proposed rewrite (may be empty when the backend gave up)
 * @param method      how it was produced, e.g. {@code span-substitution}, {@code seq2seq-beam4}
 * @param edits       what was done to each toxic span, in original offsets
 * @param rationale   the backend's own explanation of its rewrite (an LLM's), or null
 * @param failure     why the backend made no proposal (bad answer, timeout, circuit open), or null when it made one;
 *                    the chain then moves on to the next backend
 * @param unavailable the backend could not even try this comment (not reached, timed out, 5xx/429, circuit open):
 *                    the failure says nothing about the comment ({@link #unavailable(String, String)})
 */
public record Rewrite(String text, String method, List<SpanEdit> edits, String rationale, String failure,
                      boolean unavailable) {

    public Rewrite {
        edits = List.copyOf(edits);
    }

    public Rewrite(String text, String method, List<SpanEdit> edits, String rationale, String failure) {
        this(text, method, edits, rationale, failure, false);
    }

    public Rewrite(String text, String method, List<SpanEdit> edits) {
        this(text, method, edits, null, null, false);
    }

    /** No proposal: the backend failed on this comment (the reason is logged and shown in the explanation). */
    public static Rewrite failed(String method, String failure) {
        return new Rewrite("", method, List.of(), null, failure, false);
    }

    /**
     * No proposal because the backend is unavailable right now. When every backend of a comment's chain says so, the
     * detoxifier decides nothing and throws {@link BackendUnavailableException}: the worker pauses and retries.
     */
    public static Rewrite unavailable(String method, String failure) {
        return new Rewrite("", method, List.of(), null, failure, true);
    }

    /** Whether the backend proposed a text (possibly empty) rather than failing. */
    public boolean proposed() {
        return failure == null;
    }
}
