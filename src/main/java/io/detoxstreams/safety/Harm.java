package io.detoxstreams.safety;

/**
 * A threat or self-harm found in a comment.
 *
 * @param kind   what was found
 * @param start  UTF-16 offset into the original comment of the passage read as harm, inclusive
 * @param end    exclusive
 * @param score  1 for a rule match; the classifier's threat score for a learned one
 * @param source {@code pattern:<lang>.tsv line N} or {@code model:<classifier version>}
 */
public record Harm(HarmKind kind, int start, int end, double score, String source) {

    public Harm {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad harm span [" + start + ", " + end + ")");
        }
    }
}
