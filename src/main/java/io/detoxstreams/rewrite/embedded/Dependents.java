package io.detoxstreams.rewrite.embedded;

import java.util.Map;
import java.util.Set;

/**
 * Per-language words that belong to a toxic word rather than to the sentence — articles, determiners, possessives,
 * "of" (piece of, bunch of), insult intensifiers (total, complete), the vocative "you" — and may be deleted together
 * with it ("you are a
 * useless cunt" → "you are useless" / "you are"; "his piece of shit parents" → "his parents"). Negations are never
 * here: deleting one turns the meaning around. Which of the candidates {@link EditChooser} builds from these is
 * used is decided by the fluency model, not by the list. Hand-written, lower-case.
 */
final class Dependents {

    private static final Map<String, Set<String>> WORDS = Map.of(
            "en", Set.of("a", "an", "the", "this", "that", "these", "those", "my", "your", "ur", "his", "her", "its",
                    "our", "their", "such", "of", "piece", "pieces", "bunch", "load", "sack", "bag", "kind", "sort",
                    "total", "complete", "absolute", "utter", "you", "u", "ya", "ye", "fucking", "freaking", "damn"),
            "ru", Set.of("ты", "вы", "этот", "эта", "это", "эти", "этого", "этих", "этой", "этому", "тот", "та", "те",
                    "такой", "такая", "такие", "такого", "таких", "твой", "твоя", "твои", "ваш", "ваша", "ваши",
                    "его", "её", "ее", "их", "полный", "полная", "полное", "полные", "конченый", "конченая", "какой",
                    "какая", "какие", "блин"),
            "uk", Set.of("ти", "ви", "цей", "ця", "це", "ці", "цього", "цих", "той", "та", "ті", "такий", "така",
                    "такі", "твій", "твоя", "твої", "ваш", "ваша", "ваші", "його", "її", "їх", "повний", "який", "яка",
                    "які"),
            "de", Set.of("ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem", "des",
                    "dieser", "diese", "dieses", "diesen", "diesem", "du", "ihr", "sie", "dein", "deine", "deinen",
                    "euer", "eure", "total", "voll", "völlig", "verdammt", "was", "für"),
            "es", Set.of("un", "una", "unos", "unas", "el", "la", "los", "las", "este", "esta", "estos", "estas",
                    "ese", "esa", "esos", "esas", "tu", "tus", "su", "sus", "vuestro", "vuestra", "de", "del", "tú",
                    "usted", "vosotros", "completo", "completa", "puto", "puta", "maldito", "maldita", "pedazo",
                    "qué"));

    /** The addressee's pronouns among {@link #WORDS}: the vocative "you" is no part of a noun phrase. */
    private static final Map<String, Set<String>> VOCATIVES = Map.of(
            "en", Set.of("you", "u", "ya", "ye"),
            "ru", Set.of("ты", "вы"),
            "uk", Set.of("ти", "ви"),
            "de", Set.of("du", "ihr", "sie"),
            "es", Set.of("tú", "usted", "vosotros"));

    /** Determiners among {@link #WORDS} that are also pronouns: without their noun they still make a sentence. */
    private static final Map<String, Set<String>> STAND_ALONE = Map.of(
            "en", Set.of("this", "that"),
            "ru", Set.of("этот", "эта", "это", "эти", "этого", "этих", "этой", "этому", "этим", "эту", "такой", "такая",
                    "такое", "такие", "такого", "таких", "такую", "таким"),
            "uk", Set.of("цей", "ця", "це", "ці", "цього", "цих", "цієї", "цьому", "цим", "цю", "такий", "така", "таке",
                    "такі", "такого", "таких", "таку"));

    private static final Map<String, Set<String>> NEGATIONS = Map.of(
            "en", Set.of("not", "no", "never", "nothing", "nobody", "none", "neither", "nor", "don", "t", "isn",
                    "aren", "wasn", "weren", "won", "can", "cannot", "didn", "doesn", "shouldn", "wouldn"),
            "ru", Set.of("не", "нет", "ни", "никогда", "ничего", "никто"),
            "uk", Set.of("не", "ні", "ніколи", "нічого", "ніхто"),
            "de", Set.of("nicht", "kein", "keine", "keinen", "keinem", "keiner", "nie", "niemals", "nichts",
                    "niemand"),
            "es", Set.of("no", "nunca", "nada", "nadie", "ni", "jamás", "tampoco"),
            "zh", Set.of("不", "没", "别", "未", "勿"));

    private Dependents() {
    }

    static boolean copula(String lang, String key) {
        return io.detoxstreams.fluency.Dangling.copula(lang, key);
    }

    static boolean contains(String lang, String key) {
        return WORDS.getOrDefault(lang, Set.of()).contains(key);
    }

    static boolean vocative(String lang, String key) {
        return key != null && VOCATIVES.getOrDefault(lang, Set.of()).contains(key);
    }

    static boolean standsAlone(String lang, String key) {
        return key != null && STAND_ALONE.getOrDefault(lang, Set.of()).contains(key);
    }

    static boolean negation(String lang, String key) {
        return NEGATIONS.getOrDefault(lang, Set.of()).contains(key);
    }
}
