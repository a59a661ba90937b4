package io.detoxstreams.classify.embedded;

import io.detoxstreams.text.MaskDictionary;
import io.detoxstreams.text.WordSegmenter;

import java.util.List;
import java.util.Map;

/**
 * The embedded multilingual toxicity model: hashed n-gram features ({@link Featurizer}), one linear head per output
 * (toxicity + categories), each feature counted once in a shared weight and once in a per-language copy, per-language
 * biases, per-language Platt calibration and decision thresholds. Immutable after construction; thread-safe.
 *
 * <p>A document's logit for head h is {@code b[h] + b[lang][h] + (1/sqrt(N)) * sum over feature occurrences f of
 * (w[h][f] + w[h][f ⊕ lang])}; the per-occurrence terms are the linear attributions that become spans.
 */
public final class LinearModel {

    final ModelInfo info;
    final String[] heads;
    final int[] masks;
    final float[][] weights;
    final float[] bias;
    final List<String> languages;
    final int[] languageSeeds;
    final float[][] languageBias;
    final float[] calibrationA;
    final float[] calibrationB;
    final float[] thresholds;
    final MaskDictionary maskDictionary;
    final WordSegmenter segmenter;
    final Featurizer featurizer;
    /** supported[lang][head]: the head has training evidence for the language (head 0 always). */
    final boolean[][] supported;

    /** Metadata key: language → category heads with training evidence for it. */
    public static final String CATEGORY_SUPPORT = "category_support";

    LinearModel(ModelInfo info, String[] heads, int[] bits, float[][] weights, float[] bias, List<String> languages,
                float[][] languageBias, float[] calibrationA, float[] calibrationB, float[] thresholds,
                MaskDictionary maskDictionary, WordSegmenter segmenter) {
        this.info = info;
        this.heads = heads;
        this.masks = new int[bits.length];
        for (int h = 0; h < bits.length; h++) {
            if (weights[h].length != 1 << bits[h]) {
                throw new IllegalArgumentException("head " + heads[h] + ": weights do not match 2^" + bits[h]);
            }
            masks[h] = (1 << bits[h]) - 1;
        }
        this.weights = weights;
        this.bias = bias;
        this.languages = List.copyOf(languages);
        this.languageSeeds = new int[languages.size()];
        for (int i = 0; i < languageSeeds.length; i++) {
            languageSeeds[i] = languageSeed(languages.get(i));
        }
        this.languageBias = languageBias;
        this.calibrationA = calibrationA;
        this.calibrationB = calibrationB;
        this.thresholds = thresholds;
        this.maskDictionary = maskDictionary;
        this.segmenter = segmenter;
        this.featurizer = new Featurizer(info.maxCharN());
        this.supported = new boolean[languages.size()][heads.length];
        Object support = info.metadata().get(CATEGORY_SUPPORT);
        for (int l = 0; l < languages.size(); l++) {
            for (int h = 0; h < heads.length; h++) {
                supported[l][h] = h == 0 || !(support instanceof Map<?, ?> m)
                        || (m.get(languages.get(l)) instanceof List<?> list && list.contains(heads[h]));
            }
        }
    }

    /** Whether head {@code h} has training evidence for language index {@code lang} (always for -1: unknown). */
    public boolean supports(int lang, int h) {
        return lang < 0 || supported[lang][h];
    }

    public static int languageSeed(String lang) {
        return Featurizer.fmix(lang.hashCode() * 0x27d4eb2d + 0x165667b1);
    }

    public ModelInfo info() {
        return info;
    }

    public List<String> languages() {
        return languages;
    }

    /** Index of {@code lang} in {@link #languages()}, or -1 when the model has no data for it. */
    public int languageIndex(String lang) {
        return lang == null ? -1 : languages.indexOf(lang);
    }

    public int headCount() {
        return heads.length;
    }

    public String head(int h) {
        return heads[h];
    }

    /** The decision threshold (on calibrated probability) for a language index; the default for -1. */
    public double threshold(int lang) {
        return lang < 0 ? info.defaultThreshold() : thresholds[lang];
    }

    /**
     * Fills {@code langHashes} with the per-language copies of {@code fb}'s hashes (when the language is known) and
     * returns the per-occurrence scale 1/sqrt(N).
     */
    double prepare(FeatureBuffer fb, int lang, int[] langHashes) {
        if (lang >= 0) {
            int seed = languageSeeds[lang];
            for (int i = 0; i < fb.size; i++) {
                langHashes[i] = Featurizer.forLanguage(fb.hashes[i], seed);
            }
        }
        return fb.size == 0 ? 0 : 1.0 / Math.sqrt(fb.size);
    }

    /** The raw logit of head {@code h}. */
    double logit(int h, FeatureBuffer fb, int lang, int[] langHashes, double scale) {
        float[] w = weights[h];
        int mask = masks[h];
        double sum = 0;
        int n = fb.size;
        int[] hs = fb.hashes;
        if (lang >= 0) {
            for (int i = 0; i < n; i++) {
                sum += w[hs[i] & mask] + w[langHashes[i] & mask];
            }
            return bias[h] + languageBias[lang][h] + scale * sum;
        }
        for (int i = 0; i < n; i++) {
            sum += w[hs[i] & mask];
        }
        return bias[h] + scale * sum;
    }

    /** Attribution of occurrence {@code i} to head {@code h}, in logit units. */
    double attribution(int h, FeatureBuffer fb, int i, int lang, int[] langHashes, double scale) {
        float[] w = weights[h];
        int mask = masks[h];
        double v = w[fb.hashes[i] & mask];
        if (lang >= 0) {
            v += w[langHashes[i] & mask];
        }
        return scale * v;
    }

    /** Calibrated probability for the toxicity logit. */
    double calibrate(double z, int lang) {
        double a = lang < 0 ? 1 : calibrationA[lang];
        double b = lang < 0 ? 0 : calibrationB[lang];
        return sigmoid(a * z + b);
    }

    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    /**
     * Everything about the model that is not a weight: version, hashing parameters, span threshold and the
     * per-language development metrics recorded at training time.
     */
    public record ModelInfo(String version, int maxCharN, double defaultThreshold, double spanThreshold,
                            Map<String, Object> metadata) {
    }
}
