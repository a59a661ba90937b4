package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.Category;
import io.detoxstreams.classify.Coverage;
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
 * (w[h][f] + w[h][f ⊕ lang])}; the per-occurrence terms are the linear attributions that become spans. Weights are
 * held as 16-bit integers with one scale per head (as stored in the model file): half the memory of floats, so
 * more of the tables stay in cache.
 */
public final class LinearModel {

    final ModelInfo info;
    final String[] heads;
    final int[] masks;
    /** Quantized weights per head; the weight of bucket b is {@code weights[h][b] * scales[h]}. */
    final short[][] weights;
    final float[] scales;
    final float[] bias;
    final List<String> languages;
    /** lang → index in {@link #languages} (the first, as {@link List#indexOf}), for the per-comment look-up. */
    private final Map<String, Integer> languageIndexes;
    final int[] languageSeeds;
    final float[][] languageBias;
    final float[] calibrationA;
    final float[] calibrationB;
    final float[] thresholds;
    final MaskDictionary maskDictionary;
    final WordSegmenter segmenter;
    final LexiconMatcher lexicon;
    final Featurizer featurizer;
    /**
     * The category heads (1..n-1) interleaved bucket-major, {@code packed[bucket * (n-1) + (h-1)]}, so scoring all
     * categories touches one cache line per feature instead of one per head.
     */
    final short[] packedCategories;
    final int categoryMask;
    /** supported[lang][head]: the head has training evidence for the language (head 0 always). */
    final boolean[][] supported;
    /** Per language: lower bound of the review band, threat-head threshold, coverage (from {@link #OPERATING_POINT}). */
    final float[] reviewThresholds;
    final double[] threatThresholds;
    final Coverage[] coverage;
    /** Index of the {@code threat} head, or -1. */
    final int threatHead;
    /** copies[lang]: the language has per-language copies of the features (from {@link #LANGUAGE_COPIES}). */
    final boolean[] copies;

    /** Metadata key: language → category heads with training evidence for it. */
    public static final String CATEGORY_SUPPORT = "category_support";
    /**
     * Metadata key: language → {@code {review_threshold, threat_threshold, coverage, …}}, the operating point chosen
     * at training time. A model without it has no review band, no threat threshold, and every language counts as
     * supported.
     */
    public static final String OPERATING_POINT = "operating_point";
    /**
     * Metadata key: the languages whose features have per-language copies. A model without it gives every language
     * copies; one with it gives them only to the languages listed (those with natural comments: a copy learned from a
     * few hundred test-suite sentences memorizes their wording and scores everyday text on noise).
     */
    public static final String LANGUAGE_COPIES = "language_copies";

