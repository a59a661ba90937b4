package io.detoxstreams.classify;

import java.util.List;
import java.util.Map;

/**
 * What a {@link ToxicityClassifier} says about one comment.
 *
 * @param score      calibrated probability that the comment is toxic, in [0, 1]
 * @param toxic      {@code score >= threshold}
 * @param threshold  the per-language decision threshold that was applied
 * @param categories category name ({@link Category#wireName()}) → score in [0, 1], for the categories the model has
 *                   evidence for in this language (insertion order kept)
 * @param spans      toxic spans in original offsets, sorted by start, non-overlapping
 * @param model      model name and version, e.g. {@code embedded/2026.11.25}
 */
public record ToxicityResult(double score, boolean toxic, double threshold, Map<String, Double> categories,
                             List<ToxicSpan> spans, String model) {

    public ToxicityResult {
        categories = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(categories));
        spans = List.copyOf(spans);
    }

    /** The result for text that cannot be scored (empty, no letters): not toxic, no spans. */
    public static ToxicityResult clean(double threshold, String model) {
        return new ToxicityResult(0.0, false, threshold, Map.of(), List.of(), model);
    }
}
