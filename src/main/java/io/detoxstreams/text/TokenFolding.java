package io.detoxstreams.text;

/**
 * Pass 2 of {@link TextNormalizer}: per whitespace token, URL placeholder, spaced and dotted letters, leet, masks,
 * homoglyphs and repeated-character squeeze. Reads a case-folded buffer with single spaces, writes {@code out}.
 */
final class TokenFolding {

    private static final String LEET_FROM = "013457@$!|";
    private static final String LEET_TO = "oieastasil";
    private static final String MASK_CHARS = "*#%_";

    private final OffsetBuffer in;
    private final OffsetBuffer out;
    private final MaskDictionary masks;
    private final OffsetBuffer a;
    private final OffsetBuffer b;
    private int[] scriptOrder;

    TokenFolding(OffsetBuffer in, OffsetBuffer out, MaskDictionary masks) {
        this.in = in;
        this.out = out;
        this.masks = masks;
        this.a = new OffsetBuffer(32);
        this.b = new OffsetBuffer(32);
    }

    void run() {
        int n = in.length;
        int i = 0;
        while (i < n) {
            int end = tokenEnd(i);
            if (isSingleLetter(i, end)) {
                // A run of >= 3 single-letter tokens is one spaced-out word: "f u c k".
                int runEnd = end;
                int count = 1;
                while (runEnd + 1 < n && isSingleLetter(runEnd + 1, tokenEnd(runEnd + 1))) {
                    runEnd = tokenEnd(runEnd + 1);
                    count++;
                }
                if (count >= 3) {
                    a.length = 0;
                    for (int k = i; k < runEnd; k++) {
                        if (in.chars[k] != ' ') {
                            a.copy(in, k);
                        }
                    }
                    emitToken(a);
                    i = runEnd;
                    i = separator(i);
                    continue;
                }
            }
            a.length = 0;
            for (int k = i; k < end; k++) {
                a.copy(in, k);
            }
            emitToken(processToken(a));
            i = separator(end);
        }
    }

    /** Copies the space at {@code i} (if any) to the output and returns the next token start. */
    private int separator(int i) {
        if (i < in.length && in.chars[i] == ' ') {
            out.copy(in, i);
            return i + 1;
        }
        return i;
    }

    private int tokenEnd(int i) {
        int e = i;
        while (e < in.length && in.chars[e] != ' ') {
            e++;
        }
        return e;
    }

    private boolean isSingleLetter(int s, int e) {
        return e - s == 1 && isAlphabetLetter(in.chars[s]);
    }

    /** Letters of scripts that separate words with spaces (so a single letter is unusual). */
    private static boolean isAlphabetLetter(char c) {
        return Character.isLetter(c) && Homoglyphs.scriptOf(c) != Homoglyphs.OTHER;
    }

    private OffsetBuffer processToken(OffsetBuffer tok) {
        if (isUrl(tok)) {
            b.length = 0;
            for (char c : "url".toCharArray()) {
                b.appendSpanning(c, tok, 0, tok.length);
            }
            return b;
        }
        OffsetBuffer t = joinDottedLetters(tok);
        t = foldLeet(t);
        t = resolveMasks(t);
        foldHomoglyphs(t);
        return t;
    }

    private static boolean isUrl(OffsetBuffer t) {
        return startsWith(t, "http://") || startsWith(t, "https://") || startsWith(t, "www.");
    }

