package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.text.FunctionWords;
import io.detoxstreams.text.Token;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link TokenPlan} into the rewritten sentence and repairs what deletions break: dangling articles and
 * intensifiers ({@link DanglingWords}), separators left orphaned at the start or end or next to other punctuation,
 * empty brackets, a/an before a replacement (English), doubled spaces and a space before closing punctuation. The
 * untouched parts of the comment keep their original characters, case included: when the first word is deleted the
 * new first word is not capitalised (unless {@link RewriterOptions#alwaysCapitalize()}), as in the human references
 * ("Сука, одни неудачи" → "одни неудачи"; DEV J ru +0.001, uk +0.005).
 *
 * <p>{@link #render(TokenPlan, String, boolean)} also returns, for every output character, the token it came from, so
 * a later pass can map classifier spans on the rewrite back to the original.
 */
final class SentenceRepair {

    /** The output and, per output UTF-16 unit, the index of the source token (-1 for inserted spaces). */
    record Rendered(String text, int[] tokenAt) {
    }

    private static final Set<String> SEPARATORS = Set.of(",", ";", ":", "-", "–", "—", "،", "，", "、", "；", "：");
    private static final Set<String> CLOSING = Set.of(",", ".", "!", "?", ";", ":", ")", "]", "}", "…", "»", "।",
            "...", "?!", "!?", "，", "。", "！", "？", "、", "；", "：");

    private SentenceRepair() {
    }

    static Rendered render(TokenPlan plan, String lang, boolean alwaysCapitalize) {
        dropDanglingWords(plan, DanglingWords.of(lang), FunctionWords.of(lang));
        boolean[] emit = new boolean[plan.size()];
        for (int i = 0; i < plan.size(); i++) {
            emit[i] = plan.decisions[i] != TokenPlan.Decision.DELETE;
        }
        dropOrphanPunctuation(plan, emit);
        return join(plan, emit, lang, alwaysCapitalize);
    }

    /**
     * An article whose noun was deleted goes too, when what follows is the end, punctuation or a function word
     * ("you are an idiot and …" → "you are and …", not "you are an and …"). Right to left.
     */
    private static void dropDanglingWords(TokenPlan plan, Set<String> dangling, Set<String> function) {
        if (dangling.isEmpty()) {
            return;
        }
        for (int i = plan.size() - 2; i >= 0; i--) {
            if (plan.changed(i) || !plan.wordLike(i) || !dangling.contains(plan.keys[i])
                    || plan.decisions[i + 1] != TokenPlan.Decision.DELETE) {
                continue;
            }
            int k = i + 1;
            while (k < plan.size() && plan.decisions[k] == TokenPlan.Decision.DELETE) {
                k++;
            }
            if (k == plan.size() || !plan.wordLike(k) || function.contains(plan.keys[k])) {
                plan.delete(i, plan.group[i + 1]);
            }
        }
    }

    /**
     * A separator that touched a deletion and now has nothing on one side goes too, and so does the {@code #} or
     * {@code @} of a deleted hashtag or mention.
     */
    private static void dropOrphanPunctuation(TokenPlan plan, boolean[] emit) {
        int n = plan.size();
        for (int i = 0; i < n; i++) {
            if (!emit[i] || plan.tokens.get(i).kind() != Token.Kind.PUNCT || !touchesDeletion(plan, i)) {
                continue;
            }
            String p = plan.texts[i];
            int prev = previous(emit, i);
            int next = next(emit, i, n);
            boolean separator = SEPARATORS.contains(p);
            boolean atStart = prev < 0;
            boolean beforePunct = next < n && plan.tokens.get(next).kind() == Token.Kind.PUNCT
                    && CLOSING.contains(plan.texts[next]);
            if (separator && (atStart || next == n || beforePunct) || atStart && CLOSING.contains(p)) {
                emit[i] = false;
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            if (emit[i] && isTagMark(plan, i) && plan.decisions[i + 1] == TokenPlan.Decision.DELETE
                    && plan.tokens.get(i).end() == plan.tokens.get(i + 1).start()) {
                emit[i] = false;
            }
        }
        for (int i = 0; i + 1 < n; i++) {
            int next = next(emit, i, n);
            if (emit[i] && next < n && touchesDeletion(plan, i) && isOpen(plan, i) && isClose(plan, next)) {
                emit[i] = false;
                emit[next] = false;
            }
        }
    }

    private static boolean touchesDeletion(TokenPlan plan, int i) {
        return i > 0 && plan.decisions[i - 1] == TokenPlan.Decision.DELETE
                || i + 1 < plan.size() && plan.decisions[i + 1] == TokenPlan.Decision.DELETE;
    }

    /** A hashtag or mention mark: it belongs to the word glued after it and goes with it ("#Halbneger"). */
    private static boolean isTagMark(TokenPlan plan, int i) {
        String t = plan.texts[i];
        return t.equals("#") || t.equals("@") || t.equals("＃");
    }

    private static boolean isOpen(TokenPlan plan, int i) {
        String t = plan.texts[i];
        return t.equals("(") || t.equals("[") || t.equals("\"") || t.equals("«");
    }

    private static boolean isClose(TokenPlan plan, int i) {
        String t = plan.texts[i];
        return t.equals(")") || t.equals("]") || t.equals("\"") || t.equals("»");
    }

    private static int previous(boolean[] emit, int i) {
        for (int k = i - 1; k >= 0; k--) {
            if (emit[k]) {
                return k;
            }
        }
        return -1;
    }

    private static int next(boolean[] emit, int i, int n) {
        for (int k = i + 1; k < n; k++) {
            if (emit[k]) {
                return k;
            }
        }
        return n;
    }

    private static Rendered join(TokenPlan plan, boolean[] emit, String lang, boolean capitalize) {
        StringBuilder out = new StringBuilder(plan.text.length());
        Owners owners = new Owners(plan.text.length() + 16);
        int prev = -1;
        boolean capitalPending = capitalize;
        for (int i = 0; i < plan.size(); i++) {
            if (!emit[i]) {
                continue;
            }
            Token t = plan.tokens.get(i);
            String piece = plan.decisions[i] == TokenPlan.Decision.REPLACE ? caseLike(plan, i) : plan.texts[i];
            if (prev >= 0) {
                String gap = gap(plan, prev, i);
                if (t.kind() == Token.Kind.PUNCT && CLOSING.contains(piece) && gap.isBlank()
                        && !startsEmoticon(plan, i)) {
                    gap = "";
                }
                append(out, owners, gap, -1);
            }
            if (piece.isEmpty()) {
                continue;
            }
            if (capitalPending && plan.wordLike(i)) {
                piece = capitalizeFirst(piece);
                capitalPending = false;
            }
            if ("en".equals(lang) && plan.wordLike(i)) {
                fixArticle(out, owners, piece, plan, prev, i);
            }
            append(out, owners, piece, i);
            prev = i;
        }
        return new Rendered(out.toString(), owners.toArray());
    }

    /** Whether the marks from token {@code i} on are glued to an emoticon's letter (" :-d"), which keeps its space. */
    private static boolean startsEmoticon(TokenPlan plan, int i) {
        for (int k = i + 1; k < plan.size() && k <= i + 3; k++) {
            if (plan.tokens.get(k).start() != plan.tokens.get(k - 1).end()) {
                return false;
            }
            if (plan.tokens.get(k).kind() != Token.Kind.PUNCT) {
                return plan.emoticonLetter(k);
            }
        }
        return false;
    }

    /** Original whitespace between adjacent survivors; one space (or none, for unspaced scripts) across a deletion. */
    private static String gap(TokenPlan plan, int prev, int i) {
        String text = plan.text;
        int from = plan.tokens.get(prev).end();
        int to = plan.tokens.get(i).start();
        if (prev == i - 1) {
            if (to == from) {
                return "";
            }
            if (to - from == 1 && text.charAt(from) == ' ') {
                return " "; // the usual gap, without a copy
            }
            String between = text.substring(from, to);
            return between.length() > 1 && between.isBlank() ? " " : between;
        }
        for (int k = from; k < to; k++) {
            if (Character.isWhitespace(text.charAt(k))) {
                return " ";
            }
        }
        return "";
    }

    /**
     * "an idiot" → "a person", "an absolute piece" → "a piece": only where the article now stands before a replacement
     * or before a word a deletion brought next to it.
     */
    private static void fixArticle(StringBuilder out, Owners owners, String piece, TokenPlan plan, int prev,
                                   int i) {
        if (prev < 0 || !plan.wordLike(prev) || plan.decisions[prev] == TokenPlan.Decision.REPLACE
                || plan.decisions[i] != TokenPlan.Decision.REPLACE && prev == i - 1) {
            return; // an article that was itself replaced ("a" → "not good") is no longer an article
        }
        String article = plan.keys[prev];
        boolean vowel = "aeiou".indexOf(Character.toLowerCase(piece.charAt(0))) >= 0;
        int end = out.length() - 1;
        if (article.equals("an") && !vowel && end >= 1 && out.charAt(end) == ' ') {
            out.deleteCharAt(end - 1);
            owners.removeAt(end - 1);
        } else if (article.equals("a") && vowel && end >= 0 && out.charAt(end) == ' ') {
            out.insert(end, 'n');
            owners.insertAt(end, prev);
        }
    }

    private static String caseLike(TokenPlan plan, int i) {
        String replacement = plan.replacements[i];
        String original = plan.texts[i];
        if (replacement.isEmpty()) {
            return replacement;
        }
        if (original.length() > 1 && original.equals(original.toUpperCase(Locale.ROOT))
                && !original.equals(original.toLowerCase(Locale.ROOT))) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        return Character.isUpperCase(original.codePointAt(0)) ? capitalizeFirst(replacement) : replacement;
    }

    static String capitalizeFirst(String s) {
        int cp = s.codePointAt(0);
        if (!Character.isLowerCase(cp)) {
            return s;
        }
        return new StringBuilder().appendCodePoint(Character.toTitleCase(cp)).append(s, Character.charCount(cp),
                s.length()).toString();
    }

    private static void append(StringBuilder out, Owners owners, String piece, int token) {
        out.append(piece);
        for (int k = 0; k < piece.length(); k++) {
            owners.add(token);
        }
    }

    /** The token each char of the output came from (-1: a gap), kept in step with the output, unboxed. */
    private static final class Owners {
        private int[] at;
        private int size;

        Owners(int capacity) {
            at = new int[Math.max(16, capacity)];
        }

        void add(int token) {
            if (size == at.length) {
                at = Arrays.copyOf(at, size * 2);
            }
            at[size++] = token;
        }

        void insertAt(int index, int token) {
            add(0);
            System.arraycopy(at, index, at, index + 1, size - 1 - index);
            at[index] = token;
        }

        void removeAt(int index) {
            System.arraycopy(at, index + 1, at, index, size - 1 - index);
            size--;
        }

        int[] toArray() {
            return Arrays.copyOf(at, size);
        }
    }
}
