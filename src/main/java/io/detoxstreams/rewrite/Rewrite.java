package io.detoxstreams.rewrite;

import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.explain.SpanEdit;

import java.util.List;

/**
 * A backend's proposed neutral version of a comment, before verification.
 *
 * @param text     the proposed rewrite (may be empty when the backend gave up)
 * @param method   how it was produced, e.g. {@code span-substitution}, {@code seq2seq-beam4}
 * @param edits    what was done to each toxic span, in original offsets
 * @param declined null for a proposal; otherwise the backend's reason for not proposing one (e.g.
 *                 {@link HoldReason#MEANING_LOST} when only deleting what the comment is about would detoxify it),
 *                 which the detoxifier records before trying the next backend
 */
public record Rewrite(String text, String method, List<SpanEdit> edits, HoldReason declined) {

    public Rewrite {
        edits = List.copyOf(edits);
    }

    /** A proposal. */
    public Rewrite(String text, String method, List<SpanEdit> edits) {
        this(text, method, edits, null);
    }

    /** No proposal, for the given reason. */
    public static Rewrite declined(HoldReason reason, String method, List<SpanEdit> edits) {
        return new Rewrite("", method, edits, reason);
    }
}
