package io.detoxstreams.text;

/** Leet spelling inside words, part of {@link TokenFolding}: {@code sh1t}, {@code 1d10t}, {@code $hit}, {@code a$$}. */
final class LeetFolding {

    private static final String LEET_FROM = "013457@$!|";
    private static final String LEET_TO = "oieastasil";

    private LeetFolding() {
    }

    /**
     * Leet inside words: a leet char between letters is folded ({@code sh1t}, {@code n00b}); at the start of a word
     * with at least three letters ({@code 1diot}, {@code $hit}); {@code $} at the end ({@code a$$}). Leading
     * {@code @} stays (mentions); tokens with more digits than letters stay ({@code 2020s}, {@code 10am}).
     */
    static OffsetBuffer fold(OffsetBuffer t, OffsetBuffer spare) {
        int letters = 0;
        int leet = 0;
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            if (CharTables.isLetter(c)) {
                letters++;
            } else if (LEET_FROM.indexOf(c) >= 0) {
                leet++;
            }
        }
        if (letters == 0 || leet == 0 || leet > 2 * letters + 1) {
            return t;
        }
        // Interior and trailing-$ leet first, then leading leet once the word's letters are known.
        OffsetBuffer r = pass(t, spare, false);
        return pass(r, r == t ? spare : t, true);
    }

    private static OffsetBuffer pass(OffsetBuffer t, OffsetBuffer spare, boolean leading) {
        int letters = 0;
        for (int i = 0; i < t.length; i++) {
            if (CharTables.isLetter(t.chars[i])) {
                letters++;
            }
        }
        OffsetBuffer r = null;
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            int k = LEET_FROM.indexOf(c);
            if (k >= 0 && shouldFold(t, i, c, letters, leading)) {
                if (r == null) {
                    r = spare;
                    r.length = 0;
                    for (int j = 0; j < i; j++) {
                        r.copy(t, j);
                    }
                }
                r.append(LEET_TO.charAt(k), t.starts[i], t.ends[i]);
            } else if (r != null) {
                r.copy(t, i);
            }
        }
        return r == null ? t : r;
    }

    private static boolean shouldFold(OffsetBuffer t, int i, char c, int letters, boolean leading) {
        boolean letterBefore = false;
        for (int j = i - 1; j >= 0; j--) {
            char p = t.chars[j];
            if (CharTables.isLetter(p)) {
                letterBefore = true;
                break;
            }
            if (LEET_FROM.indexOf(p) < 0) {
                break;
            }
        }
        boolean letterAfter = false;
        for (int j = i + 1; j < t.length; j++) {
            char p = t.chars[j];
            if (CharTables.isLetter(p)) {
                letterAfter = true;
                break;
            }
            if (LEET_FROM.indexOf(p) < 0) {
                break;
            }
        }
        if (!leading) {
            return letterBefore && (letterAfter || c == '$' || isShortTrailingLeet(t, i, letters));
        }
        return letterAfter && !letterBefore && c != '@' && c != '!' && c != '|' && letters >= 3
                && noDigitAfterLetters(t, i);
    }

    /**
     * A run of at most two leet chars ending the token after at least two letters ({@code pu74}, {@code b1tc4}),
     * unless the run has a digit that is not leet ({@code covid19}).
     */
    private static boolean isShortTrailingLeet(OffsetBuffer t, int i, int letters) {
        if (letters < 2) {
            return false;
        }
        int start = i;
        while (start > 0 && LEET_FROM.indexOf(t.chars[start - 1]) >= 0) {
            start--;
        }
        int end = i;
        while (end < t.length && LEET_FROM.indexOf(t.chars[end]) >= 0) {
            end++;
        }
        if (end != t.length && CharTables.isLetterOrDigit(t.chars[end])) {
            return false;
        }
        for (int k = end; k < t.length; k++) {
            if (CharTables.isLetterOrDigit(t.chars[k])) {
                return false;
            }
        }
        if (end - start > 2 || start == 0 || !CharTables.isLetter(t.chars[start - 1])) {
            return false;
        }
        for (int k = start; k < end; k++) {
            if (t.chars[k] == '!' || t.chars[k] == '@' || t.chars[k] == '|') {
                return false; // "wow!", "me@", "a|" are punctuation, not leet
            }
        }
        return true;
    }

    /** True when no digit follows the word's letters ({@code covid19}, {@code mp3} are not leet). */
    private static boolean noDigitAfterLetters(OffsetBuffer t, int from) {
        boolean seenLetter = false;
        for (int j = from; j < t.length; j++) {
            char p = t.chars[j];
            if (CharTables.isLetter(p)) {
                seenLetter = true;
            } else if (seenLetter && Character.isDigit(p) && (j + 1 == t.length || !CharTables.isLetter(t.chars[j + 1]))) {
                return false;
            }
        }
        return true;
    }
}
