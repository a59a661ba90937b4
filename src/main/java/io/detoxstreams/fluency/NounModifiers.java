package io.detoxstreams.fluency;

import io.detoxstreams.text.FunctionWords;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-language words that stand between a determiner and its noun — adjectives and other pre-modifiers ("a
 * <b>greedy</b> lunatic", "the <b>senile</b> old man") — and so cannot end a noun phrase: "this woman is a greedy."
 * has lost the noun its modifier belonged to. Mined by {@link #mine} from the same human sentences the language model
 * is trained on (the neutral sides of detox/&lt;lang&gt;.tsv and the non-toxic comments, {@code train-lm}), and from the toxic sides
 * of the TRAIN pairs (where "a stupid idiot" shows the adjective's place as well as any neutral sentence): a word is a
 * pre-modifier when it follows one of the language's determiners ({@link #determiner}) at least {@link #MIN_SEEN}
 * times and, in at least {@link #MIN_SHARE} of those, another content word follows it (the noun; occurrences followed
 * by a comma or a conjunction, "a stupid, ignorant man", are not counted). Nouns after a
 * determiner are mostly followed by a verb, a function word or punctuation ("the house is", "my house."), so they stay
 * out. Written as {@code fluency/modifiers-<lang>.txt} (one word a line) next to the language models; languages
 * without articles (ru, uk, zh, hi) get none: a Russian adjective after its noun is a complete predicate ("журналисты
 * лживые").
 *
 * <p>Also a small hand-written list per language of words that only exist for the noun after them ({@link #headless}:
 * "piece", "bunch", "total", "complete"; ru "полный", "конченый"), which dangle when that noun is deleted whatever
 * precedes them ("that senator is a corrupt piece.", "этот президент полный").
 */
public final class NounModifiers {

    /** Times a word must follow a determiner to be judged. */
    public static final int MIN_SEEN = 3;

    /** Share of those in which a content word follows it. */
    public static final double MIN_SHARE = 0.75;

    private static final Set<String> COORDINATION = Set.of(",", "/", "&", "，");

    private static final Map<String, Set<String>> DETERMINERS = Map.of(
            "en", Set.of("a", "an", "the", "this", "that", "these", "those", "my", "your", "ur", "his", "her", "its",
                    "our", "their", "such", "some", "every", "any"),
            "de", Set.of("ein", "eine", "einen", "einem", "einer", "eines", "der", "die", "das", "den", "dem", "des",
                    "dieser", "diese", "dieses", "diesen", "diesem", "mein", "meine", "dein", "deine", "sein", "seine",
                    "unser", "unsere"),
            "es", Set.of("un", "una", "unos", "unas", "el", "la", "los", "las", "este", "esta", "estos", "estas",
                    "ese", "esa", "esos", "esas", "mi", "mis", "tu", "tus", "su", "sus"));

    private static final Map<String, Set<String>> INDEFINITE = Map.of(
            "en", Set.of("a", "an"),
            "de", Set.of("ein", "eine", "einen", "einem", "einer", "eines"),
            "es", Set.of("un", "una", "unos", "unas"));

    private static final Map<String, Set<String>> HEADLESS = Map.of(
            "en", Set.of("piece", "pieces", "bunch", "load", "sack", "bag", "total", "complete", "absolute", "utter",
                    "real", "little", "fucking", "freaking"),
            "ru", Set.of("полный", "полная", "полное", "полные", "полного", "полным", "конченый", "конченая",
                    "конченые", "конченного", "конченный", "конченная", "настоящий", "настоящая", "редкий",
                    "редкостный", "редкостная", "самый", "самая"),
            "uk", Set.of("повний", "повна", "повні", "справжній", "справжня"),
            "de", Set.of("total", "völlig", "voll", "richtiger", "richtige", "verdammter", "verdammte"),
            "es", Set.of("pedazo", "completo", "completa", "total", "auténtico", "auténtica", "puto", "puta",
                    "maldito", "maldita"));

    private static final Map<String, Set<String>> LOADED = new ConcurrentHashMap<>();

    private NounModifiers() {
    }

    /** Whether {@code key} is a determiner of {@code lang} (a word a noun phrase starts with). */
    public static boolean determiner(String lang, String key) {
        return DETERMINERS.getOrDefault(lang, Set.of()).contains(key);
    }

    /** Whether {@code key} is an indefinite article of {@code lang} (it never ends a noun phrase). */
    public static boolean indefinite(String lang, String key) {
        return INDEFINITE.getOrDefault(lang, Set.of()).contains(key);
    }

    /** Whether {@code key} only exists for the noun after it (hand-written, see the class comment). */
    public static boolean headless(String lang, String key) {
        return HEADLESS.getOrDefault(lang, Set.of()).contains(key);
    }

    /** Whether {@code key} is a mined pre-modifier of {@code lang} (the shipped list; empty without one). */
    public static boolean modifier(String lang, String key) {
        return key != null && of(lang).contains(key);
    }

    /** The shipped pre-modifiers of {@code lang}: {@code fluency/modifiers-<lang>.txt}, or none. */
    public static Set<String> of(String lang) {
        if (lang == null || !DETERMINERS.containsKey(lang)) {
            return Set.of();
        }
        return LOADED.computeIfAbsent(lang, NounModifiers::load);
    }

    public static String resourceName(String lang) {
        return "fluency/modifiers-" + lang + ".txt";
    }

    private static Set<String> load(String lang) {
        try (InputStream in = NounModifiers.class.getClassLoader().getResourceAsStream(resourceName(lang))) {
            if (in == null) {
                return Set.of();
            }
            Set<String> out = new java.util.HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.trim();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    out.add(w);
                }
            }
            return Set.copyOf(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName(lang), e);
        }
    }

    /** The pre-modifiers of {@code lang} in {@code sentences} by the rule of the class comment; sorted. */
    public static Set<String> mine(String lang, List<String> sentences) {
        Set<String> dets = DETERMINERS.getOrDefault(lang, Set.of());
        Set<String> function = FunctionWords.of(lang);
        Map<String, int[]> counts = new HashMap<>();
        for (String s : sentences) {
            List<String> t = LmTokens.of(s);
            for (int i = 0; i + 1 < t.size(); i++) {
                String w = t.get(i + 1);
                if (!dets.contains(t.get(i)) || !LmTokens.isWord(w) || function.contains(w) || dets.contains(w)) {
                    continue;
                }
                String next = i + 2 < t.size() ? t.get(i + 2) : null;
                if (next != null && (COORDINATION.contains(next) || Dangling.conjunction(lang, next))) {
                    continue; // "a stupid, ignorant man", "the stupid and corrupt": says nothing either way
                }
                int[] c = counts.computeIfAbsent(w, k -> new int[2]);
                c[0]++;
                if (next != null && LmTokens.isWord(next) && !function.contains(next)) {
                    c[1]++;
                }
            }
        }
        Set<String> out = new TreeSet<>();
        counts.forEach((w, c) -> {
            if (c[0] >= MIN_SEEN && c[1] >= MIN_SHARE * c[0] && !HEADLESS.getOrDefault(lang, Set.of()).contains(w)) {
                out.add(w);
            }
        });
        return out;
    }

    /** Writes {@code words} as {@link #resourceName} under {@code dir}'s parent layout ({@code dir} = .../fluency). */
    public static void write(Set<String> words, String lang, Path dir) throws IOException {
        StringBuilder b = new StringBuilder("# pre-modifiers of '" + lang + "', mined by train-lm (NounModifiers.mine)\n");
        for (String w : new TreeSet<>(words)) {
            b.append(w).append('\n');
        }
        Files.writeString(dir.resolve("modifiers-" + lang + ".txt"), b.toString(), StandardCharsets.UTF_8);
    }

    /** Whether {@code lang} has determiners, so pre-modifiers can be mined for it. */
    public static boolean mined(String lang) {
        return DETERMINERS.containsKey(lang);
    }
}
