package io.detoxstreams.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Splits a comment into {@link Token}s with UTF-16 offsets into the original string. Whitespace separates tokens and
 * is not a token. Words are runs of letters, digits and combining marks, joined across an inner hyphen
 * ({@code well-known}); a run of Han ideographs is split into Chinese words ({@link HanSegmenter}) and every
 * kana is its own token, because those scripts have no spaces; mask characters inside a word ({@code st*pid}, {@code b**ch}) and trailing stars ({@code sh**}) belong to
 * the word; apostrophes are tokens of their own, so {@code don't} and the pre-tokenized {@code don ' t} of the corpora
 * give the same words; combining marks, variation selectors and zero-width joiners stay with the token before them, so an emoji
 * sequence or a Devanagari syllable is never cut.
 *
 * <p>Call {@link #tokenize(String)}; it never throws and never splits a surrogate pair.
 */
public final class Tokenizer {

    private static final int ZWJ = 0x200D;

    private Tokenizer() {
    }

    /**
     * The tokens of {@code s}, unmodifiable. The last {@link #RECENT} texts tokenized on this thread are remembered:
     * one comment is tokenized by the rewriter, the policy, the verifier's checks and the explanation, which then
     * share one list.
     */
    public static List<Token> tokenize(String s) {
        List<Token> tokens = RECENT_TEXTS.find(s, null, null);
        if (tokens == null) {
            tokens = Collections.unmodifiableList(scan(s));
            RECENT_TEXTS.put(s, null, null, tokens);
        }
        return tokens;
    }

    /** How many recent texts and their tokens each thread keeps. */
    static final int RECENT = 8;
    private static final RecentAnswers<List<Token>> RECENT_TEXTS = new RecentAnswers<>(RECENT);

    private static List<Token> scan(String s) {
        List<Token> out = new ArrayList<>(Math.max(4, s.length() / 4));
        int i = 0;
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            Token.Kind kind;
            if (isHanScript(cp)) {
                i = scanHanWords(s, i, out);
                continue;
            } else if (isHan(cp)) {
                kind = Token.Kind.HAN;
                i = skipAttached(s, i + Character.charCount(cp));
            } else if (isWordChar(cp)) {
                kind = Token.Kind.WORD;
                i = scanWord(s, i);
            } else if (isPunct(cp)) {
                kind = Token.Kind.PUNCT;
                i = skipAttached(s, i + Character.charCount(cp));
            } else {
                kind = Token.Kind.SYMBOL;
                i = scanSymbol(s, i);
            }
            out.add(new Token(start, i, kind, s));
        }
        return out;
    }

    /**
     * Adds the {@link HanSegmenter words} of the run of Han ideographs starting at {@code i} as {@link Token.Kind#HAN}
     * tokens; returns the run's end. Marks attached to an ideograph stay with its word.
     */
    private static int scanHanWords(String s, int i, List<Token> out) {
        int end = i;
        while (end < s.length()) {
            int cp = s.codePointAt(end);
            if (!isHanScript(cp) && !(end > i && isAttached(cp))) {
                break;
            }
            end += Character.charCount(cp);
        }
        int start = i;
        for (int wordEnd : HanSegmenter.wordEnds(s.substring(i, end))) {
            int e = skipAttached(s, i + wordEnd);
            if (e > start) {
                out.add(new Token(start, e, Token.Kind.HAN, s));
                start = e;
            }
        }
        return end;
    }

    private static boolean isHanScript(int cp) {
        return cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static int scanWord(String s, int i) {
        int n = s.length();
        while (i < n) {
            int cp = s.codePointAt(i);
            if (isWordChar(cp) && !isHan(cp) || isAttached(cp)) {
                i += Character.charCount(cp);
            } else if (cp == '-' && i + 1 < n) {
                int next = s.codePointAt(i + 1);
                if (!isWordChar(next) || isHan(next)) {
                    break;
                }
                i += 1;
            } else if (MASKS.indexOf(cp) >= 0) {
                // Masked letters stay inside the word ("st*pid", "b**ch", "f@ck", "sh**"): deleting the word must not
                // leave its mask behind.
                int end = i;
                while (end < n && MASKS.indexOf(s.charAt(end)) >= 0) {
                    end++;
                }
                boolean inner = end < n && isWordChar(s.codePointAt(end)) && !isHan(s.codePointAt(end));
                boolean trailingStars = s.substring(i, end).chars().allMatch(c -> c == '*');
                if (!inner && !trailingStars) {
                    break;
                }
                i = end;
            } else {
                break;
            }
        }
        return i;
    }

    /** Characters that stand for hidden letters inside a word. */
    private static final String MASKS = "*#@$%_";

    /** An emoji with skin-tone modifiers, variation selectors and ZWJ sequences stays one token. */
    private static int scanSymbol(String s, int i) {
        int n = s.length();
        i += Character.charCount(s.codePointAt(i));
        while (i < n) {
            int cp = s.codePointAt(i);
            if (cp == ZWJ && i + 1 < n) {
                i += 1;
                i += Character.charCount(s.codePointAt(i));
            } else if (isAttached(cp) || (cp >= 0x1F3FB && cp <= 0x1F3FF)) {
                i += Character.charCount(cp);
            } else {
                break;
            }
        }
        return i;
    }

    private static int skipAttached(String s, int i) {
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            if (!isAttached(cp)) {
                break;
            }
            i += Character.charCount(cp);
        }
        return i;
    }

    public static boolean isWordChar(int cp) {
        if (cp < 0x80) {
            return cp >= 'a' && cp <= 'z' || cp >= 'A' && cp <= 'Z' || cp >= '0' && cp <= '9';
        }
        return Character.isLetterOrDigit(cp) || isMark(cp);
    }

    private static boolean isAttached(int cp) {
        return isMark(cp) || cp == ZWJ || cp == 0x200C;
    }

    private static boolean isMark(int cp) {
        if (cp < 0x300) {
            return false; // combining marks start at U+0300
        }
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    public static boolean isHan(int cp) {
        if (cp < 0x2E80) {
            return false; // the first Han/kana block (CJK radicals) starts at U+2E80
        }
        Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
        return sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                || sc == Character.UnicodeScript.KATAKANA;
    }

    private static boolean isPunct(int cp) {
        int t = Character.getType(cp);
        return t == Character.CONNECTOR_PUNCTUATION || t == Character.DASH_PUNCTUATION
                || t == Character.START_PUNCTUATION || t == Character.END_PUNCTUATION
                || t == Character.INITIAL_QUOTE_PUNCTUATION || t == Character.FINAL_QUOTE_PUNCTUATION
                || t == Character.OTHER_PUNCTUATION;
    }
}
