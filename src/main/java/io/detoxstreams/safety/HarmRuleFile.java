package io.detoxstreams.safety;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads one language's harm rules ({@code /safety/harm/<lang>.tsv}, the project's own hand-written lists). Lines are
 * tab-separated; {@code #} starts a comment:
 * <pre>
 * words   NAME     stem* word stem* …             a word list; "stem*" is the stem with any ending
 * define  NAME     REGEX                           a named part of an expression
 * threat  TRIGGERS REGEX                           a threat rule
 * self_harm TRIGGERS REGEX                         a self-harm rule
 * </pre>
 * In a regular expression {@code {NAME}} stands for the words of list NAME or for the expression defined as NAME (as
 * a non-capturing group), and a space for one space (the text's white space is collapsed); {@code \b}, {@code \w} are Unicode-aware. TRIGGERS is a
 * comma-separated list of literal substrings, at least one of which every match contains ({@code {NAME}} there means
 * the list's stems): a rule runs only when one of them occurs in the comment. Words, triggers and expressions are
 * folded like the text ({@link FoldedText}), so they are written without accents or capitals.
 */
final class HarmRuleFile {

    /** One rule: what it finds, the substrings that must occur, the expression, and where it was written. */
    record Rule(HarmKind kind, List<String> triggers, Pattern pattern, String source) {
    }

    private static final Pattern REFERENCE = Pattern.compile("\\{([A-Z_]+)}");

    private HarmRuleFile() {
    }

    static List<Rule> read(InputStream in, String name) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(r.lines().toList(), name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read harm rules " + name, e);
        }
    }

    static List<Rule> parse(List<String> lines, String name) {
        Map<String, List<String>> words = new LinkedHashMap<>();
        Map<String, String> defines = new LinkedHashMap<>();
        List<Rule> rules = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t+");
            String where = name + " line " + (n + 1);
            if (f.length != 3) {
                throw new IllegalArgumentException(where + ": expected 3 tab-separated fields, got " + f.length);
            }
            switch (f[0]) {
                case "words" -> words.put(f[1], List.of(FoldedText.fold(f[2]).split(" ")));
                case "define" -> defines.put(f[1], expand(f[2], words, defines, where));
                case "threat", "self_harm" -> rules.add(new Rule(HarmKind.valueOf(f[0].toUpperCase(java.util.Locale.ROOT)),
                        triggers(f[1], words, where), compile(expand(f[2], words, defines, where), where), where));
                default -> throw new IllegalArgumentException(where + ": unknown kind '" + f[0] + "'");
            }
        }
        return rules;
    }

    private static List<String> triggers(String field, Map<String, List<String>> words, String where) {
        List<String> out = new ArrayList<>();
        for (String t : field.split(",")) {
            Matcher m = REFERENCE.matcher(t.strip());
            if (m.matches()) {
                for (String w : list(words, m.group(1), where)) {
                    out.add(stem(w));
                }
            } else if (!t.isBlank()) {
                out.add(FoldedText.fold(t.strip()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": no triggers");
        }
        return List.copyOf(out);
    }

    /** The expression with every {NAME} replaced by its word list or definition. */
    private static String expand(String regex, Map<String, List<String>> words, Map<String, String> defines,
                                 String where) {
        Matcher m = REFERENCE.matcher(FoldedText.foldLetters(regex));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (defines.containsKey(name)) {
                replacement = "(?:" + defines.get(name) + ")";
            } else {
                StringBuilder alt = new StringBuilder("(?:");
                List<String> list = list(words, name, where);
                for (int i = 0; i < list.size(); i++) {
                    String w = list.get(i);
                    alt.append(i == 0 ? "" : "|").append(Pattern.quote(stem(w))).append(w.endsWith("*") ? "\\w*" : "");
                }
                replacement = alt.append(')').toString();
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static Pattern compile(String regex, String where) {
        try {
            return Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException(where + ": bad regular expression: " + e.getMessage(), e);
        }
    }

    private static List<String> list(Map<String, List<String>> words, String name, String where) {
        List<String> l = words.get(name);
        if (l == null) {
            throw new IllegalArgumentException(where + ": word list {" + name + "} is not defined above");
        }
        return l;
    }

    private static String stem(String w) {
        return w.endsWith("*") ? w.substring(0, w.length() - 1) : w;
    }
}
