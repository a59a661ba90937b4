package io.detoxstreams.fluency;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Estimates an {@link NgramModel} with interpolated modified Kneser–Ney smoothing (Chen &amp; Goodman 1998, the
 * variant KenLM and SRILM {@code -kndiscount -interpolate} implement): the highest order uses raw counts, lower orders
 * continuation counts (in how many distinct contexts a word follows), except n-grams that start with {@code <s>},
 * which keep raw counts; three discounts per order from the count-of-counts; the unigrams interpolate with a uniform
 * distribution, so every vocabulary entry, {@code <unk>} included, has a probability. Tokens seen fewer than
 * {@code minCount} times become {@code <unk>}.
 *
 * <p>N-grams are counted as packed longs, so {@code order × bits(vocabulary)} must fit in 63 bits. Deterministic:
 * the result depends only on the sentences and the options (counts are integers; every probability is computed from
 * them independently of iteration order).
 */
final class KneserNeyEstimator {

    private final int order;
    private final int minCount;

    KneserNeyEstimator(int order, int minCount) {
        if (order < 1 || order > 6) {
            throw new IllegalArgumentException("order must be in 1..6, got " + order);
        }
        this.order = order;
        this.minCount = Math.max(1, minCount);
    }

    NgramModel estimate(List<List<String>> sentences) {
        String[] vocabulary = vocabulary(sentences);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < vocabulary.length; i++) {
            index.put(vocabulary[i], i);
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(vocabulary.length - 1));
        if (bits * order > 63) {
            throw new IllegalArgumentException("vocabulary of " + vocabulary.length + " is too large for order "
                    + order + " (n-grams are packed into 63 bits); raise minCount");
        }
        List<int[]> encoded = new ArrayList<>(sentences.size());
        for (List<String> s : sentences) {
            int[] ids = new int[s.size() + 2];
            ids[0] = NgramModel.BOS;
            for (int i = 0; i < s.size(); i++) {
                ids[i + 1] = index.getOrDefault(s.get(i), NgramModel.UNK);
            }
            ids[ids.length - 1] = NgramModel.EOS;
            encoded.add(ids);
        }
        Packing pack = new Packing(bits);
        List<Map<Long, Integer>> raw = rawCounts(encoded, pack);
        List<Map<Long, Integer>> adjusted = adjusted(raw, pack);
        NgramTable[] tables = probabilities(adjusted, vocabulary.length, pack);
        return new NgramModel(order, vocabulary, tables, frequencies(raw.get(0), vocabulary.length));
    }

    /** Specials first, then the tokens seen at least {@code minCount} times by falling count, ties by token. */
    private String[] vocabulary(List<List<String>> sentences) {
        Map<String, Integer> counts = new TreeMap<>();
        for (List<String> s : sentences) {
            for (String t : s) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        List<String> words = new ArrayList<>();
        counts.forEach((w, c) -> {
            if (c >= minCount && !NgramModel.SPECIALS.contains(w)) {
                words.add(w);
            }
        });
        words.sort((a, b) -> {
            int cmp = Integer.compare(counts.get(b), counts.get(a));
            return cmp != 0 ? cmp : a.compareTo(b);
        });
        List<String> all = new ArrayList<>(NgramModel.SPECIALS);
        all.addAll(words);
        return all.toArray(new String[0]);
    }

    /** Ids packed first-to-last into a long, {@code bits} per id. */
    private record Packing(int bits) {

        long pack(int[] ids, int from, int to) {
            long k = 0;
            for (int i = from; i < to; i++) {
                k = (k << bits) | ids[i];
            }
            return k;
        }

        int[] unpack(long key, int n) {
            int[] ids = new int[n];
            long mask = (1L << bits) - 1;
            for (int i = n - 1; i >= 0; i--) {
                ids[i] = (int) (key & mask);
                key >>>= bits;
            }
            return ids;
        }

        int first(long key, int n) {
            return (int) (key >>> (bits * (n - 1)));
        }

        long context(long key) {
            return key >>> bits;
        }

        long suffix(long key, int n) {
            return n == 1 ? 0 : key & ((1L << (bits * (n - 1))) - 1);
        }
    }

    /** raw.get(n - 1): every n-gram ending at a predicted position (not the leading {@code <s>}). */
    private List<Map<Long, Integer>> rawCounts(List<int[]> sentences, Packing pack) {
        List<Map<Long, Integer>> raw = new ArrayList<>();
        for (int n = 0; n < order; n++) {
            raw.add(new HashMap<>());
        }
        for (int[] ids : sentences) {
            for (int i = 1; i < ids.length; i++) {
                for (int n = 1; n <= order && i - n + 1 >= 0; n++) {
                    raw.get(n - 1).merge(pack.pack(ids, i - n + 1, i + 1), 1, Integer::sum);
                }
            }
        }
        return raw;
    }

    /** Highest order raw; lower orders the number of distinct left extensions, raw for n-grams starting {@code <s>}. */
    private List<Map<Long, Integer>> adjusted(List<Map<Long, Integer>> raw, Packing pack) {
        List<Map<Long, Integer>> adj = new ArrayList<>();
        for (int n = 1; n <= order; n++) {
            if (n == order) {
                adj.add(raw.get(n - 1));
                continue;
            }
            Map<Long, Integer> continuation = new HashMap<>();
            int longer = n + 1;
            for (Long k : raw.get(n).keySet()) {
                continuation.merge(pack.suffix(k, longer), 1, Integer::sum);
            }
            Map<Long, Integer> a = new HashMap<>();
            int len = n;
            raw.get(n - 1).forEach((k, c) -> a.put(k, pack.first(k, len) == NgramModel.BOS ? c
                    : continuation.getOrDefault(k, c)));
            adj.add(a);
        }
        return adj;
    }

    /** Modified KN discounts D1, D2, D3+ from the count-of-counts of one order (Chen &amp; Goodman eq. 26). */
    static double[] discounts(Map<Long, Integer> counts) {
        long[] n = new long[5];
        for (int c : counts.values()) {
            if (c <= 4) {
                n[c]++;
            }
        }
        double[] d = {0.5, 1.0, 1.5};
        if (n[1] > 0 && n[2] > 0) {
            double y = (double) n[1] / (n[1] + 2.0 * n[2]);
            d[0] = 1 - 2 * y * n[2] / n[1];
            if (n[3] > 0) {
                d[1] = 2 - 3 * y * n[3] / n[2];
            }
            if (n[3] > 0 && n[4] > 0) {
                d[2] = 3 - 4 * y * n[4] / n[3];
            }
        }
        for (int k = 0; k < 3; k++) {
            d[k] = Math.max(0.05, Math.min(k + 1 - 0.05, d[k]));
        }
        return d;
    }

    private static double discount(double[] d, int c) {
        return c <= 0 ? 0 : d[Math.min(c, 3) - 1];
    }

    /** Per context: total adjusted count and the discounted mass γ numerator. */
    private static final class Context {
        long total;
        double mass;
    }

    private NgramTable[] probabilities(List<Map<Long, Integer>> adj, int vocabularySize, Packing pack) {
        NgramTable[] tables = new NgramTable[order];
        List<Map<Long, Double>> probs = new ArrayList<>();
        List<Map<Long, Double>> gammas = new ArrayList<>();
        for (int n = 1; n <= order; n++) {
            double[] d = discounts(adj.get(n - 1));
            Map<Long, Context> contexts = new HashMap<>();
            boolean unigrams = n == 1;
            adj.get(n - 1).forEach((k, c) -> {
                Context ctx = contexts.computeIfAbsent(unigrams ? 0L : pack.context(k), x -> new Context());
                ctx.total += c;
                ctx.mass += discount(d, c);
            });
            Map<Long, Double> p = new HashMap<>();
            Map<Long, Double> gamma = new HashMap<>();
            contexts.forEach((k, ctx) -> gamma.put(k, ctx.mass / ctx.total));
            if (n == 1) {
                Context all = contexts.get(0L);
                double uniform = 1.0 / (vocabularySize - 1); // every id but <s> can be predicted
                for (int id = 0; id < vocabularySize; id++) {
                    if (id == NgramModel.BOS) {
                        continue;
                    }
                    long key = id;
                    int c = adj.get(0).getOrDefault(key, 0);
                    p.put(key, Math.max(0, c - discount(d, c)) / all.total + all.mass / all.total * uniform);
                }
            } else {
                Map<Long, Double> lower = probs.get(n - 2);
                int len = n;
                adj.get(n - 1).forEach((k, c) -> {
                    long ctx = pack.context(k);
                    Context cx = contexts.get(ctx);
                    double backoff = lower.get(pack.suffix(k, len));
                    p.put(k, Math.max(0, c - discount(d, c)) / cx.total + cx.mass / cx.total * backoff);
                });
            }
            probs.add(p);
            gammas.add(gamma);
        }
        for (int n = 1; n <= order; n++) {
            Map<Long, Double> p = probs.get(n - 1);
            Map<Long, Double> nextGamma = n < order ? gammas.get(n) : Map.of();
            NgramTable t = new NgramTable(p.size() + 1);
            long[] keys = p.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
            for (long key : keys) {
                int[] ids = pack.unpack(key, n);
                Double g = nextGamma.get(key);
                t.put(NgramTable.hash(ids, 0, n), StrictMath.log10(p.get(key)), g == null ? 0.0 : StrictMath.log10(g));
            }
            if (n == 1) {
                Double g = nextGamma.get((long) NgramModel.BOS);
                t.put(NgramTable.hash(new int[] {NgramModel.BOS}, 0, 1), Double.NEGATIVE_INFINITY,
                        g == null ? 0.0 : StrictMath.log10(g));
            }
            tables[n - 1] = t;
        }
        return tables;
    }

    /** log10 relative frequency of each id among the predicted training tokens; unseen ids get half a count. */
    private static float[] frequencies(Map<Long, Integer> unigrams, int vocabularySize) {
        long total = 0;
        for (int c : unigrams.values()) {
            total += c;
        }
        float[] f = new float[vocabularySize];
        for (int id = 0; id < vocabularySize; id++) {
            int c = unigrams.getOrDefault((long) id, 0);
            f[id] = (float) StrictMath.log10((c == 0 ? 0.5 : c) / (double) Math.max(1, total));
        }
        return f;
    }
}