    private static boolean startsWith(OffsetBuffer t, String p) {
        if (t.length < p.length()) {
            return false;
        }
        for (int i = 0; i < p.length(); i++) {
            if (t.chars[i] != p.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** {@code f.u.c.k} / {@code f-u-c-k} → {@code fuck}: single letters alternating with one separator. */
    private OffsetBuffer joinDottedLetters(OffsetBuffer t) {
        int len = t.length;
        while (len > 0 && (t.chars[len - 1] == '.' || t.chars[len - 1] == '!')) {
            len--;
        }
        if (len < 5 || len % 2 == 0) {
            return t;
        }
        char sep = t.chars[1];
        if (".-_*".indexOf(sep) < 0) {
            return t;
        }
        for (int i = 0; i < len; i++) {
            if (i % 2 == 0 ? !isAlphabetLetter(t.chars[i]) : t.chars[i] != sep) {
                return t;
            }
        }
        OffsetBuffer r = other(t);
        r.length = 0;
        for (int i = 0; i < len; i += 2) {
            r.copy(t, i);
        }
        for (int i = len; i < t.length; i++) {
            r.copy(t, i);
        }
        return r;
    }

    private OffsetBuffer other(OffsetBuffer t) {
        return t == a ? b : a;
    }

    /**
     * Leet inside words: a leet char between letters is folded ({@code sh1t}, {@code n00b}); at the start of a word
     * with at least three letters ({@code 1diot}, {@code $hit}); {@code $} at the end ({@code a$$}). Leading
     * {@code @} stays (mentions); tokens with more digits than letters stay ({@code 2020s}, {@code 10am}).
     */
    private OffsetBuffer foldLeet(OffsetBuffer t) {
        int letters = 0;
        int leet = 0;
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            if (Character.isLetter(c)) {
                letters++;
            } else if (LEET_FROM.indexOf(c) >= 0) {
                leet++;
            }
        }
        if (letters == 0 || leet == 0 || leet > 2 * letters + 1) {
            return t;
        }
        // Interior and trailing-$ leet first, then leading leet once the word's letters are known.
        OffsetBuffer r = foldLeetPass(t, false);
        return foldLeetPass(r, true);
    }

    private OffsetBuffer foldLeetPass(OffsetBuffer t, boolean leading) {
        int letters = 0;
        for (int i = 0; i < t.length; i++) {
            if (Character.isLetter(t.chars[i])) {
                letters++;
            }
        }
        OffsetBuffer r = null;
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            int k = LEET_FROM.indexOf(c);
            if (k >= 0 && shouldFoldLeet(t, i, c, letters, leading)) {
                if (r == null) {
                    r = other(t);
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

    private static boolean shouldFoldLeet(OffsetBuffer t, int i, char c, int letters, boolean leading) {
        boolean letterBefore = false;
        for (int j = i - 1; j >= 0; j--) {
            char p = t.chars[j];
            if (Character.isLetter(p)) {
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
            if (Character.isLetter(p)) {
                letterAfter = true;
                break;
            }
            if (LEET_FROM.indexOf(p) < 0) {
                break;
            }
        }
        if (!leading) {
            return letterBefore && (letterAfter || c == '$');
        }
        return letterAfter && !letterBefore && c != '@' && c != '!' && c != '|' && letters >= 3
                && noDigitAfterLetters(t, i);
    }

    /** True when no digit follows the word's letters ({@code covid19}, {@code mp3} are not leet). */
    private static boolean noDigitAfterLetters(OffsetBuffer t, int from) {
        boolean seenLetter = false;
        for (int j = from; j < t.length; j++) {
            char p = t.chars[j];
            if (Character.isLetter(p)) {
                seenLetter = true;
            } else if (seenLetter && Character.isDigit(p) && (j + 1 == t.length || !Character.isLetter(t.chars[j + 1]))) {
                return false;
            }
        }
        return true;
    }

    /** {@code f*ck}, {@code b**ch}, {@code f#ck}: letters around mask characters, resolved by the dictionary. */
    private OffsetBuffer resolveMasks(OffsetBuffer t) {
        int first = -1;
        int last = -1;
        boolean masked = false;
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            if (Character.isLetter(c)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return t;
        }
        int end = last + 1;
        // Allow trailing mask chars after the letters ("sh**"), but not before them.
        while (end < t.length && MASK_CHARS.indexOf(t.chars[end]) >= 0) {
            end++;
        }
        for (int i = first; i < end; i++) {
            char c = t.chars[i];
            if (MASK_CHARS.indexOf(c) >= 0) {
                masked = true;
            } else if (!Character.isLetter(c)) {
                return t;
            }
        }
        if (!masked) {
            return t;
        }
        String pattern = new String(t.chars, first, end - first);
        String word = masks.resolve(pattern);
        if (word == null) {
            return t;
        }
        OffsetBuffer r = other(t);
        r.length = 0;
        for (int i = 0; i < first; i++) {
            r.copy(t, i);
        }
        int inLen = end - first;
        for (int k = 0; k < word.length(); k++) {
            int src = first + Math.min(inLen - 1, (int) ((long) k * inLen / word.length()));
            r.append(word.charAt(k), t.starts[src], t.ends[src]);
        }
        for (int i = end; i < t.length; i++) {
            r.copy(t, i);
        }
        return r;
    }

    /**
     * Folds a mixed-script word into the one script all its letters can be written in ("іdіоt" → Latin, "xyй" →
     * Cyrillic); when several fit, the script that dominates the whole text wins.
     */
    private void foldHomoglyphs(OffsetBuffer t) {
        int[] counts = new int[4];
        for (int i = 0; i < t.length; i++) {
            if (Character.isLetter(t.chars[i])) {
                counts[Homoglyphs.scriptOf(t.chars[i])]++;
            }
        }
        int scripts = (counts[0] > 0 ? 1 : 0) + (counts[1] > 0 ? 1 : 0) + (counts[2] > 0 ? 1 : 0);
        if (scripts < 2) {
            return;
        }
        int target = -1;
        for (int script : textScriptsByFrequency()) {
            if (counts[script] > 0 && foldsCompletely(t, script)) {
                target = script;
                break;
            }
        }
        if (target < 0) {
            return;
        }
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            int s = Homoglyphs.scriptOf(c);
            if (s != target && s != Homoglyphs.OTHER) {
                t.chars[i] = Homoglyphs.fold(c, target);
            }
        }
    }

    private static boolean foldsCompletely(OffsetBuffer t, int script) {
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            int s = Homoglyphs.scriptOf(c);
            if (s != script && s != Homoglyphs.OTHER && Homoglyphs.fold(c, script) == c) {
                return false;
            }
        }
        return true;
    }

    /** Latin, Cyrillic and Greek ordered by how many letters of each the whole text has. */
    private int[] textScriptsByFrequency() {
        if (scriptOrder == null) {
            int[] counts = new int[4];
            for (int i = 0; i < in.length; i++) {
                if (Character.isLetter(in.chars[i])) {
                    counts[Homoglyphs.scriptOf(in.chars[i])]++;
                }
            }
            Integer[] order = {Homoglyphs.LATIN, Homoglyphs.CYRILLIC, Homoglyphs.GREEK};
            java.util.Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
            scriptOrder = new int[] {order[0], order[1], order[2]};
        }
        return scriptOrder;
    }

    /** Squeezes runs of 3+ identical code points: Latin vowels to one, everything else but digits to two. */
    private void emitToken(OffsetBuffer t) {
        int i = 0;
        while (i < t.length) {
            int w = Character.isHighSurrogate(t.chars[i]) && i + 1 < t.length
                    && Character.isLowSurrogate(t.chars[i + 1]) ? 2 : 1;
            int j = i + w;
            while (j + w <= t.length && sameUnit(t, i, j, w)) {
                j += w;
            }
            int run = (j - i) / w;
            char c = t.chars[i];
            if (run >= 3 && !Character.isDigit(c)) {
                int keep = "aeiouy".indexOf(c) >= 0 ? 1 : 2;
                // The kept units cover the whole run, so spans over them still cover the original run.
                for (int u = 0; u < keep; u++) {
                    int from = i + u * w;
                    int to = u == keep - 1 ? j : from + w;
                    for (int k = 0; k < w; k++) {
                        out.appendSpanning(t.chars[from + k], t, from, to);
                    }
                }
            } else {
                for (int k = i; k < j; k++) {
                    out.copy(t, k);
                }
            }
            i = j;
        }
    }

    private static boolean sameUnit(OffsetBuffer t, int a, int b, int w) {
        for (int k = 0; k < w; k++) {
            if (t.chars[a + k] != t.chars[b + k]) {
                return false;
            }
        }
        return true;
    }
}
