package io.detoxstreams.explain;

/**
 * One toxic span of the original comment and what the rewriter did with it.
 *
 * @param start       UTF-16 offset into the original text (inclusive)
 * @param end         UTF-16 offset into the original text (exclusive)
 * @param category    the span's toxicity category ({@code insult}, {@code profanity}, …)
 * @param score       the span's toxicity contribution in [0, 1]
 * @param action      deleted, replaced, kept or rephrased
 * @param replacement the text put in its place ({@code ""} when deleted, the original when kept)
 */
public record SpanEdit(int start, int end, String category, double score, EditAction action, String replacement) {
}
