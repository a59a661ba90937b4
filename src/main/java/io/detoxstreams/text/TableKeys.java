package io.detoxstreams.text;

import java.util.List;
import java.util.Locale;

/**
 * How tokens become substitution-table keys, shared by the miner and the rewriter so both agree: lower-cased
 * (root locale), typographic apostrophes folded to {@code '}; tokens of a phrase joined by a space, except between
 * two Han/kana tokens, which are joined directly as they are written.
 */
public final class TableKeys {

    private TableKeys() {
    }

    public static String normalize(String token) {
        return token.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }

    /** The key of tokens {@code [from, to)}; {@code keys} are the normalized tokens. */
    public static String join(List<String> keys, List<Token> tokens, int from, int to) {
        if (to - from == 1) {
            return keys.get(from);
        }
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < to; i++) {
            if (i > from && !(tokens.get(i - 1).kind() == Token.Kind.HAN && tokens.get(i).kind() == Token.Kind.HAN)) {
                sb.append(' ');
            }
            sb.append(keys.get(i));
        }
        return sb.toString();
    }
}
