package io.detoxstreams.text;

/**
 * Pass 2 of {@link TextNormalizer}: per whitespace token, URL placeholder, spaced and dotted letters, leet
 * ({@link LeetFolding}), masks ({@link MaskFolding}), homoglyphs ({@link HomoglyphFolding}) and repeated-character
 * squeeze. Reads a case-folded buffer with single spaces, writes {@code out}. Two scratch buffers alternate as each
 * step's input and output, so a token is copied only when a step changes it.
 */
final class TokenFolding {

    /** Vowels whose doubling is rare enough that a run of three or more means one (Latin, Cyrillic, Greek). */
    private static final String SQUEEZE_TO_ONE = "aeiouyаеиоуыэюяёαεηιουω";

    private final OffsetBuffer in;
    private final OffsetBuffer out;
    private final MaskDictionary masks;
    private final WordSegmenter segmenter;
    private final OffsetBuffer a;
    private final OffsetBuffer b;
    private int[] scriptOrder;
    private final boolean plainWordShortcut;

    /**
     * @param a the first scratch buffer (any capacity; its content is overwritten)
     * @param b the second
     */
    TokenFolding(OffsetBuffer in, OffsetBuffer out, MaskDictionary masks, WordSegmenter segmenter,
                 boolean plainWordShortcut, OffsetBuffer a, OffsetBuffer b) {
        this.plainWordShortcut = plainWordShortcut;
        this.in = in;
        this.out = out;
        this.masks = masks;
        this.segmenter = segmenter;
        this.a = a;
        this.b = b;
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
                    emitSpacedRun(i, runEnd);
                    i = separator(runEnd);
                    continue;
                }
            }
            if (plainWordShortcut && isPlainWord(i, end)) {
                for (int k = i; k < end; k++) {
                    out.copy(in, k); // what every step of processToken and emitToken would leave as it is
                }
            } else {
                a.length = 0;
                for (int k = i; k < end; k++) {
                    a.copy(in, k);
                }
                emitToken(processToken(a));
            }
            i = separator(end);
        }
    }

    /**
     * A run of single letters separated by spaces, {@code [from, to)} of the input: joined, then split into known
     * words when the segmenter can; the spaces kept between words are original spaces. Punctuation stuck to the
     * first or last letter ({@code "(f u c k."}) stays outside the word.
     */
    private void emitSpacedRun(int from, int to) {
        StringBuilder letters = new StringBuilder();
        int[] letterAt = new int[to - from];
        int firstLetter = -1;
        int lastLetter = -1;
        for (int k = from; k < to; k++) {
            if (isAlphabetLetter(in.chars[k])) {
                letterAt[letters.length()] = k;
                letters.append(in.chars[k]);
                if (firstLetter < 0) {
                    firstLetter = k;
                }
                lastLetter = k;
            }
        }
        for (int k = from; k < firstLetter; k++) {
            out.copy(in, k); // leading punctuation of the first token
        }
        int[] starts = segmenter.segment(letters.toString());
        if (starts == null) {
            starts = new int[] {0};
        }
        for (int w = 0; w < starts.length; w++) {
            int end = w + 1 < starts.length ? starts[w + 1] : letters.length();
            a.length = 0;
            for (int k = starts[w]; k < end; k++) {
                a.copy(in, letterAt[k]);
            }
            if (w > 0) {
                out.append(' ', in.ends[letterAt[starts[w] - 1]], in.starts[letterAt[starts[w]]]);
            }
            emitToken(a);
        }
        for (int k = lastLetter + 1; k < to; k++) {
            out.copy(in, k); // trailing punctuation of the last token
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

    /** A token with exactly one letter (of a spaced script) and otherwise only punctuation, e.g. {@code k.}. */
    private boolean isSingleLetter(int s, int e) {
        int letters = 0;
        for (int k = s; k < e; k++) {
            char c = in.chars[k];
            if (isAlphabetLetter(c)) {
                letters++;
            } else if (CharTables.isLetterOrDigit(c) || e - s > 3) {
                return false;
            }
        }
        return letters == 1;
    }

    /**
     * Most tokens: letters only, of at most one of Latin, Cyrillic and Greek, no character three times in a row. Such a
     * token is no URL, has no dots, leet or masks, no look-alikes to fold and nothing to squeeze, so it is copied as
     * it is ({@code TextNormalizerTest} holds the slow path to the same output).
     */
    private boolean isPlainWord(int s, int e) {
        int script = Homoglyphs.OTHER;
        for (int k = s; k < e; k++) {
            char c = in.chars[k];
            if (!CharTables.isLetter(c)) {
                return false;
            }
            int sc = Homoglyphs.scriptOf(c);
            if (sc != Homoglyphs.OTHER) {
                if (script != Homoglyphs.OTHER && sc != script) {
                    return false;
                }
                script = sc;
            }
            if (k >= s + 2 && c == in.chars[k - 1] && c == in.chars[k - 2]) {
                return false;
            }
        }
        return true;
    }

    /** Letters of scripts that separate words with spaces (so a single letter is unusual). */
    private static boolean isAlphabetLetter(char c) {
        return CharTables.isLetter(c) && Homoglyphs.scriptOf(c) != Homoglyphs.OTHER;
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
        t = LeetFolding.fold(t, other(t));
        t = MaskFolding.fold(t, other(t), masks);
        HomoglyphFolding.fold(t, textScriptsByFrequency());
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

    /** Latin, Cyrillic and Greek ordered by how many letters of each the whole text has. */
    private int[] textScriptsByFrequency() {
        if (scriptOrder == null) {
            int[] counts = new int[4];
            for (int i = 0; i < in.length; i++) {
                if (CharTables.isLetter(in.chars[i])) {
                    counts[Homoglyphs.scriptOf(in.chars[i])]++;
                }
            }
            Integer[] order = {Homoglyphs.LATIN, Homoglyphs.CYRILLIC, Homoglyphs.GREEK};
            java.util.Arrays.sort(order, (x, y) -> Integer.compare(counts[y], counts[x]));
            scriptOrder = new int[] {order[0], order[1], order[2]};
        }
        return scriptOrder;
    }

    /** Squeezes runs of 3+ identical code points: vowels to one, everything else but digits to two. */
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
                int keep = SQUEEZE_TO_ONE.indexOf(c) >= 0 ? 1 : 2;
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
