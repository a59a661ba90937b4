package io.detoxstreams.rewrite.policy;

import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.text.FunctionWords;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Measures how much of what the author said survives a rewrite: the number of content units of the original that are
 * still in the rewrite, not counting {@link FunctionWords} and not counting words the rewriter put in (a "you are an
 * idiot" → "you are a person" rewrite keeps no content). In space-less scripts a kept Chinese word of two or more
 * characters counts as one unit, a one-character word or a kana as half a unit. A comment whose rewrite keeps less than the policy's minimum is not detoxifiable: its
 * meaning was the insult itself.
 */
public final class ContentCheck {

    private ContentCheck() {
    }

    /** Content units of {@code original} kept in {@code rewrite}. */
    public static double keptContent(String original, Rewrite rewrite, String lang) {
        Set<String> function = FunctionWords.of(lang);
        Map<String, Integer> available = new HashMap<>();
        for (Token t : Tokenizer.tokenize(original)) {
            if (t.kind().isWordLike()) {
                available.merge(TableKeys.normalize(t.text(original)), 1, Integer::sum);
            }
        }
        for (String inserted : insertedWords(rewrite.edits())) {
            available.computeIfPresent(inserted, (k, v) -> v > 1 ? v - 1 : null);
        }
        double kept = 0;
        String text = rewrite.text();
        for (Token t : Tokenizer.tokenize(text)) {
            if (!t.kind().isWordLike()) {
                continue;
            }
            String key = TableKeys.normalize(t.text(text));
            Integer left = available.get(key);
            if (left == null || function.contains(key) || isNumberOrShort(key, t)) {
                continue;
            }
            if (left == 1) {
                available.remove(key);
            } else {
                available.put(key, left - 1);
            }
            kept += t.kind() == Token.Kind.HAN ? Math.min(1.0, 0.5 * key.codePointCount(0, key.length())) : 1.0;
        }
        return kept;
    }

    private static boolean isNumberOrShort(String key, Token t) {
        return t.kind() == Token.Kind.WORD && (key.codePointCount(0, key.length()) < 2
                || key.chars().allMatch(Character::isDigit));
    }

    private static List<String> insertedWords(List<SpanEdit> edits) {
        return edits.stream()
                .filter(e -> e.action() == EditAction.REPLACED || e.action() == EditAction.REPHRASED)
                .flatMap(e -> Tokenizer.tokenize(e.replacement()).stream()
                        .filter(t -> t.kind().isWordLike())
                        .map(t -> TableKeys.normalize(t.text(e.replacement()))))
                .toList();
    }
}
