package io.detoxstreams.text;

/**
 * A comment after {@link TextNormalizer}: the normalized string plus, for every normalized char, the range of the
 * original string it came from. {@code original.substring(start(i), end(i))} is where normalized char {@code i} came
 * from; ranges are UTF-16 indices, never split a surrogate pair, and are non-decreasing in {@code i}.
 */
public final class NormalizedText {

    private final String original;
    private final String text;
    private final int[] starts;
    private final int[] ends;

    NormalizedText(String original, String text, int[] starts, int[] ends) {
        this.original = original;
        this.text = text;
        this.starts = starts;
        this.ends = ends;
    }

    public String original() {
        return original;
    }

    /** The normalized text. */
    public String text() {
        return text;
    }

    public int length() {
        return text.length();
    }

    /** Start (inclusive) in the original of normalized char {@code i}. */
    public int start(int i) {
        return starts[i];
    }

    /** End (exclusive) in the original of normalized char {@code i}. */
    public int end(int i) {
        return ends[i];
    }

    /** The original range [from, to) of normalized chars {@code [from, to)}, as {@code {start, end}}. */
    public int[] originalRange(int from, int to) {
        if (from >= to) {
            throw new IllegalArgumentException("empty range " + from + ".." + to);
        }
        int s = Integer.MAX_VALUE;
        int e = 0;
        for (int i = from; i < to; i++) {
            s = Math.min(s, starts[i]);
            e = Math.max(e, ends[i]);
        }
        return new int[] {s, e};
    }

    @Override
    public String toString() {
        return text;
    }
}
