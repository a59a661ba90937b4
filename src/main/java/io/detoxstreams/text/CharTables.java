package io.detoxstreams.text;

import java.util.function.IntPredicate;

/**
 * {@link Character#isLetter(char)} and {@link Character#isLetterOrDigit(char)} as bit tables over the 65,536 UTF-16
 * code units, built once from the JDK's own answers. The normalizer, featurizer and harm folding ask these questions
 * for every character of every comment; for a character outside Latin-1 the JDK answers through a call it cannot
 * inline (one {@code CharacterData} class per Unicode plane), which the moderator's profile showed at several per cent.
 * A table answers with one load, the same answer for every {@code char} ({@code CharTablesTest} checks all of them).
 *
 * <pre>{@code
 * if (CharTables.isLetter(c)) { ... }
 * }</pre>
 */
public final class CharTables {

    private static final long[] LETTERS = table(Character::isLetter);
    private static final long[] LETTERS_OR_DIGITS = table(Character::isLetterOrDigit);

    private CharTables() {
    }

    /** The same as {@link Character#isLetter(char)}. */
    public static boolean isLetter(char c) {
        return contains(LETTERS, c);
    }

    /** The same as {@link Character#isLetterOrDigit(char)}. */
    public static boolean isLetterOrDigit(char c) {
        return contains(LETTERS_OR_DIGITS, c);
    }

    /** A bit per UTF-16 code unit: bit {@code c} is set when {@code p} holds for {@code c}. */
    public static long[] table(IntPredicate p) {
        long[] t = new long[1 << 10];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (p.test(c)) {
                t[c >>> 6] |= 1L << c;
            }
        }
        return t;
    }

    /** Whether bit {@code c} of a {@link #table} is set. */
    public static boolean contains(long[] table, char c) {
        return (table[c >>> 6] & (1L << c)) != 0;
    }
}
