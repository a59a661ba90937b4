package io.detoxstreams.classify.embedded;

import io.detoxstreams.text.CharTables;

/**
 * Turns normalized text into hashed features: word unigrams, word bigrams and character n-grams (2–5 inside words
 * with boundary markers for spaced scripts; 1–3 for Han, Kana, Thai and Hangul, which carry meaning per character),
 * plus one feature per emoji/symbol. @mentions and links (and the {@code url} placeholder) give no features. Each feature occurrence keeps the normalized-char range it covers, which is
 * what maps linear attributions back to spans.
 *
 * <p>Stateless and thread-safe; the caller owns the {@link FeatureBuffer}.
 */
public final class Featurizer {

    static final int NS_WORD = 0x1000193;
    static final int NS_BIGRAM = 0x2000193;
    static final int NS_CHAR = 0x3000193;
    static final int NS_SYMBOL = 0x4000193;
    static final int NS_LEXICON = 0x5000193;
    /** The one feature every lexicon hit adds (its weight is learned like any other). */
    static final int LEXICON_FEATURE = fmix(NS_LEXICON);

    private final int maxCharN;
    private final LexiconMatcher lexicon;

    public Featurizer(int maxCharN) {
        this(maxCharN, LexiconMatcher.EMPTY);
    }

    Featurizer(int maxCharN, LexiconMatcher lexicon) {
        if (maxCharN < 2 || maxCharN > 8) {
            throw new IllegalArgumentException("maxCharN must be in 2..8");
        }
        this.maxCharN = maxCharN;
        this.lexicon = lexicon;
    }

    public int maxCharN() {
        return maxCharN;
    }

    void extract(CharSequence text, FeatureBuffer out) {
        extract(text, 0, out);
    }

    /** @param languageSeed {@link LinearModel#languageSeed} of the text's language (lexicon terms), 0 when unknown */
    void extract(CharSequence text, int languageSeed, FeatureBuffer out) {
        extract(text, languageSeed, out, null);
    }

    /**
     * Remembered sums of the features a word yields on its own (its unigram and character n-grams: they depend on
     * the word's chars alone), so that scoring the toxicity head alone need not hash and look them up again. Bigrams,
     * lexicon hits and Han/Kana/Thai runs are always listed.
     */
    interface WordSums {
        /** When {@code text[start, end)} is remembered: {@link FeatureBuffer#recall} its sum into {@code out}. */
        boolean recall(CharSequence text, int start, int end, int wordHash, FeatureBuffer out);

        /**
         * The features {@code out[from, out.size)} are all {@code text[start, end)} yields alone (its unigram
         * {@code wordHash} first): remember their sum and move them from the list into {@link FeatureBuffer#recall}.
         */
        void remember(CharSequence text, int start, int end, int wordHash, FeatureBuffer out, int from);
    }

    /**
     * With {@code sums}, a remembered word's own features are recalled into {@link FeatureBuffer#recall} instead of
     * listed (for the toxicity head's logit alone: nothing else can be computed from such a buffer).
     */
    void extract(CharSequence text, int languageSeed, FeatureBuffer out, WordSums sums) {
        out.clear();
        int n = text.length();
        int i = 0;
        int prevWordHash = 0;
        int prevWordStart = -1;
        while (i < n) {
            char c = text.charAt(i);
            if (!isWordChar(c)) {
                if (isSymbol(text, i)) {
                    int w = Character.isHighSurrogate(c) && i + 1 < n ? 2 : 1;
                    int h = NS_SYMBOL;
                    for (int k = 0; k < w; k++) {
                        h = mix(h, text.charAt(i + k));
                    }
                    out.add(fmix(h), i, i + w);
                    i += w;
                } else {
                    i++;
                }
                if (c != ' ') {
                    prevWordStart = -1; // punctuation breaks bigrams
                    out.breakPhrase();
                }
                continue;
            }
            int start = i;
            int skipTo = metadataEnd(text, i);
            if (skipTo > i) {
                // @mentions and links are who and where, not what was said: no features (their share in each data
                // set's toxic rows is an artifact of how it was collected).
                i = skipTo;
                prevWordStart = -1;
                out.breakPhrase();
                continue;
            }
            boolean digitsOnly = true;
            boolean dense = false;
            boolean hangul = false;
            while (i < n && isWordChar(text.charAt(i))) {
                char d = text.charAt(i);
                if (!Character.isDigit(d)) {
                    digitsOnly = false;
                }
                if (isDenseScript(d)) {
                    dense = true;
                } else if (d >= 0xAC00 && d <= 0xD7A3) {
                    hangul = true;
                }
                i++;
            }
            int end = i;
            if (digitsOnly) {
                prevWordStart = -1;
                out.breakPhrase();
                continue;
            }
            if (dense) {
                charNgrams(text, start, end, 1, 3, false, out);
                prevWordStart = -1;
                out.breakPhrase();
                if (!lexicon.isEmpty()) {
                    denseLexiconHits(text, start, end, languageSeed, out);
                }
                continue;
            }
            int wordHash = wordHash(text, start, end);
            boolean recalled = sums != null && sums.recall(text, start, end, wordHash, out);
            if (sums == null) {
                out.add(wordHash, start, end);
            }
            if (!lexicon.isEmpty()) {
                lexiconHits(wordHash, start, end, languageSeed, out);
            }
            if (prevWordStart >= 0) {
                out.add(fmix(mix(mix(NS_BIGRAM, prevWordHash), wordHash)), prevWordStart, end);
            }
            prevWordHash = wordHash;
            prevWordStart = start;
            if (!recalled) {
                int from = out.size;
                if (sums != null) {
                    out.add(wordHash, start, end); // with the word's other own features, for remember
                }
                if (hangul) {
                    charNgrams(text, start, end, 1, 3, false, out);
                } else {
                    charNgrams(text, start, end, 2, maxCharN, true, out);
                }
                if (sums != null) {
                    sums.remember(text, start, end, wordHash, out, from);
                }
            }
        }
    }

