package io.detoxstreams.eval;

import io.detoxstreams.scoring.BinaryMetrics;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metrics of one evaluated file.
 *
 * @param lang              the file's language
 * @param suite             {@code toxicity} (natural comments) or {@code functional} (HateCheck)
 * @param rows              which rows of the file were scored: {@code test}, {@code dev} or {@code all}
 * @param metrics           precision/recall/F1 of the toxic class, macro-F1, accuracy, ROC-AUC at the model's threshold
 *                          (the operating point: at or above it a comment is rewritten)
 * @param atReview          the same at the lower bound of the review band (null when not evaluated)
 * @param flaggedClean      share of the non-toxic rows the moderator would not pass with the default policy: scored at
 *                          or above the threshold, or held as a threat or self-harm (NaN when not evaluated)
 * @param threatCases       rows that are threats (HateCheck {@code threat_*} cases)
 * @param threatRecall      share of them held as threats (NaN without threat cases)
 * @param categories        category → precision/recall/F1 of the category scores (at 0.5) on the rows labelled for it,
 *                          for the categories the model reports for the language, in head order (so that the JSON
 *                          report of the same model is the same bytes in every run)
 */
public record LanguageScore(String lang, String suite, String rows, BinaryMetrics metrics, BinaryMetrics atReview,
                            double flaggedClean, int threatCases, double threatRecall,
                            Map<String, CategoryScore> categories) {

    public LanguageScore {
        categories = Collections.unmodifiableMap(new LinkedHashMap<>(categories));
    }

    /** Toxicity metrics only (the baseline). */
    public LanguageScore(String lang, String suite, String rows, BinaryMetrics metrics) {
        this(lang, suite, rows, metrics, null, Double.NaN, 0, Double.NaN, Map.of());
    }

    /**
     * One category on the rows labelled for it.
     *
     * @param n         labelled rows
     * @param positives rows labelled positive
     */
    public record CategoryScore(int n, int positives, double precision, double recall, double f1) {

        static CategoryScore of(int tp, int fp, int fn, int n) {
            double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
            double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
            return new CategoryScore(n, tp + fn, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
        }
    }
}
