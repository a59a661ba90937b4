package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.text.NormalizedText;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns the linear attributions of a scored comment into word-level toxic spans in original offsets.
 *
 * <p>Each feature occurrence's contribution to the toxicity logit is spread evenly over the normalized chars it
 * covers; a unit (a word in spaced scripts, a single character in Han/Kana/Thai, an emoji) is toxic when its summed
 * contribution exceeds the span threshold; neighbouring toxic units separated only by spaces merge into one span.
 * The span's category is, among the categories the document scores at 0.5 or more, the one with the largest positive
 * attribution over the span; {@code toxicity} when the document has no such category.
 */
final class SpanFinder {

    static final String GENERIC_CATEGORY = "toxicity";

    private SpanFinder() {
    }

    static List<ToxicSpan> find(LinearModel model, NormalizedText nt, FeatureBuffer fb, int lang, int[] langHashes,
                                double scale, double threshold, String source, boolean[] likelyCategories) {
        return find(model, 0, nt, fb, lang, langHashes, scale, threshold, source, likelyCategories, null);
    }

    /**
     * The spans of head {@code head}'s attributions. With a {@code fixedCategory} every span carries it (the threat
     * head's spans are threats); otherwise the category is chosen among the likely ones as described above.
     */
    static List<ToxicSpan> find(LinearModel model, int head, NormalizedText nt, FeatureBuffer fb, int lang,
                                int[] langHashes, double scale, double threshold, String source,
                                boolean[] likelyCategories, String fixedCategory) {
        LinearModel.requireListed(fb);
        int len = nt.length();
        if (len == 0 || fb.size == 0) {
            return List.of();
        }
        double[] charAttr = new double[len];
        spread(model, head, fb, lang, langHashes, scale, charAttr);
        String text = nt.text();
        List<int[]> units = new ArrayList<>(); // {start, end} in normalized chars
        List<Double> unitScores = new ArrayList<>();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            int end;
            if (Featurizer.isWordChar(c) && !Featurizer.isDenseScript(c)) {
                end = i + 1;
                while (end < len && Featurizer.isWordChar(text.charAt(end))
                        && !Featurizer.isDenseScript(text.charAt(end))) {
                    end++;
                }
            } else if (c == ' ') {
                i++;
                continue;
            } else {
                end = i + (Character.isHighSurrogate(c) && i + 1 < len ? 2 : 1);
            }
            double s = 0;
            for (int k = i; k < end; k++) {
                s += charAttr[k];
            }
            if (s > threshold) {
                units.add(new int[] {i, end});
                unitScores.add(s);
            }
            i = end;
        }
        if (units.isEmpty()) {
            return List.of();
        }
        List<ToxicSpan> spans = new ArrayList<>();
        int k = 0;
        while (k < units.size()) {
            int start = units.get(k)[0];
            int end = units.get(k)[1];
            double score = unitScores.get(k);
            int m = k + 1;
            while (m < units.size() && onlySpacesBetween(text, end, units.get(m)[0])) {
                end = units.get(m)[1];
                score = Math.max(score, unitScores.get(m));
                m++;
            }
            int[] r = nt.originalRange(start, end);
            String category = fixedCategory != null ? fixedCategory
                    : category(model, fb, lang, langHashes, scale, start, end, likelyCategories);
            spans.add(new ToxicSpan(r[0], r[1], category, 2 * LinearModel.sigmoid(score) - 1, source));
            k = m;
        }
        return spans;
    }

    private static boolean onlySpacesBetween(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) != ' ') {
                return false;
            }
        }
        return true;
    }

    private static void spread(LinearModel model, int head, FeatureBuffer fb, int lang, int[] langHashes,
                               double scale, double[] charAttr) {
        for (int i = 0; i < fb.size; i++) {
            double a = model.attribution(head, fb, i, lang, langHashes, scale);
            int from = fb.from[i];
            int to = fb.to[i];
            double per = a / (to - from);
            for (int c = from; c < to; c++) {
                charAttr[c] += per;
            }
        }
    }

    /** The category head contributing most to normalized chars [start, end). */
    private static String category(LinearModel model, FeatureBuffer fb, int lang, int[] langHashes, double scale,
                                   int start, int end, boolean[] likelyCategories) {
        String best = GENERIC_CATEGORY;
        double bestScore = 0;
        for (int h = 1; h < model.headCount(); h++) {
            if (!likelyCategories[h]) {
                continue;
            }
            double s = 0;
            for (int i = 0; i < fb.size; i++) {
                int from = fb.from[i];
                int to = fb.to[i];
                int overlap = Math.min(to, end) - Math.max(from, start);
                if (overlap > 0) {
                    s += model.attribution(h, fb, i, lang, langHashes, scale) * overlap / (to - from);
                }
            }
            if (s > bestScore) {
                bestScore = s;
                best = model.head(h);
            }
        }
        return best;
    }
}