    /**
     * Where the mention or link starting at word char {@code i} ends: a word of three or more chars right after a
     * {@code @} that starts a token, a
     * {@code http(s)://…} or {@code www.…} address up to the next space, and the placeholders {@code url} and
     * {@code user} that anonymized corpora put in their place; {@code i} when there is none.
     */
    static int metadataEnd(CharSequence text, int i) {
        int n = text.length();
        if (i > 0 && text.charAt(i - 1) == '@' && (i < 2 || !isWordChar(text.charAt(i - 2)))) {
            int e = i;
            while (e < n && isWordChar(text.charAt(e))) {
                e++;
            }
            return e - i >= 3 ? e : i; // "@ss" is leet, not a mention
        }
        if (startsWith(text, i, "http://") || startsWith(text, i, "https://") || startsWith(text, i, "www.")) {
            int e = i;
            while (e < n && text.charAt(e) != ' ') {
                e++;
            }
            return e;
        }
        if (startsWith(text, i, "url") && (i + 3 == n || !isWordChar(text.charAt(i + 3)))
                && (i == 0 || !isWordChar(text.charAt(i - 1)))) {
            return i + 3;
        }
        return i;
    }

    private static boolean startsWith(CharSequence text, int i, String prefix) {
        if (i + prefix.length() > text.length()) {
            return false;
        }
        for (int k = 0; k < prefix.length(); k++) {
            if (text.charAt(i + k) != prefix.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    /** The hash of the word {@code text[start, end)} (also the unit of lexicon terms). */
    static int wordHash(CharSequence text, int start, int end) {
        int h = NS_WORD;
        for (int k = start; k < end; k++) {
            h = mix(h, text.charAt(k));
        }
        return fmix(h);
    }

    /** Lexicon terms of one to three words ending with this word. */
    private void lexiconHits(int wordHash, int start, int end, int languageSeed, FeatureBuffer out) {
        out.pushWord(wordHash, start);
        int n = out.words;
        for (int count = 1; count <= LexiconMatcher.MAX_WORDS && count <= n; count++) {
            if (lexicon.contains(LexiconMatcher.phrase(out.wordHashes, n - count, count), languageSeed)) {
                out.add(LEXICON_FEATURE, out.wordStarts[n - count], end);
            }
        }
    }

    /** Lexicon terms inside a run of Han/Kana/Thai characters: every substring of 1–4 characters. */
    private void denseLexiconHits(CharSequence text, int start, int end, int languageSeed, FeatureBuffer out) {
        for (int s = start; s < end; s++) {
            int h = NS_WORD;
            for (int len = 1; len <= LexiconMatcher.MAX_DENSE && s + len <= end; len++) {
                h = mix(h, text.charAt(s + len - 1));
                if (lexicon.contains(fmix(h), languageSeed)) {
                    out.add(LEXICON_FEATURE, s, s + len);
                }
            }
        }
    }

    /**
     * Char n-grams of {@code text[start, end)} for n in [minN, maxN]. With markers the word is seen as
     * {@code <word>}: the markers contribute to hashes but not to ranges.
     */
    private static void charNgrams(CharSequence text, int start, int end, int minN, int maxN, boolean markers,
                                   FeatureBuffer out) {
        int first = markers ? start - 1 : start;
        int last = markers ? end + 1 : end; // exclusive
        for (int s = first; s < last; s++) {
            int h = NS_CHAR;
            for (int len = 1; len <= maxN && s + len <= last; len++) {
                int p = s + len - 1;
                char c = p < start ? '<' : p >= end ? '>' : text.charAt(p);
                h = mix(h, c);
                if (len >= minN) {
                    int from = Math.max(s, start);
                    int to = Math.min(s + len, end);
                    if (to > from) {
                        out.add(fmix(h ^ len), from, to);
                    }
                }
            }
        }
    }

    /** Bit {@code c} set when {@link #computeIsWordChar} holds for {@code c}: one load on the featurizer's hot path. */
    private static final long[] WORD_CHARS = CharTables.table(c -> computeIsWordChar((char) c));

    /** Letters, digits, combining marks and {@code *} (masked letters). */
    static boolean isWordChar(char c) {
        return CharTables.contains(WORD_CHARS, c);
    }

    static boolean computeIsWordChar(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '*' || (c >= 'A' && c <= 'Z');
        }
        if (Character.isLetterOrDigit(c)) {
            return true;
        }
        int t = Character.getType(c);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    private static boolean isSymbol(CharSequence text, int i) {
        char c = text.charAt(i);
        if (c < 0x80) {
            return false;
        }
        int cp = Character.codePointAt(text, i);
        int t = Character.getType(cp);
        return t == Character.OTHER_SYMBOL || t == Character.MATH_SYMBOL;
    }

    /** Scripts written without spaces between words. */
    static boolean isDenseScript(char c) {
        return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x3040 && c <= 0x30FF)
                || (c >= 0x0E00 && c <= 0x0EFF) || (c >= 0x1000 && c <= 0x109F) || (c >= 0x1780 && c <= 0x17FF)
                || (c >= 0xF900 && c <= 0xFAFF);
    }

    static int mix(int h, int c) {
        h ^= c;
        h *= 0x9E3779B1;
        return Integer.rotateLeft(h, 15);
    }

    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    /** The per-language copy of a feature hash. */
    static int forLanguage(int hash, int languageSeed) {
        return fmix(hash ^ languageSeed);
    }
}
