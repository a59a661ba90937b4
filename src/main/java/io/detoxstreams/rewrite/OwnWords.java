package io.detoxstreams.rewrite;

import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How much of a rewrite is new: the share of its words that are not words of the original (as a multiset,
 * case-insensitive). 0 for a rewrite that only deleted; a one-word substitution in a ten-word comment is 0.1; a
 * rephrasing or a translation is most of the text. Punctuation and symbols are ignored. Words a backend declares as
 * word-for-word replacements ({@link EditAction#REPLACED} edits, e.g. the embedded rewriter's table entries) can be
 * counted as the original's: they come from the same language.
 */
final class OwnWords {

    private OwnWords() {
    }

    static boolean only(String rewrite, String original) {
        return newShare(rewrite, original) == 0.0;
    }

    /** Share of the rewrite's words not taken from the original; 0 when it has no words. */
    static double newShare(String rewrite, String original) {
        return newShare(rewrite, original, List.of());
    }

    /**
     * The same, counting also the words of {@code declared} replacements (a backend's {@link EditAction#REPLACED}
     * edits: word-for-word substitutions from its own language's table) as the original's.
     */
    static double newShare(String rewrite, String original, List<SpanEdit> declared) {
        Map<String, Integer> available = new HashMap<>();
        addWords(original, available);
        for (SpanEdit e : declared) {
            if (e.action() == EditAction.REPLACED) {
                addWords(e.replacement(), available);
            }
        }
        int words = 0;
        int fresh = 0;
        for (Token t : Tokenizer.tokenize(rewrite)) {
            if (!t.kind().isWordLike()) {
                continue;
            }
            words++;
            Integer left = available.computeIfPresent(TableKeys.normalize(t.text(rewrite)), (k, v) -> v - 1);
            if (left == null || left < 0) {
                fresh++;
            }
        }
        return words == 0 ? 0.0 : (double) fresh / words;
    }

    private static void addWords(String text, Map<String, Integer> into) {
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.kind().isWordLike()) {
                into.merge(TableKeys.normalize(t.text(text)), 1, Integer::sum);
            }
        }
    }
}
