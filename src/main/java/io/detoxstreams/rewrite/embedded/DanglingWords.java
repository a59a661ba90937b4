package io.detoxstreams.rewrite.embedded;

import java.util.Map;
import java.util.Set;

/**
 * Per-language indefinite articles, which cannot stand without the word after them. When the embedded rewriter
 * deletes the word an article belonged to and nothing but punctuation or the end follows, the article is deleted too
 * ("you are an idiot." → "you are.").
 *
 * <p>Deliberately only articles. Intensifiers, determiners, possessives and prepositions ("so", "total", "this",
 * "your", "of") usually stay in the human references, which replace the insult rather than drop its modifiers ("the
 * song is so fucking dope" → "the song is so good"); deleting them lowered both SIM and ChrF on the DEV split (J, en:
 * 0.589 with a 40-word list of such words, 0.603 with intensifiers only, 0.604 with articles only). Languages without
 * articles (ru, uk, zh, hi) have none. Call {@link #of(String)}.
 */
final class DanglingWords {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("a", "an"),
            "de", Set.of("ein", "eine", "einen", "einem", "einer", "eines"),
            "es", Set.of("un", "una", "unos", "unas"));

    private DanglingWords() {
    }

    static Set<String> of(String lang) {
        return WORDS.getOrDefault(lang, Set.of());
    }
}
