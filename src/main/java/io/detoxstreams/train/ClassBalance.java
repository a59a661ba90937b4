package io.detoxstreams.train;

import io.detoxstreams.data.Split;

import java.util.List;

/**
 * Languages whose only training data are test suites and lexicons (no natural comments, no neutral rewrites: fr,
 * it, nl, pl in ../shared/data) see almost only toxic text, so a per-language bias would learn "this language is
 * toxic" and flag every ordinary comment. For them the toxic and non-toxic examples are weighted to equal totals
 * and no per-language bias is learned; the shared model decides what ordinary text looks like.
 */
final class ClassBalance {

    private final boolean[] natural;
    private final double[] positiveWeight;
    private final double[] negativeWeight;

    private ClassBalance(boolean[] natural, double[] positiveWeight, double[] negativeWeight) {
        this.natural = natural;
        this.positiveWeight = positiveWeight;
        this.negativeWeight = negativeWeight;
    }

    static ClassBalance of(List<Example> examples, List<String> languages, int[] languageOf) {
        int n = languages.size();
        boolean[] natural = new boolean[n];
        long[] pos = new long[n];
        long[] neg = new long[n];
        for (int i = 0; i < examples.size(); i++) {
            Example e = examples.get(i);
            int l = languageOf[i];
            if (e.corpus() == Example.Corpus.TOXICITY || e.corpus() == Example.Corpus.DETOX) {
                natural[l] = true;
            }
            if (e.split() == Split.TRAIN) {
                if (e.toxic() == 1f) {
                    pos[l]++;
                } else {
                    neg[l]++;
                }
            }
        }
        double[] pw = new double[n];
        double[] nw = new double[n];
        for (int l = 0; l < n; l++) {
            pw[l] = 1;
            nw[l] = 1;
            if (!natural[l] && pos[l] > 0 && neg[l] > 0) {
                double total = pos[l] + neg[l];
                pw[l] = total / (2.0 * pos[l]);
                nw[l] = total / (2.0 * neg[l]);
            }
        }
        return new ClassBalance(natural, pw, nw);
    }

    double weight(int lang, float toxic) {
        return toxic == 1f ? positiveWeight[lang] : negativeWeight[lang];
    }

    boolean learnsLanguageBias(int lang) {
        return natural[lang];
    }
}
