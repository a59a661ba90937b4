package io.detoxstreams.language;

import java.util.List;

/**
 * Identifies the language of comments. The batch call is the basic one; {@link #detect(String, String)} delegates
 * to it. Implementations never throw on bad input: empty, emoji-only or too-short texts give {@code und}.
 */
public interface LanguageDetector extends AutoCloseable {

    /**
     * @param texts the comments (never null; may be empty strings)
     * @param hints optional per-comment language hints from the producer (ISO 639-1), same size as {@code texts};
     *              null entries or a null list mean "no hint"
     */
    List<LanguageGuess> detectBatch(List<String> texts, List<String> hints);

    default LanguageGuess detect(String text, String hint) {
        return detectBatch(List.of(text), hint == null ? null : List.of(hint)).get(0);
    }

    @Override
    default void close() {
    }
}
