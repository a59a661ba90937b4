package io.detoxstreams.eval.baseline;

import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.eval.LanguageScore;
import io.detoxstreams.scoring.BinaryMetrics;
import io.detoxstreams.train.CorpusReader;
import io.detoxstreams.train.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The reference point the embedded model must beat, trained and scored in the same run: one plain logistic
 * regression per language over hashed character 2–5-grams of the lower-cased text (2^20 buckets, L2-normalized
 * counts, AdaGrad, 5 epochs), trained on that language's natural-comment train split only, with the macro-F1
 * threshold picked on its dev split. No normalization, no word features, no sharing across languages. It is always
 * scored on the test split (dev with {@code --split dev}), since it trains on the same directory.
 */
public final class CharNgramBaseline {

    private static final int BITS = 20;
    private static final int EPOCHS = 5;
    private static final double LR = 0.1;

    private CharNgramBaseline() {
    }

    public static List<LanguageScore> evaluate(Path dir, String split, Progress progress) {
        List<LanguageScore> out = new ArrayList<>();
        for (Path f : CorpusReader.tsvFiles(dir.resolve("toxicity"))) {
            out.add(evaluateFile(f, split));
            progress.update("baseline", out.size(), CorpusReader.tsvFiles(dir.resolve("toxicity")).size());
        }
        return out;
    }

    static LanguageScore evaluateFile(Path f, String split) {
        TsvTable t = TsvTable.read(f);
        int text = t.requireColumn("text");
        int label = t.requireColumn("label");
        List<int[]> feats = new ArrayList<>();
        List<Integer> ys = new ArrayList<>();
        List<Split> splits = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String s = t.get(r, text);
            String l = t.get(r, label).trim();
            if (s.isBlank() || !(l.equals("0") || l.equals("1"))) {
                continue;
            }
            feats.add(features(s));
            ys.add(Integer.parseInt(l));
            splits.add(Split.of(s));
        }
        float[] w = new float[1 << BITS];
        float[] g2 = new float[1 << BITS];
        double[] bias = {0, 0};
        List<Integer> train = new ArrayList<>();
        for (int i = 0; i < feats.size(); i++) {
            if (splits.get(i) == Split.TRAIN) {
                train.add(i);
            }
        }
        Random random = new Random(42);
        for (int e = 0; e < EPOCHS; e++) {
            java.util.Collections.shuffle(train, random);
            for (int i : train) {
                int[] x = feats.get(i);
                double scale = x.length == 0 ? 0 : 1 / Math.sqrt(x.length);
                double g = sigmoid(score(w, bias[0], x)) - ys.get(i);
                for (int b : x) {
                    double gr = g * scale;
                    g2[b] += (float) (gr * gr);
                    w[b] -= (float) (LR * gr / Math.sqrt(g2[b] + 1e-8));
                }
                bias[1] += g * g;
                bias[0] -= LR * g / Math.sqrt(bias[1] + 1e-8);
            }
        }
        double threshold = threshold(feats, ys, splits, w, bias[0]);
        List<Double> s = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < feats.size(); i++) {
            Split sp = splits.get(i);
            if (split.equals("all") || split.equals("auto") ? sp == Split.TEST : sp.name().equalsIgnoreCase(split)) {
                s.add(sigmoid(score(w, bias[0], feats.get(i))));
                y.add(ys.get(i));
            }
        }
        return new LanguageScore(CorpusReader.lang(f), "toxicity", split.equals("dev") ? "dev" : "test",
                BinaryMetrics.of(
                s.stream().mapToDouble(Double::doubleValue).toArray(), y.stream().mapToInt(Integer::intValue).toArray(),
                threshold));
    }

    private static double threshold(List<int[]> feats, List<Integer> ys, List<Split> splits, float[] w, double b) {
        List<Double> s = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (int i = 0; i < feats.size(); i++) {
            if (splits.get(i) == Split.DEV) {
                s.add(sigmoid(score(w, b, feats.get(i))));
                y.add(ys.get(i));
            }
        }
        return BinaryMetrics.bestMacroF1Threshold(s.stream().mapToDouble(Double::doubleValue).toArray(),
                y.stream().mapToInt(Integer::intValue).toArray());
    }

    private static double score(float[] w, double bias, int[] x) {
        double sum = 0;
        for (int b : x) {
            sum += w[b];
        }
        return bias + (x.length == 0 ? 0 : sum / Math.sqrt(x.length));
    }

    static int[] features(String text) {
        String s = " " + text.toLowerCase(Locale.ROOT) + " ";
        List<Integer> out = new ArrayList<>();
        for (int n = 2; n <= 5; n++) {
            for (int i = 0; i + n <= s.length(); i++) {
                out.add(s.substring(i, i + n).hashCode() * 0x9E3779B1 >>> (32 - BITS));
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
