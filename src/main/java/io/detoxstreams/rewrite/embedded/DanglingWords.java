package io.detoxstreams.rewrite.embedded;

import java.util.Map;
import java.util.Set;

/**
 * Per-language function words that cannot stand without the word after them: articles, determiners and intensifiers
 * ({@code a}, {@code the}, {@code such}, {@code so}, {@code ein}, {@code такой}…). When the embedded rewriter deletes
 * the word they belonged to and nothing but punctuation or the end follows, they are deleted too ("you are such a
 * moron." → "you are."), which is what human editors do.
 *
 * <p>Hand-written, small, lower-case; languages without articles (zh, hi) have none. Call {@link #of(String)}.
 */
final class DanglingWords {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", words("a", "an", "the", "such", "so", "very", "really", "total", "totally", "complete",
                    "completely", "absolute", "absolutely", "utter", "utterly", "your", "ur", "ya",
                    "of", "little", "big", "stupid", "dumb", "fucking", "bloody", "damn",
                    "like", "some", "more", "most", "and", "or", "this", "that", "these", "those", "as", "to", "for"),
            "de", words("ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem", "des",
                    "so", "sehr", "total", "voll", "richtig", "dein", "deine", "deinen", "diese", "dieser", "diesen",
                    "und", "oder"),
            "es", words("un", "una", "unos", "unas", "el", "la", "los", "las", "muy", "tan", "tu", "tus", "su", "sus",
                    "pedazo", "menudo", "menuda", "y", "o", "este", "esta", "estos",
                    "estas", "ese", "esa", "esos", "esas", "de", "del", "al", "por", "para"),
            "ru", words("такой", "такая", "такое", "такие", "этот", "эта", "эти", "этих", "этого", "очень", "полный",
                    "полная", "полные", "и", "или", "твой", "твоя", "ваш", "ваша", "как", "же"),
            "uk", words("такий", "така", "таке", "такі", "цей", "ця", "ці", "цих", "цього", "дуже", "повний",
                    "повна", "і", "й", "та", "або", "твій", "твоя", "ваш", "ваша", "як", "же"));

    private DanglingWords() {
    }

    static Set<String> of(String lang) {
        return WORDS.getOrDefault(lang, Set.of());
    }

    /** Set.of rejects duplicates; hand-written lists may repeat a word across lines. */
    private static Set<String> words(String... w) {
        return Set.copyOf(java.util.List.of(w));
    }
}
