package io.detoxstreams.classify.embedded;

import io.detoxstreams.text.MaskDictionary;
import io.detoxstreams.text.WordSegmenter;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The pieces of the embedded model that the trainer needs: feature hashing exactly as inference does it, and a way
 * to assemble a {@link LinearModel} from trained arrays. Not part of the runtime API.
 */
public final class TrainingAccess {

    private TrainingAccess() {
    }

    /** The feature hashes of normalized text, as the classifier computes them (without lexicon features). */
    public static int[] hashes(String normalized, int maxCharN) {
        FeatureBuffer fb = new FeatureBuffer();
        new Featurizer(maxCharN).extract(normalized, fb);
        return Arrays.copyOf(fb.hashes, fb.size);
    }

    /** A featurizer with lexicon-hit features, as a model with these lexicons builds it. */
    public static Featurizer featurizer(int maxCharN, Map<String, List<String>> lexicon) {
        return new Featurizer(maxCharN, new LexiconMatcher(lexicon));
    }

    /** The feature hashes of normalized text in language {@code lang}, with lexicon features. */
    public static int[] hashes(Featurizer featurizer, String normalized, String lang) {
        FeatureBuffer fb = new FeatureBuffer();
        featurizer.extract(normalized, lang == null ? 0 : LinearModel.languageSeed(lang), fb);
        return Arrays.copyOf(fb.hashes, fb.size);
    }

    /** The per-language copies of {@code hashes}. */
    public static int[] languageHashes(int[] hashes, String lang) {
        int seed = LinearModel.languageSeed(lang);
        int[] out = new int[hashes.length];
        for (int i = 0; i < hashes.length; i++) {
            out[i] = Featurizer.forLanguage(hashes[i], seed);
        }
        return out;
    }

    public static LinearModel model(LinearModel.ModelInfo info, String[] heads, int[] bits, float[][] weights,
                                    float[] bias, List<String> languages, float[][] languageBias,
                                    float[] calibrationA, float[] calibrationB, float[] thresholds,
                                    MaskDictionary masks, WordSegmenter segmenter,
                                    Map<String, List<String>> lexicon) {
        short[][] q = new short[weights.length][];
        float[] scales = new float[weights.length];
        for (int h = 0; h < weights.length; h++) {
            q[h] = new short[weights[h].length];
            scales[h] = LinearModel.quantize(weights[h], q[h]);
        }
        return new LinearModel(info, heads, bits, q, scales, bias, languages, languageBias, calibrationA,
                calibrationB, thresholds, masks, segmenter, new LexiconMatcher(lexicon));
    }

    /** A copy of {@code model} with other span threshold and metadata. */
    public static LinearModel withInfo(LinearModel m, LinearModel.ModelInfo info) {
        int[] bits = new int[m.heads.length];
        for (int h = 0; h < bits.length; h++) {
            bits[h] = Integer.numberOfTrailingZeros(m.weights[h].length);
        }
        return new LinearModel(info, m.heads, bits, m.weights, m.scales, m.bias, m.languages, m.languageBias,
                m.calibrationA, m.calibrationB, m.thresholds, m.maskDictionary, m.segmenter, m.lexicon);
    }
}
