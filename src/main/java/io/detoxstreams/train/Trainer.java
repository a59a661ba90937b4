package io.detoxstreams.train;

import io.detoxstreams.data.Split;
import io.detoxstreams.classify.embedded.TrainingAccess;
import io.detoxstreams.text.TextNormalizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Learns the linear heads of the embedded model from {@link Example}s with AdaGrad SGD on the logistic loss,
 * deterministically (single-threaded updates, seeded shuffling). Trains on {@link Split#TRAIN}, keeps the epoch with
 * the best mean development macro-F1 and leaves calibration and thresholds to {@link Calibration}.
 */
public final class Trainer {

    private final TrainingOptions options;
    private final Progress progress;
    private ClassBalance balance;

    public Trainer(TrainingOptions options, Progress progress) {
        this.options = options;
        this.progress = progress;
    }

    /**
     * The trained weights plus what calibration needs: dev logits per example.
     *
     * @param copies the languages whose features have per-language copies
     */
    public record Weights(List<String> languages, String[] heads, int[] bits, float[][] weights, float[] bias,
                          float[][] languageBias, int bestEpoch, List<Double> devScores, List<String> copies) {
    }

    /**
     * The languages that get per-language copies of the features: with {@code languageCopies} on, those with natural
     * comments or detox pairs. A language known only from test suites (fr, it, nl, pl) gets none: a copy learned from
     * a few hundred template sentences memorizes their wording, and everyday text is then scored on that noise.
     */
    static List<String> languagesWithCopies(List<Example> examples, List<String> languages, boolean languageCopies) {
        java.util.Set<String> natural = new java.util.HashSet<>();
        for (Example e : examples) {
            if (e.corpus() == Example.Corpus.TOXICITY || e.corpus() == Example.Corpus.DETOX) {
                natural.add(e.lang());
            }
        }
        return languageCopies ? languages.stream().filter(natural::contains).toList() : List.of();
    }

    public Weights train(List<Example> examples, TextNormalizer normalizer,
                         java.util.Map<String, List<String>> lexicon) {
        List<String> languages = new ArrayList<>(new TreeSet<>(examples.stream().map(Example::lang).toList()));
        List<String> copies = languagesWithCopies(examples, languages, options.languageCopies());
        boolean[] withCopies = new boolean[languages.size()];
        for (int l = 0; l < languages.size(); l++) {
            withCopies[l] = copies.contains(languages.get(l));
        }
        FeatureTable ft = FeatureTable.build(examples, languages, normalizer,
                TrainingAccess.featurizer(options.maxCharN(), lexicon), withCopies, progress);
        int heads = Heads.COUNT;
        int[] bits = new int[heads];
        float[][] w = new float[heads][];
        float[][] g2 = new float[heads][];
        for (int h = 0; h < heads; h++) {
            bits[h] = h == Heads.TOXICITY ? options.bits() : options.categoryBits();
            w[h] = new float[1 << bits[h]];
            g2[h] = new float[1 << bits[h]];
        }
        float[] bias = new float[heads];
        float[] biasG = new float[heads];
        float[][] langBias = new float[languages.size()][heads];
        float[][] langBiasG = new float[languages.size()][heads];

        int[] train = indices(examples, Split.TRAIN);
        balance = ClassBalance.of(examples, languages, ft.language);
        DevSet dev = DevSet.of(examples, languages);
        Random random = new Random(options.seed());
        double best = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        float[][] bestW = null;
        float[] bestBias = null;
        float[][] bestLangBias = null;
        List<Double> devScores = new ArrayList<>();
        float[][] avgW = null;
        float[] avgBias = null;
        float[][] avgLangBias = null;
        int averaged = 0;
        for (int epoch = 1; epoch <= options.epochs(); epoch++) {
            shuffle(train, random);
            for (int k = 0; k < train.length; k++) {
                int i = train[k];
                step(examples.get(i), ft.hashes[i], ft.languageHashes[i], ft.language[i], w, g2, bias, biasG,
                        langBias, langBiasG, bits);
                if ((k + 1) % 5000 == 0 || k + 1 == train.length) {
                    progress.update("epoch " + epoch + "/" + options.epochs(), k + 1, train.length);
                }
            }
            if (options.averageFrom() > 0 && epoch >= options.averageFrom()) {
                // Polyak-style averaging of the epoch-end weights: smoother than the last iterate.
                averaged++;
                if (avgW == null) {
                    avgW = deepCopy(w);
                    avgBias = bias.clone();
                    avgLangBias = deepCopy(langBias);
                } else {
                    accumulate(avgW, w, averaged);
                    accumulate(new float[][] {avgBias}, new float[][] {bias}, averaged);
                    accumulate(avgLangBias, langBias, averaged);
                }
            }
            float[][] ew = avgW != null ? avgW : w;
            float[] eb = avgW != null ? avgBias : bias;
            float[][] elb = avgW != null ? avgLangBias : langBias;
            double score = dev.meanMacroF1(i -> logit(Heads.TOXICITY, ft, i, ew, eb, elb, bits), examples);
            devScores.add(score);
            if (score > best) {
                best = score;
                bestEpoch = epoch;
                bestW = deepCopy(ew);
                bestBias = eb.clone();
                bestLangBias = deepCopy(elb);
            }
        }
        return new Weights(languages, Heads.NAMES.toArray(String[]::new), bits, bestW, bestBias, bestLangBias,
                bestEpoch, devScores, copies);
    }

    private void step(Example e, int[] hs, int[] lh, int lang, float[][] w, float[][] g2, float[] bias, float[] biasG,
                      float[][] langBias, float[][] langBiasG, int[] bits) {
        int n = hs.length;
        if (n == 0) {
            return;
        }
        double scale = 1.0 / Math.sqrt(n);
        double weight = options.weightOf(e.corpus()) * balance.weight(lang, e.toxic());
        double lr = options.learningRate();
        double l2 = options.l2();
        float[] labels = e.labels();
        for (int h = 0; h < labels.length; h++) {
            float y = labels[h];
            if (Float.isNaN(y)) {
                continue;
            }
            float[] wh = w[h];
            float[] gh = g2[h];
            int mask = (1 << bits[h]) - 1;
            double sum = 0;
            for (int k = 0; k < n; k++) {
                sum += wh[hs[k] & mask];
                if (lh != null) {
                    sum += wh[lh[k] & mask];
                }
            }
            double z = bias[h] + langBias[lang][h] + scale * sum;
            double g = (sigmoid(z) - y) * weight;
            double gs = g * scale;
            for (int k = 0; k < n; k++) {
                update(wh, gh, hs[k] & mask, gs, lr, l2);
                if (lh != null) {
                    update(wh, gh, lh[k] & mask, gs, lr, l2);
                }
            }
            biasG[h] += (float) (g * g);
            bias[h] -= (float) (lr * g / Math.sqrt(biasG[h] + 1e-8));
            if (balance.learnsLanguageBias(lang)) {
                langBiasG[lang][h] += (float) (g * g);
                langBias[lang][h] -= (float) (lr * g / Math.sqrt(langBiasG[lang][h] + 1e-8));
            }
        }
    }

    private static void update(float[] w, float[] g2, int b, double gs, double lr, double l2) {
        double grad = gs + l2 * w[b];
        g2[b] += (float) (grad * grad);
        w[b] -= (float) (lr * grad / Math.sqrt(g2[b] + 1e-8));
    }

    static double logit(int h, FeatureTable ft, int i, float[][] w, float[] bias, float[][] langBias, int[] bits) {
        int[] hs = ft.hashes[i];
        int[] lh = ft.languageHashes[i];
        if (hs.length == 0) {
            return bias[h] + langBias[ft.language[i]][h];
        }
        int mask = (1 << bits[h]) - 1;
        float[] wh = w[h];
        double sum = 0;
        for (int k = 0; k < hs.length; k++) {
            sum += wh[hs[k] & mask];
            if (lh != null) {
                sum += wh[lh[k] & mask];
            }
        }
        return bias[h] + langBias[ft.language[i]][h] + sum / Math.sqrt(hs.length);
    }

    static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }

    private static int[] indices(List<Example> examples, Split split) {
        return java.util.stream.IntStream.range(0, examples.size()).filter(i -> examples.get(i).split() == split)
                .toArray();
    }

    private static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** avg += (x - avg) / n, element-wise. */
    private static void accumulate(float[][] avg, float[][] x, int n) {
        for (int i = 0; i < avg.length; i++) {
            float[] a = avg[i];
            float[] b = x[i];
            for (int j = 0; j < a.length; j++) {
                a[j] += (b[j] - a[j]) / n;
            }
        }
    }

    private static float[][] deepCopy(float[][] a) {
        float[][] c = new float[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = Arrays.copyOf(a[i], a[i].length);
        }
        return c;
    }
}
