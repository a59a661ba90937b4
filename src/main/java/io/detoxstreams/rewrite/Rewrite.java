package io.detoxstreams.rewrite;

import io.detoxstreams.explain.SpanEdit;

import java.util.List;

/**
 * A backend's proposed neutral version of a comment, before verification.
 *
 * @param text   the proposed rewrite (may be empty when the backend gave up)
 * @param method how it was produced, e.g. {@code span-substitution}, {@code seq2seq-beam4}
 * @param edits  what was done to each toxic span, in original offsets
 */
public record Rewrite(String text, String method, List<SpanEdit> edits) {

    public Rewrite {
        edits = List.copyOf(edits);
    }
}
