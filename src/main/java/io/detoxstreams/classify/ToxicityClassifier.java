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

    /**
     * The verdicts alone, for callers that act on nothing else (the rewriter's self-check and verifier, which re-score
     * rewrites): each result's score, {@code toxic} flag and threshold are exactly {@link #classifyBatch}'s, and a
     * toxic text's result is {@link #classifyBatch}'s in full; for a text under its threshold the categories and spans
     * may be left empty, which lets a model skip the work behind them. By default it is {@link #classifyBatch}.
     */
    default List<ToxicityResult> verdictBatch(List<String> texts, List<String> langs) {
        return classifyBatch(texts, langs);
    }

    /** {@link #verdictBatch} of one text. */
    default ToxicityResult verdict(String text, String lang) {
        return verdictBatch(List.of(text), List.of(lang)).get(0);
    }

    /** The decision threshold used for {@code lang}: at or above it a comment is toxic (and rewritten). */
    double threshold(String lang);

    /**
     * The lower bound of {@code lang}'s review band, at most {@link #threshold}: a comment scoring in
     * [reviewThreshold, threshold) is uncertain — neither rewritten nor called clean with confidence. Without a band
     * (the default) it equals the threshold.
     */
    default double reviewThreshold(String lang) {
        return threshold(lang);
    }

    /**
     * The score of the {@code threat} category at or above which the model itself reads a comment in {@code lang}
     * as a threat, whatever its toxicity; {@link Double#POSITIVE_INFINITY} (the default) where the model has no
     * evidence for threats in the language.
     */
    default double threatThreshold(String lang) {
        return Double.POSITIVE_INFINITY;
    }

    /** What the model knows about {@code lang} ({@code und} included); {@link Coverage#LIMITED} by default. */
    default Coverage coverage(String lang) {
        return Coverage.LIMITED;
    }

    /** Model name and version, e.g. {@code embedded/2026.11.25}. */
    String version();

    @Override
    default void close() {
    }
}
