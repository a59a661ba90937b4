package io.detoxstreams.fluency;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains a {@link JunctionModel}: every junction between adjacent tokens of a human sentence is a positive example;
 * for each position, cutting out the next one to three tokens (when they hold at least one word outside the frequent
 * tokens, i.e. content, as a toxic span would) gives a negative one. Logistic regression, AdaGrad, examples in a
 * seeded order, arithmetic in {@link StrictMath}: the same sentences and options give a byte-identical model.
 */
public final class JunctionTrainer {

    /**
     * @param bits          log2 of the number of hashed weights
     * @param frequent      how many of the most frequent tokens stand for themselves as classes
     * @param epochs        passes over the sentences
     * @param learningRate  AdaGrad step size
     * @param seed          shuffling and cutting seed
     */
    public record Options(int bits, int frequent, int epochs, double learningRate, long seed) {

        public static Options defaults() {
            return new Options(18, 400, 3, 0.2, 20261201L);
        }
    }

    private final Options options;

    public JunctionTrainer(Options options) {
        this.options = options;
    }

    public JunctionModel train(List<List<String>> sentences) {
        Set<String> frequent = frequentTokens(sentences);
        JunctionModel shape = new JunctionModel(options.bits(), 0f, new float[1 << options.bits()], frequent);
        List<JunctionModel.Hashes> data = new ArrayList<>(sentences.size());
        List<boolean[]> content = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            if (s.size() < 2) {
                continue;
            }
            data.add(shape.hashes(s));
            boolean[] c = new boolean[s.size()];
            for (int i = 0; i < s.size(); i++) {
                c[i] = LmTokens.isWord(s.get(i)) && !frequent.contains(s.get(i));
            }
            content.add(c);
        }
        int dim = 1 << options.bits();
        int mask = dim - 1;
        double[] w = new double[dim];
        double[] g2 = new double[dim];
        double[] b = {0.0, 0.0};
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            order.add(i);
        }
        Random random = new Random(options.seed());
        int[] f = new int[JunctionModel.FEATURES];
        for (int epoch = 0; epoch < options.epochs(); epoch++) {
            Collections.shuffle(order, random);
            for (int s : order) {
                JunctionModel.Hashes h = data.get(s);
                boolean[] c = content.get(s);
                int n = h.size();
                for (int j = 0; j <= n; j++) {
                    update(h, j - 1, j, 1, f, w, g2, b, mask);
                    int k = 1 + random.nextInt(3);
                    if (j + k <= n && any(c, j, j + k)) {
                        update(h, j - 1, j + k, 0, f, w, g2, b, mask);
                    }
                }
            }
        }
        float[] weights = new float[dim];
        for (int i = 0; i < dim; i++) {
            weights[i] = (float) w[i];
        }
        return new JunctionModel(options.bits(), (float) b[0], weights, frequent);
    }

    /** One AdaGrad step on the junction between token {@code l} and token {@code r} (-1 = start, n = end). */
    private void update(JunctionModel.Hashes h, int l, int r, int y, int[] f, double[] w, double[] g2, double[] b,
                        int mask) {
        int li = l + 2;
        int ri = r + 2;
        JunctionModel.features(h.words()[li - 1], h.classes()[li - 1], h.words()[li], h.classes()[li],
                h.words()[ri], h.classes()[ri], h.words()[ri + 1], h.classes()[ri + 1], f);
        double z = b[0];
        for (int x : f) {
            z += w[x & mask];
        }
        double g = 1.0 / (1.0 + StrictMath.exp(-z)) - y;
        double lr = options.learningRate();
        for (int x : f) {
            int j = x & mask;
            g2[j] += g * g;
            w[j] -= lr * g / StrictMath.sqrt(g2[j] + 1e-6);
        }
        b[1] += g * g;
        b[0] -= lr * g / StrictMath.sqrt(b[1] + 1e-6);
    }

    private static boolean any(boolean[] c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (c[i]) {
                return true;
            }
        }
        return false;
    }

    /** The {@link Options#frequent} most frequent tokens, ties broken by the token. */
    private Set<String> frequentTokens(List<List<String>> sentences) {
        Map<String, Integer> counts = new HashMap<>();
        for (List<String> s : sentences) {
            for (String t : s) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> all = new ArrayList<>(counts.entrySet());
        all.sort((x, y) -> {
            int cmp = Integer.compare(y.getValue(), x.getValue());
            return cmp != 0 ? cmp : x.getKey().compareTo(y.getKey());
        });
        Set<String> out = new HashSet<>();
        for (int i = 0; i < Math.min(options.frequent(), all.size()); i++) {
            out.add(all.get(i).getKey());
        }
        return out;
    }
}
