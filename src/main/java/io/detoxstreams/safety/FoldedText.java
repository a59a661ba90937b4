package io.detoxstreams.safety;

import io.detoxstreams.text.CharTables;

import java.text.Normalizer;

/**
 * A comment folded for pattern matching, with a map back to original UTF-16 offsets: lower case, accents and
 * diacritics removed from Latin, Greek and Cyrillic letters ({@code é → e}, {@code ё → е}, {@code ώ → ω}), Arabic
 * harakat and tatweel removed and alef/yeh/teh-marbuta forms unified, {@code ß → ss}, typographic apostrophes made
 * {@code '}, punctuation and symbols made spaces (Latin-script ones; the full stops and commas of Han and Devanagari
 * text too), and runs of spaces collapsed to one. Other scripts (Devanagari, Han, Hangul, …) keep every letter and
 * mark. Patterns are written in the same folded form ({@link #fold(String)}).
 *
 * @param text       the folded text
 * @param toOriginal for each char of {@code text}, its offset in the original; one extra entry for the end
 */
record FoldedText(String text, int[] toOriginal) {

    /*
     * Per UTF-16 code unit, built once: what becomes a space, which marks may be dropped, and what each char folds to
     * (foldChar decomposes accented letters through java.text.Normalizer, far too slow to do per char of every
     * comment).
     */
    private static final long[] SPACES = CharTables.table(c -> Character.isWhitespace(c) || isSeparator((char) c));
    private static final long[] NON_SPACING_MARKS = CharTables.table(c -> Character.getType(c) == Character.NON_SPACING_MARK);
    private static final char[] FOLDED = new char[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            FOLDED[c] = foldChar((char) c);
        }
    }

    static FoldedText of(String original) {
        StringBuilder sb = new StringBuilder(original.length());
        int[] map = new int[2 * original.length() + 1];
        boolean space = false;
        boolean markable = false;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (CharTables.contains(SPACES, c)) {
                if (!space && sb.length() > 0) {
                    map[sb.length()] = i;
                    sb.append(' ');
                }
                space = true;
                markable = false;
                continue;
            }
            space = false;
            if (markable && CharTables.contains(NON_SPACING_MARKS, c) || isArabicDiacritic(c)) {
                continue;
            }
            markable = isMarkable(c);
            if (c == 'ß') {
                map[sb.length()] = i;
                sb.append('s');
                map[sb.length()] = i;
                sb.append('s');
                continue;
            }
            map[sb.length()] = i;
            sb.append(FOLDED[c]);
        }
        map[sb.length()] = original.length();
        return new FoldedText(sb.toString(), java.util.Arrays.copyOf(map, sb.length() + 1));
    }

    /** The folded form of a pattern or word list (the same folding, offsets dropped). */
    static String fold(String s) {
        return of(s).text();
    }

    /**
     * A regular expression with its non-ASCII letters folded (ASCII is left alone: {@code \\W} or {@code \\p{L}}
     * must keep their case), so that patterns may be written with accents.
     */
    static String foldLetters(String regex) {
        StringBuilder sb = new StringBuilder(regex.length());
        boolean markable = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c < 0x80) {
                sb.append(c);
                markable = isMarkable(c);
            } else if (c == 'ß') {
                sb.append("ss");
            } else if (!(Character.getType(c) == Character.NON_SPACING_MARK && markable || isArabicDiacritic(c))) {
                sb.append(foldChar(c));
                markable = isMarkable(c);
            }
        }
        return sb.toString();
    }

    /** Original offsets of folded range [start, end). */
    int[] originalRange(int start, int end) {
        int from = toOriginal[start];
        int to = end > start ? toOriginal[end - 1] + 1 : from;
        return new int[] {from, to};
    }

    private static char foldChar(char c) {
        switch (c) {
            case '\u2019', '\u2018', '\u02BC', '`', '\u00B4' -> {
                return '\'';
            }
            case '\u0649' -> {
                return '\u064A'; // alef maksura → yeh
            }
            case '\u0629' -> {
                return '\u0647'; // teh marbuta → heh
            }
            default -> { }
        }
        char lower = Character.toLowerCase(c);
        if (lower < 0x80) {
            return lower;
        }
        if (isMarkable(lower) || lower >= 0x0622 && lower <= 0x0626) {
            String d = Normalizer.normalize(String.valueOf(lower), Normalizer.Form.NFD);
            char base = d.charAt(0);
            if (Character.isLetter(base)) {
                return base;
            }
        }
        return lower;
    }

    /** Punctuation and symbols other than the apostrophe, which is part of words ("i'll", "l'homme"). */
    private static boolean isSeparator(char c) {
        if (c == '\'' || c == '\u2019' || c == '\u02BC' || c == '*') {
            return false;
        }
        if (c < 0x80) {
            return !Character.isLetterOrDigit(c);
        }
        return switch (Character.getType(c)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                 Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.OTHER_SYMBOL,
                 Character.SURROGATE -> true;
            default -> false;
        };
    }

    /** Latin, Greek and Cyrillic letters: their combining accents are dropped. */
    private static boolean isMarkable(char c) {
        return c >= 'A' && c <= 'z' || c >= 0x00C0 && c <= 0x052F || c >= 0x1E00 && c <= 0x1FFF;
    }

    private static boolean isArabicDiacritic(char c) {
        return c >= 0x064B && c <= 0x065F || c == 0x0670 || c == 0x0640;
    }
}
