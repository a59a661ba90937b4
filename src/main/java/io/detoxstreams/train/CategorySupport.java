package io.detoxstreams.train;

import io.detoxstreams.data.Split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which category heads each language has real evidence for. A head trained on a language's negatives alone (ru
 * comments are never annotated as insults, only their neutral rewrites are all-zero) would learn "this language is
 * never insulting", so for a language with fewer than {@link #MIN_POSITIVES} positive training examples of a
 * category, that category's labels are dropped (not trained), and the classifier does not report the category for
 * the language.
 */
final class CategorySupport {

    static final int MIN_POSITIVES = 30;

    private CategorySupport() {
    }

    /** Drops unsupported labels in place and returns lang → supported category names. */
    static Map<String, List<String>> apply(List<Example> examples) {
        Map<String, int[]> positives = new HashMap<>();
        for (Example e : examples) {
            if (e.split() != Split.TRAIN) {
                continue;
            }
            int[] p = positives.computeIfAbsent(e.lang(), k -> new int[Heads.COUNT]);
            for (int h = 1; h < Heads.COUNT; h++) {
                if (e.labels()[h] == 1f) {
                    p[h]++;
                }
            }
        }
        for (Example e : examples) {
            int[] p = positives.getOrDefault(e.lang(), new int[Heads.COUNT]);
            for (int h = 1; h < Heads.COUNT; h++) {
                if (p[h] < MIN_POSITIVES) {
                    e.labels()[h] = Float.NaN;
                }
            }
        }
        Map<String, List<String>> support = new TreeMap<>();
        positives.forEach((lang, p) -> {
            List<String> heads = new ArrayList<>();
            for (int h = 1; h < Heads.COUNT; h++) {
                if (p[h] >= MIN_POSITIVES) {
                    heads.add(Heads.NAMES.get(h));
                }
            }
            support.put(lang, heads);
        });
        return support;
    }
}
