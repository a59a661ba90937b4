package io.detoxstreams.eval;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The result of {@code eval classification}: per-language scores for natural comments and functional tests, the
 * English span F1, and their averages.
 *
 * @param model      the evaluated classifier's version
 * @param split      which rows were evaluated ({@code test}, {@code dev} or {@code all})
 * @param toxicity   one entry per {@code toxicity/<lang>.tsv}
 * @param functional one entry per {@code toxicity/functional/<lang>.tsv}
 * @param spanF1     lang → SemEval span F1, for each {@code toxicity/spans/<lang>.tsv} (spans as in production: only
 *                   for comments at or above the threshold); {@code lang@review} → the same with spans from the review
 *                   threshold on, for the embedded classifier
 * @param baseline   the same natural-comment files scored by the per-language char n-gram baseline trained in the
 *                   same run (empty when not requested)
 */
public record ClassificationReport(String model, String split, List<LanguageScore> toxicity,
                                   List<LanguageScore> functional, Map<String, Double> spanF1,
                                   List<LanguageScore> baseline) {

    public double meanMacroF1() {
        return mean(toxicity, s -> s.metrics().macroF1());
    }

    public double minMacroF1() {
        return toxicity.stream().mapToDouble(s -> s.metrics().macroF1()).min().orElse(Double.NaN);
    }

    public double meanRocAuc() {
        return mean(toxicity, s -> s.metrics().rocAuc());
    }

    public double meanFunctionalAccuracy() {
        return mean(functional, s -> s.metrics().accuracy());
    }

    /** Mean over natural-comment files of the share of clean rows the moderator would flag. */
    public double meanFlaggedClean() {
        return mean(toxicity, LanguageScore::flaggedClean);
    }

    public double maxFlaggedClean() {
        return toxicity.stream().mapToDouble(LanguageScore::flaggedClean).filter(v -> !Double.isNaN(v)).max()
                .orElse(Double.NaN);
    }

    /** Mean over functional files with threat cases of the share held as threats. */
    public double meanThreatRecall() {
        return mean(functional, LanguageScore::threatRecall);
    }

    public double minThreatRecall() {
        return functional.stream().mapToDouble(LanguageScore::threatRecall).filter(v -> !Double.isNaN(v)).min()
                .orElse(Double.NaN);
    }

    public double baselineMeanMacroF1() {
        return mean(baseline, s -> s.metrics().macroF1());
    }

    public double baselineMeanRocAuc() {
        return mean(baseline, s -> s.metrics().rocAuc());
    }

    static double mean(List<LanguageScore> scores, java.util.function.ToDoubleFunction<LanguageScore> f) {
        OptionalDouble d = scores.stream().mapToDouble(f).filter(v -> !Double.isNaN(v)).average();
        return d.orElse(Double.NaN);
    }
}
