package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicSpan;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a model rewrite (seq2seq, LLM) did to each toxic span of the original, computed by the project rather than
 * trusted from the model: the two texts are aligned word by word (longest common subsequence), and each classifier
 * span is reported {@code kept} when all its words survive in place, {@code deleted} when they are gone with
 * nothing in their place, else {@code rephrased} with the rewrite's words that took their place. Offsets are the
 * span's own UTF-16 offsets into the original.
 *
 * <p>Words are letter/digit runs; in scripts written without spaces (Han, kana, Thai) each character is a word.
 */
public final class ModelEdits {

    private static final Pattern WORD = Pattern.compile(
            "[\\p{IsHan}\\p{IsHiragana}\\p{IsKatakana}\\p{IsThai}]|[\\p{L}\\p{M}\\p{N}]+(?:['’][\\p{L}\\p{M}]+)*");
    private static final int MAX_WORDS = 512;

    private ModelEdits() {
    }

    private record Word(String text, int start, int end) {
    }

    public static List<SpanEdit> edits(String original, String rewrite, List<ToxicSpan> spans) {
        List<Word> a = words(original);
        List<Word> b = words(rewrite);
        int[] match = align(a, b);
        List<SpanEdit> out = new ArrayList<>(spans.size());
        for (ToxicSpan s : spans) {
            out.add(edit(s, a, b, match, rewrite, original));
        }
        return out;
    }

    private static SpanEdit edit(ToxicSpan s, List<Word> a, List<Word> b, int[] match, String rewrite,
                                 String original) {
        int first = -1;
        int last = -1;
        boolean allKept = true;
        for (int i = 0; i < a.size(); i++) {
            Word w = a.get(i);
            if (w.end > s.start() && w.start < s.end()) {
                first = first < 0 ? i : first;
                last = i;
                allKept &= match[i] >= 0;
            }
        }
        int end = Math.min(s.end(), original.length());
        String spanText = original.substring(Math.min(s.start(), end), end);
        if (first < 0 || allKept) {
            return new SpanEdit(s.start(), end, s.category(), s.score(), EditAction.KEPT, spanText);
        }
        // The rewrite's words between the last match before the span and the first match after it took its place.
        int before = -1;
        for (int i = first - 1; i >= 0 && before < 0; i--) {
            before = match[i];
        }
        int after = b.size();
        for (int i = last + 1; i < a.size() && after == b.size(); i++) {
            after = match[i] >= 0 ? match[i] : after;
        }
        if (after <= before + 1) {
            return new SpanEdit(s.start(), end, s.category(), s.score(), EditAction.DELETED, "");
        }
        String replacement = rewrite.substring(b.get(before + 1).start, b.get(after - 1).end);
        return new SpanEdit(s.start(), end, s.category(), s.score(), EditAction.REPHRASED, replacement);
    }

    /** For each word of {@code a}, the index of the word of {@code b} it is aligned with, or -1. */
    private static int[] align(List<Word> a, List<Word> b) {
        int n = Math.min(a.size(), MAX_WORDS);
        int m = Math.min(b.size(), MAX_WORDS);
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = same(a.get(i), b.get(j)) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        int[] match = new int[a.size()];
        java.util.Arrays.fill(match, -1);
        int i = 0;
        int j = 0;
        while (i < n && j < m) {
            if (same(a.get(i), b.get(j))) {
                match[i++] = j++;
            } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
                i++;
            } else {
                j++;
            }
        }
        return match;
    }

    private static boolean same(Word x, Word y) {
        return x.text.equalsIgnoreCase(y.text);
    }

    private static List<Word> words(String s) {
        List<Word> out = new ArrayList<>();
        Matcher m = WORD.matcher(s);
        while (m.find()) {
            out.add(new Word(m.group(), m.start(), m.end()));
        }
        return out;
    }
}
