package io.detoxstreams.fluency;

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
 * </ul>
 * Hand-written lists (the project's own), lower-case; languages without one are checked for punctuation only. The
 * same check is applied to the human references in {@code eval detox}, which shows how strict it is.
 */
public final class Dangling {

    /** What was found. */
    public enum Kind { NONE, FUNCTION_WORD, PUNCTUATION }

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
            "zh", Set.of("和", "与", "跟", "把", "被", "向", "从", "比", "及", "或"),
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
        Kind after = check(output, lang);
        return after != Kind.NONE && check(original, lang) != after;
    }

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
