package io.detoxstreams.train;

import io.detoxstreams.classify.embedded.TrainingAccess;
import io.detoxstreams.data.Split;
import io.detoxstreams.language.Script;
import io.detoxstreams.language.embedded.LangIdModel;
import io.detoxstreams.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Trains {@link LangIdModel} on the languages that share a script with another training language (Latin, Cyrillic):
 * softmax regression with AdaGrad, class weights that damp the large languages, seeded and single-threaded.
 */
public final class LangIdTrainer {

    static final int BITS = 17;
    static final int MAX_CHAR_N = 4;
    static final int EPOCHS = 3;
    static final double LR = 0.2;

    private LangIdTrainer() {
    }

    public static LangIdModel train(List<Example> examples, long seed, Progress progress) {
        TextNormalizer normalizer = TextNormalizer.withoutMasks();
        List<Example> usable = new ArrayList<>();
        for (Example e : examples) {
            if (e.split() == Split.TRAIN && sharedScript(e.text())) {
                usable.add(e);
            }
        }
        List<String> classes = new ArrayList<>(new TreeSet<>(usable.stream().map(Example::lang).toList()));
        int k = classes.size();
        int[] counts = new int[k];
        int[][] hashes = new int[usable.size()][];
        int[] y = new int[usable.size()];
        java.util.stream.IntStream.range(0, usable.size()).parallel().forEach(i ->
                hashes[i] = TrainingAccess.hashes(normalizer.normalize(usable.get(i).text()).text(), MAX_CHAR_N));
        for (int i = 0; i < usable.size(); i++) {
            y[i] = classes.indexOf(usable.get(i).lang());
            counts[y[i]]++;
        }
        double[] classWeight = new double[k];
        double mean = usable.size() / (double) Math.max(1, k);
        for (int c = 0; c < k; c++) {
            classWeight[c] = Math.max(0.2, Math.min(5, mean / Math.max(1, counts[c])));
        }
        int mask = (1 << BITS) - 1;
        float[] w = new float[(1 << BITS) * k];
        float[] g2 = new float[w.length];
        float[] bias = new float[k];
        float[] biasG = new float[k];
        int[] order = java.util.stream.IntStream.range(0, usable.size()).toArray();
        Random random = new Random(seed);
        double[] z = new double[k];
        for (int epoch = 1; epoch <= EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int n = 0; n < order.length; n++) {
                int i = order[n];
                int[] hs = hashes[i];
                if (hs.length == 0) {
                    continue;
                }
                double scale = 1 / Math.sqrt(hs.length);
                for (int c = 0; c < k; c++) {
                    z[c] = bias[c];
                }
                for (int h : hs) {
                    int base = (h & mask) * k;
                    for (int c = 0; c < k; c++) {
                        z[c] += scale * w[base + c];
                    }
                }
                double max = Double.NEGATIVE_INFINITY;
                for (double v : z) {
                    max = Math.max(max, v);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    z[c] = Math.exp(z[c] - max);
                    sum += z[c];
                }
                double cw = classWeight[y[i]];
                for (int c = 0; c < k; c++) {
                    double g = (z[c] / sum - (c == y[i] ? 1 : 0)) * cw;
                    double gs = g * scale;
                    for (int h : hs) {
                        int b = (h & mask) * k + c;
                        g2[b] += (float) (gs * gs);
                        w[b] -= (float) (LR * gs / Math.sqrt(g2[b] + 1e-8));
                    }
                    biasG[c] += (float) (g * g);
                    bias[c] -= (float) (LR * g / Math.sqrt(biasG[c] + 1e-8));
                }
                if ((n + 1) % 5000 == 0 || n + 1 == order.length) {
                    progress.update("language id " + epoch + "/" + EPOCHS, n + 1, order.length);
                }
            }
        }
        return new LangIdModel(classes, BITS, MAX_CHAR_N, bias, w);
    }

    /** Texts written mostly in Latin or Cyrillic letters. */
    static boolean sharedScript(String text) {
        int[] c = Script.count(text);
        int latin = c[Script.LATIN.ordinal()];
        int cyr = c[Script.CYRILLIC.ordinal()];
        int letters = 0;
        for (Script s : Script.values()) {
            if (s != Script.OTHER) {
                letters += c[s.ordinal()];
            }
        }
        return letters > 0 && (latin + cyr) * 2 > letters;
    }
}
