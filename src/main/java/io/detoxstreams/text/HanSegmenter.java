package io.detoxstreams.text;

import org.apache.lucene.analysis.cn.smart.hhmm.HHMMSegmenter;
import org.apache.lucene.analysis.cn.smart.hhmm.SegToken;

import java.util.Arrays;
import java.util.List;

/**
 * Splits a run of Han ideographs into Chinese words with Lucene's smartcn segmenter (a hidden Markov model over the
 * word and word-bigram dictionaries bundled in {@code lucene-analysis-smartcn}): {@code 吃不到性别福利} →
 * {@code 吃|不|到|性别|福利}. Chinese has no spaces, and a rewriter that edits single characters cuts words in half
 * ({@code 性别} → {@code 别}); with words as tokens it keeps or edits a word whole. Words the dictionary does not know
 * (internet slang such as {@code 女拳}) come out as shorter known words or single characters.
 *
 * <p>Stateless and thread-safe (the dictionaries are loaded once, on first use, and never change).
 */
public final class HanSegmenter {

    private static final HHMMSegmenter SEGMENTER = new HHMMSegmenter();

    private HanSegmenter() {
    }

    /**
     * The end offsets (exclusive, relative to {@code run}) of the words of {@code run}, in order; the last is
     * {@code run.length()}. Never splits a surrogate pair.
     */
    public static int[] wordEnds(String run) {
        if (run.codePointCount(0, run.length()) <= 1) {
            return new int[] {run.length()};
        }
        List<SegToken> words = SEGMENTER.process(run);
        int[] ends = new int[words.size() + 1];
        int n = 0;
        int last = 0;
        for (SegToken w : words) {
            // The segmenter adds sentence start and end markers outside the text.
            if (w.startOffset < 0 || w.endOffset > run.length() || w.endOffset <= last) {
                continue;
            }
            int end = w.endOffset;
            if (end < run.length() && Character.isLowSurrogate(run.charAt(end))) {
                end++;
            }
            ends[n++] = end;
            last = end;
        }
        if (n == 0 || ends[n - 1] != run.length()) {
            ends[n++] = run.length();
        }
        return Arrays.copyOf(ends, n);
    }
}
