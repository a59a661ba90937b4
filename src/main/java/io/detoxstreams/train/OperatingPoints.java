package io.detoxstreams.train;

import io.detoxstreams.classify.Category;
import io.detoxstreams.classify.Coverage;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.data.Split;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Chooses each language's operating point for real traffic, which is mostly clean (the data sets are 20–65 % toxic),
 * on the language's DEV split:
 * <ul>
 *   <li><b>threshold</b> (rewrite): the lowest score at which at most {@link #TARGET_FPR} of the language's clean
 *       DEV comments are flagged, and never below the macro-F1 threshold. A {@link Coverage#SUPPORTED} language
 *       counts its natural non-toxic comments; a {@link Coverage#LIMITED} one (no natural comments) counts the
 *       closest thing it has — HateCheck's neutral and positive statements about groups and the neutral sides of
 *       detox pairs — at {@link #LIMITED_TARGET_FPR}. Texts the model has no evidence about score like these, so
 *       the rule asks a limited language for strong evidence;</li>
 *   <li><b>review threshold</b>: the macro-F1 threshold (the old operating point), capped at the threshold; a comment
 *       between the two is uncertain and is not rewritten;</li>
 *   <li><b>threat threshold</b>, where the {@code threat} head has evidence: the lowest threat score (at least
 *       {@link #MIN_THREAT_SCORE}) at which at most {@link #THREAT_TARGET_FPR} of the same clean comments would be
 *       read as threats.</li>
 * </ul>
 * The evidence (counts, DEV false-positive rate and recall at each point) is recorded in the model's metadata.
 */
final class OperatingPoints {

    static final double TARGET_FPR = 0.03;
    static final double LIMITED_TARGET_FPR = 0.03;
    static final double THREAT_TARGET_FPR = 0.005;
    static final double MIN_THREAT_SCORE = 0.5;
    /** HateCheck functionalities that read like ordinary clean statements (about groups). */
    static final Set<String> CLEAN_FUNCTIONALITIES = Set.of("ident_neutral_nh", "ident_pos_nh");

    private OperatingPoints() {
    }

    /** Whether a language has natural comments among its training examples. */
    static Coverage coverage(List<Example> examples, String lang) {
        return examples.stream().anyMatch(e -> e.lang().equals(lang) && e.corpus() == Example.Corpus.TOXICITY
                && e.split() == Split.TRAIN) ? Coverage.SUPPORTED : Coverage.LIMITED;
    }

    /**
     * @param classifier the calibrated model, with the macro-F1 thresholds
     * @return language → metadata entry ({@code threshold}, {@code review_threshold}, {@code threat_threshold},
     *         {@code coverage} and the evidence)
     */
    static Map<String, Map<String, Object>> choose(EmbeddedToxicityClassifier classifier, List<Example> examples,
                                                   DevSet dev, List<String> languages) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (String lang : languages) {
            Coverage coverage = coverage(examples, lang);
            double f1Threshold = classifier.threshold(lang);
            List<Example> clean = cleanDev(examples, lang, coverage);
            double[] cleanScores = new double[clean.size()];
            double[] cleanThreat = new double[clean.size()];
            for (int i = 0; i < clean.size(); i++) {
                ToxicityResult r = classifier.score(clean.get(i).text(), lang, false, 1e9);
                cleanScores[i] = r.score();
                cleanThreat[i] = r.categories().getOrDefault(Category.THREAT.wireName(), 0.0);
            }
            double fpr = coverage == Coverage.SUPPORTED ? TARGET_FPR : LIMITED_TARGET_FPR;
            double threshold = cleanScores.length == 0 ? f1Threshold
                    : Math.max(f1Threshold, thresholdAtFpr(cleanScores, fpr));
            threshold = Math.min(threshold, 0.999);
            Map<String, Object> point = new LinkedHashMap<>();
            point.put("coverage", coverage.wireName());
            point.put("threshold", threshold);
            point.put("review_threshold", Math.min(f1Threshold, threshold));
            point.put("target_fpr", fpr);
            point.put("clean_dev_examples", clean.size());
            point.put("clean_dev_fpr", shareAtLeast(cleanScores, threshold));
            point.put("clean_dev_fpr_at_review_threshold", shareAtLeast(cleanScores, f1Threshold));
            int[] idx = dev.byLanguage.get(lang);
            if (idx != null) {
                point.put("dev_recall", recall(classifier, examples, idx, lang, threshold));
                point.put("dev_recall_at_review_threshold", recall(classifier, examples, idx, lang, f1Threshold));
            }
            if (classifier.model().supports(classifier.model().languageIndex(lang),
                    Heads.of(Category.THREAT))) {
                double t = Math.max(MIN_THREAT_SCORE, cleanThreat.length == 0 ? MIN_THREAT_SCORE
                        : thresholdAtFpr(cleanThreat, THREAT_TARGET_FPR));
                point.put("threat_threshold", Math.min(t, 0.999));
                point.put("threat_dev_recall", threatRecall(classifier, examples, lang, t));
            }
            out.put(lang, point);
        }
        return out;
    }

    /** The DEV comments of a language known to be clean: natural non-toxic ones, or the limited-language stand-ins. */
    static List<Example> cleanDev(List<Example> examples, String lang, Coverage coverage) {
        List<Example> out = new ArrayList<>();
        for (Example e : examples) {
            if (e.split() != Split.DEV || !e.lang().equals(lang) || e.toxic() != 0f) {
                continue;
            }
            boolean natural = e.corpus() == Example.Corpus.TOXICITY;
            boolean standIn = e.corpus() == Example.Corpus.DETOX
                    || e.corpus() == Example.Corpus.FUNCTIONAL && CLEAN_FUNCTIONALITIES.contains(e.group());
            if (coverage == Coverage.SUPPORTED ? natural : standIn) {
                out.add(e);
            }
        }
        return out;
    }

    /** The lowest threshold at which at most {@code fpr} of {@code negatives} score at or above it. */
    static double thresholdAtFpr(double[] negatives, double fpr) {
        double[] s = negatives.clone();
        Arrays.sort(s);
        int allowed = (int) Math.floor(fpr * s.length);
        if (allowed >= s.length) {
            return 0;
        }
        // The (allowed+1)-th highest score must fall below the threshold.
        return Math.nextUp(s[s.length - 1 - allowed]);
    }

    static double shareAtLeast(double[] scores, double threshold) {
        if (scores.length == 0) {
            return Double.NaN;
        }
        int n = 0;
        for (double v : scores) {
            n += v >= threshold ? 1 : 0;
        }
        return n / (double) scores.length;
    }

    private static double recall(EmbeddedToxicityClassifier c, List<Example> examples, int[] idx, String lang,
                                 double threshold) {
        int pos = 0;
        int hit = 0;
        for (int i : idx) {
            Example e = examples.get(i);
            if (e.toxic() == 1f) {
                pos++;
                hit += c.score(e.text(), lang, false, 1e9).score() >= threshold ? 1 : 0;
            }
        }
        return pos == 0 ? Double.NaN : hit / (double) pos;
    }

    private static double threatRecall(EmbeddedToxicityClassifier c, List<Example> examples, String lang,
                                       double threshold) {
        int head = Heads.of(Category.THREAT);
        int pos = 0;
        int hit = 0;
        for (Example e : examples) {
            if (e.split() == Split.DEV && e.lang().equals(lang) && e.labels()[head] == 1f) {
                pos++;
                hit += c.score(e.text(), lang, false, 1e9).categories()
                        .getOrDefault(Category.THREAT.wireName(), 0.0) >= threshold ? 1 : 0;
            }
        }
        return pos == 0 ? Double.NaN : hit / (double) pos;
    }
}
