package io.detoxstreams.train;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.classify.embedded.LinearModel;
import io.detoxstreams.classify.embedded.TrainingAccess;
import io.detoxstreams.data.Split;
import io.detoxstreams.scoring.SpanF1;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns trained {@link Trainer.Weights} into a shippable {@link LinearModel}: per-language Platt calibration and
 * macro-F1 thresholds on each language's dev set, the operating point for real traffic ({@link OperatingPoints}),
 * and the span threshold that maximizes span F1 on the dev posts of the span corpus.
 */
public final class ModelAssembler {

    /** Span thresholds tried, in logit units of a unit's attribution. */
    static final double[] SPAN_THRESHOLDS = {0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0, 1.25, 1.5, 2.0};

    private ModelAssembler() {
    }

    public static LinearModel assemble(Trainer.Weights w, List<Example> examples, Lexicons lexicons,
                                       TrainingOptions options, String version, Map<String, Object> metadata) {
        List<String> langs = w.languages();
        DevSet dev = DevSet.of(examples, langs);
        float[] a = new float[langs.size()];
        float[] b = new float[langs.size()];
        float[] t = new float[langs.size()];
        LinearModel uncalibrated = TrainingAccess.model(
                new LinearModel.ModelInfo(version, options.maxCharN(), 0.5, 0.1,
                        Map.of(LinearModel.LANGUAGE_COPIES, w.copies())), w.heads(), w.bits(),
                w.weights(), w.bias(), langs, w.languageBias(), ones(langs.size()), new float[langs.size()],
                halves(langs.size()), lexicons.masks(), lexicons.segmenter(), lexicons.lexiconByLanguage());
        EmbeddedToxicityClassifier raw = new EmbeddedToxicityClassifier(uncalibrated, Integer.MAX_VALUE);
        Map<String, Object> calibration = new LinkedHashMap<>();
        double naturalPrior = naturalPrior(dev, examples);
        for (int l = 0; l < langs.size(); l++) {
            int[] idx = dev.byLanguage.get(langs.get(l));
            if (idx == null) {
                a[l] = 1;
                b[l] = 0;
                t[l] = 0.5f;
                calibration.put(langs.get(l), Map.of("dev", "none: default calibration"));
                continue;
            }
            double[] z = new double[idx.length];
            int[] y = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                Example e = examples.get(idx[k]);
                z[k] = logitOf(raw.score(e.text(), e.lang(), false, 1e9).score());
                y[k] = e.toxic() == 1f ? 1 : 0;
            }
            double[] ab = Calibration.platt(z, y);
            Example.Corpus corpus = examples.get(idx[0]).corpus();
            double devPrior = mean(y);
            double prior = devPrior;
            if (options.priorShift() && corpus != Example.Corpus.TOXICITY) {
                // Test suites and detox pairs are mostly toxic; real traffic is not. Shift the calibration to the
                // natural prior and pick the threshold as if the dev set had that prior.
                prior = naturalPrior;
                ab[1] += logit(prior) - logit(devPrior);
            }
            a[l] = (float) ab[0];
            b[l] = (float) ab[1];
            t[l] = (float) Calibration.threshold(z, y, ab[0], ab[1], prior / devPrior,
                    (1 - prior) / (1 - devPrior));
            calibration.put(langs.get(l), Map.of("dev_examples", idx.length, "corpus",
                    corpus.name().toLowerCase(java.util.Locale.ROOT), "dev_prior", devPrior, "prior", prior,
                    "a", a[l], "b", b[l], "threshold", t[l]));
        }
        Map<String, Object> meta = new LinkedHashMap<>(metadata);
        meta.put("calibration", calibration);
        LinearModel calibrated = TrainingAccess.model(
                new LinearModel.ModelInfo(version, options.maxCharN(), 0.5, 0.1, meta), w.heads(), w.bits(),
                w.weights(), w.bias(), langs, w.languageBias(), a, b, t, lexicons.masks(), lexicons.segmenter(),
                lexicons.lexiconByLanguage());
        Map<String, Map<String, Object>> points = OperatingPoints.choose(
                new EmbeddedToxicityClassifier(calibrated, Integer.MAX_VALUE), examples, dev, langs);
        float[] thresholds = new float[langs.size()];
        for (int l = 0; l < langs.size(); l++) {
            thresholds[l] = ((Number) points.get(langs.get(l)).get("threshold")).floatValue();
        }
        meta.put(LinearModel.OPERATING_POINT, points);
        meta.put("operating_point_rule", Map.of("target_fpr", OperatingPoints.TARGET_FPR,
                "limited_target_fpr", OperatingPoints.LIMITED_TARGET_FPR,
                "threat_target_fpr", OperatingPoints.THREAT_TARGET_FPR,
                "review_threshold", "macro-F1 threshold of the dev split, capped at the threshold"));
        return TrainingAccess.model(new LinearModel.ModelInfo(version, options.maxCharN(), 0.5, 0.1, meta),
                w.heads(), w.bits(), w.weights(), w.bias(), langs, w.languageBias(), a, b, thresholds,
                lexicons.masks(), lexicons.segmenter(), lexicons.lexiconByLanguage());
    }

    /** The mean toxic share of the languages calibrated on natural comments (their dev sets). */
    static double naturalPrior(DevSet dev, List<Example> examples) {
        double sum = 0;
        int n = 0;
        for (int[] idx : dev.byLanguage.values()) {
            if (examples.get(idx[0]).corpus() == Example.Corpus.TOXICITY) {
                int pos = 0;
                for (int i : idx) {
                    pos += examples.get(i).toxic() == 1f ? 1 : 0;
                }
                sum += pos / (double) idx.length;
                n++;
            }
        }
        return n == 0 ? 0.5 : sum / n;
    }

    private static double mean(int[] y) {
        double s = 0;
        for (int v : y) {
            s += v;
        }
        return y.length == 0 ? 0.5 : s / y.length;
    }

    private static double logit(double p) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        return Math.log(q / (1 - q));
    }

    /** Picks the span threshold on the dev posts; returns the model with it set. */
    public static LinearModel tuneSpans(LinearModel model, List<SpanCorpus.Post> posts, String lang) {
        EmbeddedToxicityClassifier c = new EmbeddedToxicityClassifier(model, Integer.MAX_VALUE);
        double best = -1;
        double bestT = model.info().spanThreshold();
        Map<String, Object> tried = new LinkedHashMap<>();
        for (double th : SPAN_THRESHOLDS) {
            SpanF1 f1 = new SpanF1();
            for (SpanCorpus.Post p : posts) {
                if (p.split() == Split.DEV) {
                    f1.add(toRanges(c.score(p.text(), lang, false, th).spans()), p.spans());
                }
            }
            tried.put(String.valueOf(th), f1.value());
            if (f1.value() > best) {
                best = f1.value();
                bestT = th;
            }
        }
        Map<String, Object> meta = new LinkedHashMap<>(model.info().metadata());
        meta.put("span_threshold_dev_f1", tried);
        var info = model.info();
        return TrainingAccess.withInfo(model, new LinearModel.ModelInfo(info.version(), info.maxCharN(),
                info.defaultThreshold(), bestT, meta));
    }

    public static List<int[]> toRanges(List<ToxicSpan> spans) {
        List<int[]> out = new ArrayList<>();
        for (ToxicSpan s : spans) {
            out.add(new int[] {s.start(), s.end()});
        }
        return out;
    }

    /** Inverse of the identity calibration used while assembling: the raw logit from sigmoid(z). */
    private static double logitOf(double p) {
        double q = Math.min(1 - 1e-15, Math.max(1e-15, p));
        return Math.log(q / (1 - q));
    }

    private static float[] ones(int n) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, 1f);
        return f;
    }

    private static float[] halves(int n) {
        float[] f = new float[n];
        java.util.Arrays.fill(f, 0.5f);
        return f;
    }
}
