package io.detoxstreams.rewrite;

import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.HashMap;
import java.util.Map;

/**
 * How much of a rewrite is new: the share of its words that are not words of the original (as a multiset,
 * case-insensitive). 0 for a rewrite that only deleted; a one-word substitution in a ten-word comment is 0.1; a
 * rephrasing or a translation is most of the text. Punctuation and symbols are ignored.
 */
final class OwnWords {

    private OwnWords() {
    }

    static boolean only(String rewrite, String original) {
        return newShare(rewrite, original) == 0.0;
    }

    /** Share of the rewrite's words not taken from the original; 0 when it has no words. */
    static double newShare(String rewrite, String original) {
        Map<String, Integer> available = new HashMap<>();
        for (Token t : Tokenizer.tokenize(original)) {
            if (t.kind().isWordLike()) {
                available.merge(TableKeys.normalize(t.text(original)), 1, Integer::sum);
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
}
