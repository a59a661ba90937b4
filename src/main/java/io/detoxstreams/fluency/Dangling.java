package io.detoxstreams.fluency;

import io.detoxstreams.text.RecentAnswers;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Whether a text ends a clause on a word that cannot end one, or leaves punctuation orphaned — the two marks a
 * careless deletion leaves ("this is a greedy." is not caught here, "you are a." and "get your head out of your!" are).
 * {@link #check(String, String)} returns what it found:
 * <ul>
 *   <li>{@link Kind#FUNCTION_WORD}: a word of the language's list directly before sentence or clause punctuation
 *       ({@code . ! ? … ; , :} and their CJK/Devanagari forms) or the end: articles, possessive determiners,
 *       conjunctions and, where the language cannot strand them, prepositions. English prepositions may end a question
 *       ("what are you looking at?"); German ones are left out altogether, since they double as separable verb
 *       prefixes ("ich rufe dich an");</li>
 *   <li>{@link Kind#PUNCTUATION}: the text starts with a separator or closing mark, a separator is directly followed by
 *       another mark (", ."; a doubled one, ",,", is taken as intended), a separator ends the text, or brackets/quotes
 *       enclose nothing.</li>
 *   <li>{@link Kind#LOST_HEAD} (only by {@link #introduced}, which sees the original): the rewrite deleted the noun of
 *       a noun phrase and kept its determiner and modifiers ("this woman is a greedy lunatic." → "this woman is a
 *       greedy.", "a corrupt piece of shit" → "a corrupt piece."; {@link NounModifiers}), or deleted a copula's
 *       complement and left the copula before clause punctuation, a conjunction, a preposition or a relative pronoun
 *       ("that cop was a total asshole to me." → "that cop was to me.", "the mayor is a corrupt idiot who should
 *       resign" → "the mayor is who should resign").</li>
 * </ul>
 * Hand-written lists (the project's own), lower-case; languages without one are checked for punctuation only. The
 * same check is applied to the human references in {@code eval detox}, which shows how strict it is.
 */
public final class Dangling {

    /** What was found. */
    public enum Kind { NONE, FUNCTION_WORD, PUNCTUATION, LOST_HEAD }

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("a", "an", "the", "my", "your", "our", "their", "its", "and", "or", "but", "nor", "of",
                    "than", "very"),
            "ru", Set.of("в", "во", "на", "с", "со", "к", "ко", "по", "за", "из", "от", "до", "у", "о", "об", "обо",
                    "для", "без", "под", "над", "при", "про", "через", "между", "и", "но", "или", "либо", "ни",
                    "не", "чтобы", "самый", "самая", "самое", "самые"),
            "uk", Set.of("в", "у", "на", "з", "зі", "із", "до", "по", "за", "від", "для", "без", "під", "над", "при",
                    "про", "через", "між", "і", "й", "та", "але", "або", "не", "щоб"),
            "de", Set.of("den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "mein", "meine",
                    "meinen", "meinem", "meiner", "dein", "deine", "deinen", "deinem", "deiner", "unser", "unsere",
                    "euer", "eure", "und", "oder", "aber", "sondern", "für", "von", "gegen", "ohne", "sehr"),
            "es", Set.of("el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "al", "en", "con", "por",
                    "para", "sin", "sobre", "entre", "hacia", "desde", "y", "o", "pero", "ni", "mi", "tu", "su", "mis",
                    "tus", "sus", "muy", "tan"),
            "zh", Set.of("和", "与", "跟", "把", "被", "向", "从", "比", "及", "或", "个"),
            "hi", Set.of("का", "की", "को", "ने", "पर", "तक", "और", "या", "लेकिन", "एक", "बहुत"));

    /** Coordinating conjunctions: a clause before one must be complete ("you are and nobody …" is not). */
    private static final Map<String, Set<String>> CONJUNCTIONS = Map.of(
            "en", Set.of("and", "or", "but", "nor"),
            "ru", Set.of("и", "но", "или", "либо", "а"),
            "uk", Set.of("і", "й", "та", "але", "або", "а"),
            "de", Set.of("und", "oder", "aber", "sondern"),
            "es", Set.of("y", "o", "pero", "ni"),
            "zh", Set.of("和", "与", "或", "但"),
            "hi", Set.of("और", "या", "लेकिन"));

    /** Copulas: a clause that ends on one has lost its complement ("the mayor is."). */
    private static final Map<String, Set<String>> COPULAS = Map.of(
            "en", Set.of("is", "are", "was", "were", "am", "be", "been", "being", "s", "re", "m"),
            "de", Set.of("ist", "sind", "bist", "seid", "war", "waren", "bin"),
            "es", Set.of("es", "son", "eres", "soy", "era", "fue", "está", "están", "estás"),
            "uk", Set.of("є"),
            "ru", Set.of("является", "являются"),
            "zh", Set.of("是"));

    /**
     * Words that make a copula at a clause end complete: zh "什么也不是" ("is nothing"), the human rewrite of
     * "疑罪从无就是狗屁", where "这是" of "这是个杂碎" is not.
     */
    private static final Map<String, Set<String>> NEGATED_COPULA = Map.of("zh", Set.of("不"));

    /** Prepositions that start a phrase after a copula's complement ("was rude <b>to</b> me"). */
    private static final Map<String, Set<String>> PREPOSITIONS = Map.of(
            "en", Set.of("to", "at", "in", "on", "for", "with", "about", "from", "of", "by", "towards", "toward",
                    "against", "around"),
            "de", Set.of("zu", "mit", "für", "gegen", "bei", "von", "zum", "zur"),
            "es", Set.of("con", "para", "por", "a", "de", "en", "contra"));

    /** Relative pronouns that start a clause about a copula's complement ("is an idiot <b>who</b> should resign"). */
    private static final Map<String, Set<String>> RELATIVES = Map.of(
            "en", Set.of("who", "which", "whom", "whose"),
            "es", Set.of("quien", "quienes"));

    /** Prepositions English may strand before a question mark. */
    private static final Set<String> EN_STRANDABLE = Set.of("of");

    private static final Set<String> CLAUSE_END = Set.of(".", "!", "?", "…", ";", ",", ":", "。", "！", "？", "，",
            "、", "；", "：", "।");
    private static final Set<String> SEPARATORS = Set.of(",", ";", ":", "，", "、", "；", "：");
    private static final Set<String> FOLLOWING = Set.of(",", ".", "!", "?", ";", ":", "，", "。", "！", "？", "、",
            "；", "：", "।", "…");
    private static final Set<String> LEADING = Set.of(",", ";", ":", ".", "!", "?", ")", "]", "，", "。", "、", "；", "：",
            "！", "？", "）", "।");
    private static final Map<String, String> PAIRS = Map.of("(", ")", "[", "]", "«", "»", "\"", "\"", "“", "”", "（", "）");

    private Dangling() {
    }

    /** Whether {@code key} (a lower-case word) cannot end a clause in {@code lang}. */
    public static boolean cannotEnd(String lang, String key) {
        return WORDS.getOrDefault(lang, Set.of()).contains(key);
    }

    /** Whether {@code key} (a lower-case word) is a copula of {@code lang}. */
    public static boolean copula(String lang, String key) {
        return COPULAS.getOrDefault(lang, Set.of()).contains(key);
    }

    /**
     * Whether {@code key} (a lower-case word) opens a phrase that needs a complement before it: one of {@code lang}'s
     * common prepositions ("was rude <b>to</b> me") or relative pronouns ("is an idiot <b>who</b> should resign").
     */
    public static boolean opensPhrase(String lang, String key) {
        return PREPOSITIONS.getOrDefault(lang, Set.of()).contains(key)
                || RELATIVES.getOrDefault(lang, Set.of()).contains(key);
    }

    /** Whether {@code key} (a lower-case word) is a coordinating conjunction of {@code lang}. */
    public static boolean conjunction(String lang, String key) {
        return CONJUNCTIONS.getOrDefault(lang, Set.of()).contains(key);
    }

    /** Whether {@code token} is punctuation that ends a sentence or clause. */
    public static boolean endsClause(String token) {
        return CLAUSE_END.contains(token);
    }

    /** Whether {@code output} has a dangling ending or orphaned punctuation that {@code original} did not have. */
    public static boolean introduced(String original, String output, String lang) {
        return introducedKind(original, output, lang) != Kind.NONE;
    }

    /**
     * What {@link #introduced} found: a {@link #check} kind the original did not have, {@link Kind#LOST_HEAD}, or none.
     * The last few answers of each thread are remembered, as {@code LanguageFluency.judge} remembers its judgements:
     * the embedded rewriter and the verifier ask about the same rewrite.
     */
    public static Kind introducedKind(String original, String output, String lang) {
        Kind k = RECENT.find(original, output, lang);
        if (k == null) {
            k = computeIntroduced(original, output, lang);
            RECENT.put(original, output, lang, k);
        }
        return k;
    }

    /** Per thread: the answers of the last four {@link #introducedKind} calls. */
    private static final RecentAnswers<Kind> RECENT = new RecentAnswers<>(4);

    private static Kind computeIntroduced(String original, String output, String lang) {
        Kind after = check(output, lang);
        if (after != Kind.NONE && check(original, lang) != after) {
            return after;
        }
        return lostHead(LmTokens.of(original), LmTokens.of(output), lang) ? Kind.LOST_HEAD : Kind.NONE;
    }

    /**
     * Whether an output word kept from the original, whose next original word the rewrite removed, is a modifier left
     * without its noun or a copula left without its complement, before a boundary (the end, clause punctuation, a
     * conjunction; for a copula also a preposition or a relative pronoun). Output words are matched to the original in order (a rewrite
     * that only deletes is a subsequence of it).
     */
    static boolean lostHead(List<String> original, List<String> output, String lang) {
        int[] at = align(original, output);
        for (int j = 0; j < output.size(); j++) {
            int q = at[j];
            String w = output.get(j);
            if (q < 0 || q + 1 >= original.size() || !LmTokens.isWord(original.get(q + 1))
                    || j + 1 < output.size() && (at[j + 1] == q + 1
                    || at[j + 1] < 0 && LmTokens.isWord(output.get(j + 1)))) {
                continue; // nothing removed after it, or a new word took the removed one's place ("'re in trouble")
            }
            String next = j + 1 < output.size() ? output.get(j + 1) : null;
            boolean boundary = next == null || endsClause(next) || conjunction(lang, next);
            boolean prepositional = next != null && opensPhrase(lang, next);
            if (copula(lang, w) && (boundary || prepositional)
                    && !(j > 0 && NEGATED_COPULA.getOrDefault(lang, Set.of()).contains(output.get(j - 1)))) {
                return true;
            }
            if (boundary && (NounModifiers.headless(lang, w) || NounModifiers.modifier(lang, w)
                    && determinerBefore(output, at, j, lang) || afterIndefinite(output, at, j, lang))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether output word {@code j}, a content word, directly follows an indefinite article it followed in the
     * original too: with the original's next word deleted, that was the noun ("is a senile [moron]." → "is a senile.").
     */
    private static boolean afterIndefinite(List<String> output, int[] at, int j, String lang) {
        String w = output.get(j);
        return j > 0 && at[j - 1] >= 0 && at[j - 1] == at[j] - 1 && NounModifiers.indefinite(lang, output.get(j - 1))
                && LmTokens.isWord(w) && !io.detoxstreams.text.FunctionWords.of(lang).contains(w);
    }

    /** Whether output word {@code j} follows a determiner through at most two more modifiers, all kept in a row. */
    private static boolean determinerBefore(List<String> output, int[] at, int j, String lang) {
        for (int k = j - 1; k >= 0 && k >= j - 3 && at[k] >= 0 && at[k] == at[k + 1] - 1; k--) {
            String w = output.get(k);
            if (NounModifiers.determiner(lang, w)) {
                return true;
            }
            if (!NounModifiers.modifier(lang, w) && !NounModifiers.headless(lang, w)) {
                return false;
            }
        }
        return false;
    }

    /** For each output token, the index of the original token it keeps (in order, greedily), or -1. */
    private static int[] align(List<String> original, List<String> output) {
        int[] at = new int[output.size()];
        int p = 0;
        for (int j = 0; j < output.size(); j++) {
            at[j] = -1;
            for (int q = p; q < original.size() && q < p + ALIGN_REACH; q++) {
                if (original.get(q).equals(output.get(j))) {
                    at[j] = q;
                    p = q + 1;
                    break;
                }
            }
        }
        return at;
    }

    /** How far ahead in the original an output token is looked for. */
    private static final int ALIGN_REACH = 12;

    public static Kind check(String text, String lang) {
        List<Token> tokens = Tokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            return Kind.NONE;
        }
        if (orphanedPunctuation(tokens, text)) {
            return Kind.PUNCTUATION;
        }
        Set<String> words = WORDS.getOrDefault(lang, Set.of());
        if (words.isEmpty()) {
            return Kind.NONE;
        }
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            if (!t.kind().isWordLike()) {
                continue;
            }
            int next = i + 1;
            while (next < n && tokens.get(next).kind() == Token.Kind.SYMBOL) {
                next++;
            }
            String after = next < n && tokens.get(next).kind() == Token.Kind.PUNCT ? tokens.get(next).text(text) : null;
            boolean end = next >= n || after != null && CLAUSE_END.contains(after)
                    || after != null && closesOnly(tokens, text, next);
            if (!end) {
                continue;
            }
            String word = t.text(text);
            if (word.length() == 1 && Character.isUpperCase(word.charAt(0))) {
                continue; // an initial ("А.В.", "J. Smith"), not a dangling preposition
            }
            String key = TableKeys.normalize(word);
            if (words.contains(key) && !("en".equals(lang) && "?".equals(after) && EN_STRANDABLE.contains(key))) {
                return Kind.FUNCTION_WORD;
            }
        }
        return Kind.NONE;
    }

    /** Only closing quotes/brackets (then nothing or clause punctuation) follow from {@code i} on. */
    private static boolean closesOnly(List<Token> tokens, String text, int i) {
        int k = i;
        while (k < tokens.size() && tokens.get(k).kind() == Token.Kind.PUNCT
                && PAIRS.containsValue(tokens.get(k).text(text))) {
            k++;
        }
        return k > i && (k == tokens.size() || tokens.get(k).kind() == Token.Kind.PUNCT
                && CLAUSE_END.contains(tokens.get(k).text(text)));
    }

    private static boolean orphanedPunctuation(List<Token> tokens, String text) {
        Token first = tokens.get(0);
        if (first.kind() == Token.Kind.PUNCT && LEADING.contains(first.text(text))
                && !(tokens.size() > 1 && tokens.get(1).kind() == Token.Kind.PUNCT)) {
            return true;
        }
        Token last = tokens.get(tokens.size() - 1);
        if (last.kind() == Token.Kind.PUNCT && SEPARATORS.contains(last.text(text))) {
            return true;
        }
        for (int i = 0; i + 1 < tokens.size(); i++) {
            Token a = tokens.get(i);
            Token b = tokens.get(i + 1);
            if (a.kind() != Token.Kind.PUNCT || b.kind() != Token.Kind.PUNCT) {
                continue;
            }
            String x = a.text(text);
            String y = b.text(text);
            if (SEPARATORS.contains(x) && FOLLOWING.contains(y) && !x.equals(y)) {
                return true;
            }
            if (y.equals(PAIRS.get(x)) && !x.equals("\"")) {
                return true;
            }
        }
        return false;
    }
}
