package io.detoxstreams.text;

import java.util.Objects;

/**
 * One token of a comment: a half-open range of UTF-16 code-unit offsets into the original string, never splitting a
 * surrogate pair, never containing whitespace.
 *
 * <p>A value like a record (equal by range and kind), except that it remembers the string it was cut from and its text
 * in it: the rewriter, the fluency model, the verifier and the hold policy each ask for the words of the same
 * tokenization ({@link Tokenizer#tokenize} remembers recent ones), and they get one {@link String} per token, with its
 * hash computed once, instead of a fresh copy per question.
 */
public final class Token {

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

    private final int start;
    private final int end;
    private final Kind kind;
    /** The string the token was cut from, and its text there once asked for. */
    private final String source;
    private String text;

    /**
     * @param start  first UTF-16 index (inclusive)
     * @param end    last UTF-16 index (exclusive)
     * @param kind   what the token is made of
     * @param source the string the token was cut from ({@link Tokenizer} makes every token)
     */
    Token(int start, int end, Kind kind, String source) {
        this.start = start;
        this.end = end;
        this.kind = Objects.requireNonNull(kind, "kind");
        this.source = source;
    }

    public int start() {
        return start;
    }

    public int end() {
        return end;
    }

    public Kind kind() {
        return kind;
    }

    /** The token's text in {@code source}: the same instance every time for the string it was cut from. */
    public String text(String source) {
        if (source != this.source) {
            return source.substring(start, end);
        }
        String t = text;
        if (t == null) {
            t = source.substring(start, end);
            text = t; // a benign race: every thread computes the same immutable string
        }
        return t;
    }

    public boolean overlaps(int from, int to) {
        return start < to && from < end;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Token t && t.start == start && t.end == end && t.kind == kind;
    }

    @Override
    public int hashCode() {
        return (31 * start + end) * 31 + kind.hashCode();
    }

    @Override
    public String toString() {
        return "Token[start=" + start + ", end=" + end + ", kind=" + kind + "]";
    }
}
