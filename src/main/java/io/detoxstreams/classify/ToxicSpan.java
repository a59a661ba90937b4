package io.detoxstreams.classify;

/**
 * A stretch of the <em>original</em> comment that drives its toxicity score.
 *
 * <p>Offsets are UTF-16 code-unit indices into the original Java string, half-open: {@code text.substring(start,
 * end)} is the span. They never split a surrogate pair.
 *
 * @param category the category that contributes most ({@link Category#wireName()}) or {@code "toxicity"}
 * @param score    the span's own contribution, squashed into [0, 1]
 * @param source   what produced the span, e.g. {@code "embedded"}
 */
public record ToxicSpan(int start, int end, String category, double score, String source) {

    public ToxicSpan {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }
}
