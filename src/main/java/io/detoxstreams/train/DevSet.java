package io.detoxstreams.train;

import io.detoxstreams.data.Split;
import io.detoxstreams.scoring.BinaryMetrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The development examples that decide each language's calibration and threshold: its natural comments
 * ({@code toxicity/<lang>.tsv}) when it has them, else its functional tests, else its detox pairs (toxic vs neutral).
 */
final class DevSet {

    final Map<String, int[]> byLanguage;

    private DevSet(Map<String, int[]> byLanguage) {
        this.byLanguage = byLanguage;
    }

    static DevSet of(List<Example> examples, List<String> languages) {
        Map<String, int[]> m = new LinkedHashMap<>();
        for (String lang : languages) {
            for (Example.Corpus c : List.of(Example.Corpus.TOXICITY, Example.Corpus.FUNCTIONAL,
                    Example.Corpus.DETOX)) {
                List<Integer> idx = new ArrayList<>();
                for (int i = 0; i < examples.size(); i++) {
                    Example e = examples.get(i);
                    if (e.split() == Split.DEV && e.corpus() == c && e.lang().equals(lang)) {
                        idx.add(i);
                    }
                }
                if (hasBothClasses(examples, idx)) {
                    m.put(lang, idx.stream().mapToInt(Integer::intValue).toArray());
                    break;
                }
            }
        }
        return new DevSet(m);
    }

    private static boolean hasBothClasses(List<Example> examples, List<Integer> idx) {
        boolean pos = false;
        boolean neg = false;
        for (int i : idx) {
            if (examples.get(i).toxic() == 1f) {
                pos = true;
            } else {
                neg = true;
            }
        }
        return pos && neg;
    }

    /** Mean over languages of the best achievable dev macro-F1 (threshold picked per language). */
    double meanMacroF1(IntToDoubleFunction logit, List<Example> examples) {
        double sum = 0;
        for (int[] idx : byLanguage.values()) {
            double[] s = new double[idx.length];
            int[] y = new int[idx.length];
            for (int k = 0; k < idx.length; k++) {
                s[k] = logit.applyAsDouble(idx[k]);
                y[k] = examples.get(idx[k]).toxic() == 1f ? 1 : 0;
            }
            sum += BinaryMetrics.of(s, y, BinaryMetrics.bestMacroF1Threshold(s, y)).macroF1();
        }
        return byLanguage.isEmpty() ? 0 : sum / byLanguage.size();
    }
}
