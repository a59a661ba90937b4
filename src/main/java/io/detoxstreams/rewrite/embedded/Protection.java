package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.text.Token;

import java.util.Set;

/**
 * Which words of a comment no edit may remove: the people and groups it is about, and its negations (deleting one
 * turns the meaning around: "nadie te ha preguntado" → "te ha preguntado"). A word is protected when it is a
 * {@link PeopleWords people/group word}, a negation ({@link Dependents}), a proper name of the language's fluency
 * model, or written capitalized in
 * mid-sentence by the author (not in a text written all in capitals, not in languages that capitalize every noun, not
 * a word that stretches a letter, {@link #elongated}) —
 * unless editors changed it in at least half of the at least {@link #TOXIC_MIN_SEEN} times the substitution table saw
 * it (a capitalized insult is still an insult). {@link EmbeddedRewriter} never deletes or replaces a protected word;
 * when what still makes a rewrite toxic is a protected word, it declines with {@code meaning_lost}.
 */
final class Protection {

    static final int TOXIC_MIN_SEEN = 3;
    private static final Set<String> NOUN_CAPITALIZING = Set.of("de", "lb");
    private static final Set<String> SENTENCE_END = Set.of(".", "!", "?", "…", "\"", "“", "«", ":", "(", "-", "—",
            "*", "。", "！", "？");

    private Protection() {
    }

    static boolean[] of(TokenPlan plan, String lang, SubstitutionTable table, LanguageFluency fluency) {
        int n = plan.size();
        boolean[] out = new boolean[n];
        boolean shouting = !hasLowerCase(plan.text);
        boolean caseMeansName = !shouting && !NOUN_CAPITALIZING.contains(lang);
        Set<String> names = fluency == null ? Set.of() : fluency.properNames();
        boolean sentenceStart = true;
        for (int i = 0; i < n; i++) {
            Token t = plan.tokens.get(i);
            if (t.kind() == Token.Kind.PUNCT) {
                sentenceStart |= SENTENCE_END.contains(plan.texts[i]);
                continue;
            }
            String key = plan.keys[i];
            if (key == null) {
                continue;
            }
            boolean capitalizedName = caseMeansName && !sentenceStart && t.kind() == Token.Kind.WORD
                    && capitalized(plan.texts[i]) && !elongated(plan.texts[i]);
            out[i] = (PeopleWords.contains(lang, key) || names.contains(key) || capitalizedName
                    || Dependents.negation(lang, key)) && !toxicByTable(table, key);
            sentenceStart = false;
        }
        markHanWords(plan, lang, out);
        return out;
    }

    private static boolean hasLowerCase(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLowerCase(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean capitalized(String word) {
        int cp = word.codePointAt(0);
        return Character.isUpperCase(cp) && word.length() > 1 && hasLowerCase(word);
    }

    /**
     * Whether a word stretches a letter over {@link #ELONGATED_RUN} or more characters ("Cabroooooonnn",
     * "Maricoooon"): an exclamation or insult written out loud, not a name, even when capitalized.
     */
    static boolean elongated(String word) {
        int run = 1;
        for (int i = 1; i < word.length(); i++) {
            char c = word.charAt(i);
            run = Character.isLetter(c) && Character.toLowerCase(c) == Character.toLowerCase(word.charAt(i - 1))
                    ? run + 1 : 1;
            if (run >= ELONGATED_RUN) {
                return true;
            }
        }
        return false;
    }

    static final int ELONGATED_RUN = 3;

    private static boolean toxicByTable(SubstitutionTable table, String key) {
        if (table == null) {
            return false;
        }
        SubstitutionTable.Entry e = table.word(key);
        return e != null && e.seen() >= TOXIC_MIN_SEEN && e.changeRate() >= 0.5;
    }

    /** Marks runs of Han tokens that spell a multi-character people word. */
    private static void markHanWords(TokenPlan plan, String lang, boolean[] out) {
        Set<String> words = PeopleWords.hanWords(lang);
        if (words.isEmpty()) {
            return;
        }
        for (int i = 0; i < plan.size(); i++) {
            for (int len = 3; len >= 2; len--) {
                if (i + len > plan.size()) {
                    continue;
                }
                StringBuilder sb = new StringBuilder();
                boolean han = true;
                for (int k = i; k < i + len; k++) {
                    han &= plan.tokens.get(k).kind() == Token.Kind.HAN;
                    sb.append(plan.keys[k]);
                }
                if (han && words.contains(sb.toString())) {
                    for (int k = i; k < i + len; k++) {
                        out[k] = true;
                    }
                    break;
                }
            }
        }
    }
}
