package io.detoxstreams.rewrite;

import io.detoxstreams.rewrite.embedded.TableKeys;
import io.detoxstreams.rewrite.embedded.Token;
import io.detoxstreams.rewrite.embedded.Tokenizer;

import java.util.HashMap;
import java.util.Map;

/**
 * Whether a rewrite consists only of words of its original (as a multiset, case-insensitive): true for a rewrite that
 * only deleted, false as soon as it inserted or replaced a word. Punctuation and symbols are ignored.
 */
final class OwnWords {

    private OwnWords() {
    }

    static boolean only(String rewrite, String original) {
        Map<String, Integer> available = new HashMap<>();
        for (Token t : Tokenizer.tokenize(original)) {
            if (t.kind().isWordLike()) {
                available.merge(TableKeys.normalize(t.text(original)), 1, Integer::sum);
            }
        }
        for (Token t : Tokenizer.tokenize(rewrite)) {
            if (!t.kind().isWordLike()) {
                continue;
            }
            Integer left = available.computeIfPresent(TableKeys.normalize(t.text(rewrite)), (k, v) -> v - 1);
            if (left == null || left < 0) {
                return false;
            }
        }
        return true;
    }
}