    LinearModel(ModelInfo info, String[] heads, int[] bits, short[][] weights, float[] scales, float[] bias,
                List<String> languages, float[][] languageBias, float[] calibrationA, float[] calibrationB,
                float[] thresholds, MaskDictionary maskDictionary, WordSegmenter segmenter,
                LexiconMatcher lexicon) {
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
        this.scales = scales;
        this.bias = bias;
        this.languages = List.copyOf(languages);
        Map<String, Integer> indexes = new java.util.HashMap<>();
        for (int i = 0; i < this.languages.size(); i++) {
            indexes.putIfAbsent(this.languages.get(i), i);
        }
        this.languageIndexes = Map.copyOf(indexes);
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
        this.lexicon = lexicon;
        this.featurizer = new Featurizer(info.maxCharN(), lexicon);
        int cats = heads.length - 1;
        int catBits = cats == 0 ? 0 : bits[1];
        for (int h = 2; h < heads.length; h++) {
            if (bits[h] != catBits) {
                throw new IllegalArgumentException("category heads must share one feature space size");
            }
        }
        this.categoryMask = cats == 0 ? 0 : (1 << catBits) - 1;
        this.packedCategories = new short[cats == 0 ? 0 : (1 << catBits) * cats];
        for (int h = 1; h < heads.length; h++) {
            short[] w = weights[h];
            for (int b = 0; b < w.length; b++) {
                packedCategories[b * cats + h - 1] = w[b];
            }
        }
        this.supported = new boolean[languages.size()][heads.length];
        Object support = info.metadata().get(CATEGORY_SUPPORT);
        for (int l = 0; l < languages.size(); l++) {
            for (int h = 0; h < heads.length; h++) {
                supported[l][h] = h == 0 || !(support instanceof Map<?, ?> m)
                        || (m.get(languages.get(l)) instanceof List<?> list && list.contains(heads[h]));
            }
        }
        this.threatHead = java.util.Arrays.asList(heads).indexOf(Category.THREAT.wireName());
        this.copies = new boolean[languages.size()];
        Object withCopies = info.metadata().get(LANGUAGE_COPIES);
        for (int l = 0; l < languages.size(); l++) {
            copies[l] = !(withCopies instanceof List<?> list) || list.contains(languages.get(l));
        }
        this.reviewThresholds = new float[languages.size()];
        this.threatThresholds = new double[languages.size()];
        this.coverage = new Coverage[languages.size()];
        Object points = info.metadata().get(OPERATING_POINT);
        for (int l = 0; l < languages.size(); l++) {
            Map<?, ?> p = points instanceof Map<?, ?> m && m.get(languages.get(l)) instanceof Map<?, ?> pm ? pm
                    : Map.of();
            reviewThresholds[l] = p.get("review_threshold") instanceof Number n
                    ? Math.min(n.floatValue(), thresholds[l]) : thresholds[l];
            threatThresholds[l] = threatHead >= 0 && supported[l][threatHead]
                    && p.get("threat_threshold") instanceof Number n ? n.doubleValue() : Double.POSITIVE_INFINITY;
            coverage[l] = p.get("coverage") instanceof String c ? Coverage.fromWireName(c) : Coverage.SUPPORTED;
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

    /** The seed of language index {@code lang} for lexicon lookups, 0 (any language) for -1. */
    int lexiconSeed(int lang) {
        return lang < 0 ? 0 : languageSeeds[lang];
    }

    /** Index of {@code lang} in {@link #languages()}, or -1 when the model has no data for it. */
    public int languageIndex(String lang) {
        return lang == null ? -1 : languageIndexes.getOrDefault(lang, -1);
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

    /** The lower bound of the review band for a language index (the default threshold for -1: no band). */
    public double reviewThreshold(int lang) {
        return lang < 0 ? info.defaultThreshold() : reviewThresholds[lang];
    }

    /** The threat-head score at which the model reads a comment as a threat; infinite without evidence. */
    public double threatThreshold(int lang) {
        return lang < 0 ? Double.POSITIVE_INFINITY : threatThresholds[lang];
    }

    /** What the model knows about a language index; {@link Coverage#UNSUPPORTED} for -1. */
    public Coverage coverage(int lang) {
        return lang < 0 ? Coverage.UNSUPPORTED : coverage[lang];
    }

    /**
     * Fills {@code langHashes} with the per-language copies of {@code fb}'s hashes (when the language is known) and
     * returns the per-occurrence scale 1/sqrt(N).
     */
    double prepare(FeatureBuffer fb, int lang, int[] langHashes) {
        if (lang >= 0 && copies[lang]) {
            int seed = languageSeeds[lang];
            for (int i = 0; i < fb.size; i++) {
                langHashes[i] = Featurizer.forLanguage(fb.hashes[i], seed);
            }
        }
        int n = fb.occurrences();
        return n == 0 ? 0 : 1.0 / Math.sqrt(n);
    }

    /**
     * The quantized toxicity-head weight one occurrence of {@code hash} adds to the sum of {@link #logit} (shared and,
     * where the language has them, per-language copy), for {@link Featurizer.WordSums}.
     */
    long toxicityWeight(int hash, int lang) {
        short[] w = weights[0];
        int mask = masks[0];
        long v = w[hash & mask];
        if (lang >= 0 && copies[lang]) {
            v += w[Featurizer.forLanguage(hash, languageSeeds[lang]) & mask];
        }
        return v;
    }

    /**
     * The raw logits of every head into {@code out[0..n-1]} in one pass over the features: the toxicity head and the
     * packed category heads read per occurrence together, summed exactly in {@code long}s, so each logit equals
     * {@link #logit} of its head bit for bit.
     */
    void logits(FeatureBuffer fb, int lang, int[] langHashes, double scale, double[] out) {
        requireListed(fb);
        int cats = heads.length - 1;
        if (cats != 4) {
            out[0] = logit(0, fb, lang, langHashes, scale);
            categoryLogits(fb, lang, langHashes, scale, out);
            return;
        }
        short[] tw = weights[0];
        int tmask = masks[0];
        short[] cw = packedCategories;
        int cmask = categoryMask;
        int[] hs = fb.hashes;
        int n = fb.size;
        long t = 0;
        long c0 = 0;
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        if (lang >= 0 && copies[lang]) {
            for (int i = 0; i < n; i++) {
                int hash = hs[i];
                int lh = langHashes[i];
                t += tw[hash & tmask] + tw[lh & tmask];
                int b = (hash & cmask) << 2;
                int lb = (lh & cmask) << 2;
                c0 += cw[b] + cw[lb];
                c1 += cw[b + 1] + cw[lb + 1];
                c2 += cw[b + 2] + cw[lb + 2];
                c3 += cw[b + 3] + cw[lb + 3];
            }
        } else {
            for (int i = 0; i < n; i++) {
                int hash = hs[i];
                t += tw[hash & tmask];
                int b = (hash & cmask) << 2;
                c0 += cw[b];
                c1 += cw[b + 1];
                c2 += cw[b + 2];
                c3 += cw[b + 3];
            }
        }
        out[0] = headLogit(0, lang, scale, t);
        out[1] = headLogit(1, lang, scale, c0);
        out[2] = headLogit(2, lang, scale, c1);
        out[3] = headLogit(3, lang, scale, c2);
        out[4] = headLogit(4, lang, scale, c3);
    }

    /** Head {@code h}'s logit from its summed quantized weights: the one formula every scoring path uses. */
    private double headLogit(int h, int lang, double scale, long sum) {
        return bias[h] + (lang >= 0 ? languageBias[lang][h] : 0) + scale * scales[h] * sum;
    }

    /** The raw logit of head {@code h} alone. */
    double logit(int h, FeatureBuffer fb, int lang, int[] langHashes, double scale) {
        if (h != 0) {
            requireListed(fb);
        }
        short[] w = weights[h];
        int mask = masks[h];
        long sum = fb.recalledSum;
        int n = fb.size;
        int[] hs = fb.hashes;
        if (lang >= 0 && copies[lang]) {
            for (int i = 0; i < n; i++) {
                sum += w[hs[i] & mask] + w[langHashes[i] & mask];
            }
        } else {
            for (int i = 0; i < n; i++) {
                sum += w[hs[i] & mask];
            }
        }
        return headLogit(h, lang, scale, sum);
    }

    /** The raw logits of all category heads into {@code out[1..n-1]} in one pass (any number of categories). */
    private void categoryLogits(FeatureBuffer fb, int lang, int[] langHashes, double scale, double[] out) {
        int cats = heads.length - 1;
        long[] sum = new long[cats];
        int[] hs = fb.hashes;
        short[] w = packedCategories;
        int mask = categoryMask;
        boolean withCopies = lang >= 0 && copies[lang];
        for (int i = 0; i < fb.size; i++) {
            int base = (hs[i] & mask) * cats;
            for (int c = 0; c < cats; c++) {
                sum[c] += w[base + c];
            }
            if (withCopies) {
                int lb = (langHashes[i] & mask) * cats;
                for (int c = 0; c < cats; c++) {
                    sum[c] += w[lb + c];
                }
            }
        }
        for (int c = 0; c < cats; c++) {
            out[c + 1] = headLogit(c + 1, lang, scale, sum[c]);
        }
    }

    /** Recalled sums are of the toxicity head only, and carry no ranges: every other use needs every feature listed. */
    static void requireListed(FeatureBuffer fb) {
        if (fb.recalledCount != 0) {
            throw new IllegalStateException("features recalled by WordSums serve the toxicity logit only");
        }
    }

    /** Attribution of occurrence {@code i} to head {@code h}, in logit units. */
    double attribution(int h, FeatureBuffer fb, int i, int lang, int[] langHashes, double scale) {
        short[] w = weights[h];
        int mask = masks[h];
        int v = w[fb.hashes[i] & mask];
        if (lang >= 0 && copies[lang]) {
            v += w[langHashes[i] & mask];
        }
        return scale * scales[h] * v;
    }

    /** Quantizes float weights to 16 bits with one scale per head (max |w| maps to 32767). */
    static float quantize(float[] w, short[] out) {
        float max = 0;
        for (float v : w) {
            max = Math.max(max, Math.abs(v));
        }
        float scale = max == 0 ? 1 : max / Short.MAX_VALUE;
        for (int i = 0; i < w.length; i++) {
            out[i] = (short) Math.round(w[i] / scale);
        }
        return scale;
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
