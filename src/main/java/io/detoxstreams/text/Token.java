package io.detoxstreams.text;

/**
 * One token of a comment: a half-open range of UTF-16 code-unit offsets into the original string, never splitting a
 * surrogate pair, never containing whitespace.
 *
 * @param start first UTF-16 index (inclusive)
 * @param end   last UTF-16 index (exclusive)
 * @param kind  what the token is made of
 */
public record Token(int start, int end, Kind kind) {

    /** Token kinds; only {@link #WORD} and {@link #HAN} tokens can be toxic or replaced. */
    public enum Kind {
        /** A run of letters, digits and marks (with inner apostrophes or hyphens). */
        WORD,
        /** A Chinese word (one or more ideographs, see {@link HanSegmenter}) or one kana: scripts without spaces. */
        HAN,
        /** One punctuation character. */
        PUNCT,
        /** Anything else: an emoji (with its modifiers and joiners), a symbol. */
        SYMBOL;

        public boolean isWordLike() {
            return this == WORD || this == HAN;
        }
    }

    public String text(String source) {
        return source.substring(start, end);
    }

    public boolean overlaps(int from, int to) {
        return start < to && from < end;
    }
}
