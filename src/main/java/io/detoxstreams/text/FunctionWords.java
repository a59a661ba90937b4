package io.detoxstreams.text;

import java.util.Map;
import java.util.Set;

/**
 * Per-language words that carry no content of their own — pronouns, articles, auxiliaries, prepositions,
 * conjunctions, fillers. A rewrite that keeps only such words of the original ("you are", "du bist so") has kept
 * nothing the author meant besides the insult ({@code ContentCheck} in the policy counts the other words), and the
 * embedded rewriter never deletes them just because the classifier weighs them (see {@code rewrite.embedded.StrongestSpan}).
 * Hand-written, lower-case.
 */
public final class FunctionWords {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", words("i", "me", "my", "mine", "you", "u", "ur", "your", "yours", "ya", "he", "him", "his", "she",
                    "her", "it", "its", "we", "us", "our", "they", "them", "their", "this", "that", "these", "those",
                    "a", "an", "the", "is", "are", "was", "were", "be", "been", "being", "am", "m", "s", "re", "t",
                    "ll", "d", "ve", "do", "does", "did", "don", "doesn", "didn", "have", "has", "had", "will", "would",
                    "can", "could", "should", "shall", "may", "might", "must", "not", "no", "yes", "and", "or", "but",
                    "so", "if", "then", "than", "as", "of", "to", "in", "on", "at", "by", "for", "with", "from", "up",
                    "down", "out", "off", "about", "just", "like", "really", "very", "too", "all", "some", "any",
                    "what", "who", "whom", "which", "why", "how", "when", "where", "there", "here", "oh", "lol", "get",
                    "go", "got", "such", "one", "ones", "im", "youre", "thats", "dont", "well", "now", "even", "also",
                    "again", "still", "more", "most", "much", "many", "only", "own", "same", "other", "being", "ever"),
            "ru", words("я", "ты", "вы", "он", "она", "оно", "мы", "они", "меня", "тебя", "вас", "его", "её", "ее",
                    "нас", "их", "мне", "тебе", "вам", "ему", "ей", "нам", "им", "мой", "твой", "ваш", "свой", "это",
                    "этот", "эта", "эти", "тот", "та", "те", "и", "а", "но", "или", "да", "нет", "не", "ни", "же",
                    "ли", "бы", "в", "во", "на", "с", "со", "к", "ко", "по", "за", "из", "от", "до", "у", "о", "об",
                    "для", "как", "так", "что", "кто", "где", "когда", "там", "тут", "здесь", "вот", "уже", "ещё",
                    "еще", "все", "всё", "весь", "такой", "такая", "такие", "просто", "очень", "только", "был", "была",
                    "были", "быть", "есть", "будет", "ну", "тоже", "сам", "сама", "сами"),
            "uk", words("я", "ти", "ви", "він", "вона", "воно", "ми", "вони", "мене", "тебе", "вас", "його", "її",
                    "нас", "їх", "мені", "тобі", "вам", "йому", "їй", "нам", "їм", "мій", "твій", "ваш", "свій", "це",
                    "цей", "ця", "ці", "той", "та", "ті", "і", "й", "а", "але", "або", "так", "ні", "не", "же", "чи",
                    "б", "би", "в", "у", "на", "з", "із", "зі", "до", "по", "за", "від", "для", "як", "що", "хто",
                    "де", "коли", "там", "тут", "вже", "ще", "все", "всі", "такий", "така", "такі", "просто", "дуже",
                    "тільки", "був", "була", "були", "бути", "є", "буде", "ну", "теж", "сам", "сама"),
            "de", words("ich", "du", "er", "sie", "es", "wir", "ihr", "mich", "dich", "ihn", "uns", "euch", "mir",
                    "dir", "ihm", "ihnen", "mein", "dein", "sein", "unser", "euer", "der", "die", "das", "den", "dem",
                    "des", "ein", "eine", "einen", "einem", "einer", "eines", "ist", "bist", "sind", "seid", "war",
                    "waren", "sein", "hat", "hast", "haben", "habt", "wird", "wirst", "werden", "und", "oder", "aber",
                    "nicht", "kein", "keine", "ja", "nein", "so", "sehr", "auch", "nur", "noch", "schon", "mal", "doch",
                    "in", "im", "an", "am", "auf", "aus", "bei", "mit", "nach", "von", "vom", "zu", "zum", "zur", "für",
                    "wie", "was", "wer", "wo", "wann", "warum", "da", "hier", "dort", "dass", "wenn", "als", "man",
                    "diese", "dieser", "dieses", "alle", "total", "voll", "richtig"),
            "es", words("yo", "tú", "tu", "usted", "él", "el", "ella", "ello", "nosotros", "vosotros", "ellos",
                    "ellas", "me", "te", "se", "nos", "os", "lo", "la", "le", "los", "las", "les", "mi", "mis", "tus",
                    "su", "sus", "un", "una", "unos", "unas", "es", "eres", "soy", "son", "sois", "somos", "está",
                    "estás", "están", "ser", "estar", "era", "fue", "ha", "has", "han", "he", "y", "e", "o", "u",
                    "pero", "no", "sí", "si", "ni", "que", "qué", "quien", "quién", "como", "cómo", "donde", "dónde",
                    "cuando", "de", "del", "a", "al", "en", "con", "por", "para", "sin", "sobre", "muy", "tan", "más",
                    "mas", "ya", "también", "solo", "sólo", "este", "esta", "estos", "estas", "ese", "esa", "esos",
                    "esas", "todo", "todos", "toda", "todas", "pues", "eh", "jaja", "jajaja"));

    private FunctionWords() {
    }

    public static Set<String> of(String lang) {
        return WORDS.getOrDefault(lang, Set.of());
    }

    /** Set.of rejects duplicates; hand-written lists may repeat a word across lines. */
    private static Set<String> words(String... w) {
        return Set.copyOf(java.util.List.of(w));
    }
}
