package io.detoxstreams.fluency;

import io.detoxstreams.text.RecentAnswers;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.ArrayList;
import java.util.List;

/**
 * The tokens a {@link LanguageModel} sees, from the rewriters' own {@link Tokenizer} so the model judges exactly what
 * a rewriter edits: words lower-cased as substitution-table keys ({@link TableKeys#normalize}), numbers as
 * {@value #NUMBER}, each Chinese word (as the tokenizer segments it) and kana, each punctuation mark (a run of the same mark, "! ! !" or "!!!", is one
 * token), emoji and other symbols as {@value #SYMBOL}. Case and spacing are not judged: the corpora differ in both
 * ("you are wrong ." / "You are wrong.").
 */
public final class LmTokens {

    public static final String NUMBER = "<num>";
    public static final String SYMBOL = "<sym>";

    private LmTokens() {
    }

    /** The tokens of {@code text}, unmodifiable; the last few texts of each thread are remembered (see Tokenizer). */
    public static List<String> of(String text) {
        List<String> keys = RECENT.find(text, null, null);
        if (keys == null) {
            keys = java.util.Collections.unmodifiableList(keys(text));
            RECENT.put(text, null, null, keys);
        }
        return keys;
    }

    private static final RecentAnswers<List<String>> RECENT = new RecentAnswers<>(4);

    private static List<String> keys(String text) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<String> out = new ArrayList<>(tokens.size());
        String previous = null;
        for (Token t : tokens) {
            String key = key(t, text);
            if (key.equals(previous) && (t.kind() == Token.Kind.PUNCT || t.kind() == Token.Kind.SYMBOL)) {
                continue;
            }
            out.add(key);
            previous = key;
        }
        return out;
    }

    /** The key of one token of {@code text}. */
    public static String key(Token t, String text) {
        return switch (t.kind()) {
            case WORD -> {
                String w = TableKeys.normalize(t.text(text));
                yield isNumber(w) ? NUMBER : w;
            }
            case HAN, PUNCT -> t.text(text);
            case SYMBOL -> SYMBOL;
        };
    }

    /** Digits, possibly with inner separators already split off by the tokenizer ("1990", "27"). */
    public static boolean isNumber(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isDigit(w.charAt(i))) {
                return false;
            }
        }
        return !w.isEmpty();
    }

    /** Whether the token is a word (not punctuation, a number or a symbol) for per-word scores. */
    public static boolean isWord(String key) {
        if (key.equals(NUMBER) || key.equals(SYMBOL) || key.isEmpty()) {
            return false;
        }
        return Tokenizer.isWordChar(key.codePointAt(0));
    }
}
