package io.detoxstreams.classify;

import java.util.List;

/**
 * Scores comments for toxicity. The batch call is the basic one; {@link #classify(String, String)} delegates to it.
 * Implementations are thread-safe, never throw on bad input (empty text, lone surrogates, emoji only → score 0) and
 * reject only texts above their documented length limit with {@link TextTooLongException}.
 */
public interface ToxicityClassifier extends AutoCloseable {

    /**
     * @param texts comments, original (un-normalized) text
     * @param langs the language of each comment (ISO 639-1 or {@code und}); same size as {@code texts}
     */
    List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs);

    default ToxicityResult classify(String text, String lang) {
        return classifyBatch(List.of(text), List.of(lang)).get(0);
    }

    /** The decision threshold used for {@code lang}. */
    double threshold(String lang);

    /** Model name and version, e.g. {@code embedded/2026.11.25}. */
    String version();

    @Override
    default void close() {
    }
}
