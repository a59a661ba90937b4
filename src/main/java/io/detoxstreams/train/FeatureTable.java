package io.detoxstreams.train;

import io.detoxstreams.classify.embedded.Featurizer;
import io.detoxstreams.classify.embedded.TrainingAccess;
import io.detoxstreams.text.TextNormalizer;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

/**
 * The hashed features of every example, computed once (in parallel; the result does not depend on thread timing):
 * shared hashes and, when language copies are on, the per-language hashes.
 */
final class FeatureTable {

    final int[][] hashes;
    final int[][] languageHashes;
    final int[] language;

    private FeatureTable(int[][] hashes, int[][] languageHashes, int[] language) {
        this.hashes = hashes;
        this.languageHashes = languageHashes;
        this.language = language;
    }

    /** @param languageCopies per language index: whether its examples get per-language feature copies */
    static FeatureTable build(List<Example> examples, List<String> languages, TextNormalizer normalizer,
                              Featurizer featurizer, boolean[] languageCopies, Progress progress) {
        int n = examples.size();
        int[][] hashes = new int[n][];
        int[][] langHashes = new int[n][];
        int[] lang = new int[n];
        AtomicLong done = new AtomicLong();
        IntStream.range(0, n).parallel().forEach(i -> {
            Example e = examples.get(i);
            int li = languages.indexOf(e.lang());
            lang[i] = li;
            hashes[i] = TrainingAccess.hashes(featurizer, normalizer.normalize(e.text()).text(), e.lang());
            langHashes[i] = languageCopies[li] ? TrainingAccess.languageHashes(hashes[i], languages.get(li)) : null;
            long d = done.incrementAndGet();
            if (d % 2000 == 0 || d == n) {
                synchronized (progress) {
                    progress.update("features", d, n);
                }
            }
        });
        return new FeatureTable(hashes, langHashes, lang);
    }
}
