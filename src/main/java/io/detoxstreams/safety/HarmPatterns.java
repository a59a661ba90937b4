package io.detoxstreams.safety;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Hand-written per-language rules for the two kinds of harm that are never rewritten: threats of violence (direct —
 * "I will kill you" — and conditional — "say that again and I'll break your legs") and self-harm. They complement the
 * classifier's learned {@code threat} category, which knows only the threats of its training data; the rules know
 * violent verbs in every shipped language. Rules live in {@code /safety/harm/<lang>.tsv} ({@link HarmRuleFile}) and
 * match the {@link FoldedText} of a comment; a match reports its span in original UTF-16 offsets.
 *
 * <p>Each rule names trigger substrings, at least one of which every match contains. A comment is scanned once for
 * all triggers of its language (a table by first character), and only the rules whose triggers occur run their
 * expression (the slow part), so a comment without any costs a pass over its characters. Self-harm rules are tried
 * before threat rules. Immutable and thread-safe:
 * <pre>{@code
 * Optional<HarmPatterns.Match> m = HarmPatterns.shipped().find("If you come back I will hurt you", "en");
 * }</pre>
 */
public final class HarmPatterns {

    /** Languages with a rule file in the jar. */
    public static final List<String> LANGUAGES = List.of("ar", "da", "de", "el", "en", "es", "fr", "hi", "it", "ko",
            "nl", "pl", "pt", "ru", "tr", "uk", "zh");

    /**
     * A rule's match.
     *
     * @param start UTF-16 offset into the original comment, inclusive
     * @param end   exclusive
     * @param rule  where the rule is written ({@code en.tsv line 12})
     */
    public record Match(HarmKind kind, int start, int end, String rule) {
    }

    private static volatile HarmPatterns shipped;

    private final Map<String, Language> languages;

    private HarmPatterns(Map<String, Language> languages) {
        this.languages = Map.copyOf(languages);
    }

    /** The rules shipped in the jar, loaded once; fails with the file name and line of a broken rule. */
    public static HarmPatterns shipped() {
        HarmPatterns p = shipped;
        if (p == null) {
            synchronized (HarmPatterns.class) {
                if (shipped == null) {
                    Map<String, Language> m = new LinkedHashMap<>();
                    for (String lang : LANGUAGES) {
                        String resource = "/safety/harm/" + lang + ".tsv";
                        try (InputStream in = HarmPatterns.class.getResourceAsStream(resource)) {
                            if (in == null) {
                                throw new IllegalStateException("harm rules " + resource + " are not on the classpath");
                            }
                            m.put(lang, new Language(HarmRuleFile.read(in, lang + ".tsv")));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }
                    shipped = new HarmPatterns(m);
                }
                p = shipped;
            }
        }
        return p;
    }

    /** Rules from the lines of one language's file (for tests). */
    static HarmPatterns of(String lang, List<String> lines) {
        return new HarmPatterns(Map.of(lang, new Language(HarmRuleFile.parse(lines, lang + ".tsv"))));
    }

    /** Whether {@code lang} has rules. */
    public boolean covers(String lang) {
        return languages.containsKey(lang);
    }

    /** The first self-harm match, else the first threat match, in {@code lang}'s rules. */
    public Optional<Match> find(String text, String lang) {
        return find(text, lang, null);
    }

    /**
     * The first match in {@code lang}'s rules, else in {@code fallback}'s (null: none); the comment is folded once for
     * both.
     */
    public Optional<Match> find(String text, String lang, String fallback) {
        Language l = languages.get(lang);
        Language f = fallback == null || fallback.equals(lang) ? null : languages.get(fallback);
        if (l == null && f == null || text.isEmpty()) {
            return Optional.empty();
        }
        FoldedText folded = FoldedText.of(text);
        Optional<Match> m = l == null ? Optional.empty() : l.find(folded, true);
        return m.isPresent() || f == null ? m : f.find(folded, true);
    }

    /** Whether a threat rule of {@code lang} matches. */
    public static boolean threat(String text, String lang) {
        return shipped().findKind(text, lang, HarmKind.THREAT).isPresent();
    }

    /** Whether a self-harm rule of {@code lang} matches. */
    public static boolean selfHarm(String text, String lang) {
        return shipped().findKind(text, lang, HarmKind.SELF_HARM).isPresent();
    }

    /** The first match of one kind. */
    Optional<Match> findKind(String text, String lang, HarmKind kind) {
        Language l = languages.get(lang);
        if (l == null || text.isEmpty()) {
            return Optional.empty();
        }
        FoldedText f = FoldedText.of(text);
        return l.find(f, true, kind);
    }

    /** The same decision without the trigger prefilter (for tests: triggers must never change a decision). */
    Optional<Match> findWithoutTriggers(String text, String lang) {
        Language l = languages.get(lang);
        return l == null ? Optional.empty() : l.find(FoldedText.of(text), false);
    }

    /** One language's rules and its trigger table. */
    private static final class Language {

        private final List<HarmRuleFile.Rule> rules;
        /** Which rules have a trigger in a text: the prefilter before any rule's pattern runs. */
        private final TriggerTrie triggers;

        Language(List<HarmRuleFile.Rule> all) {
            List<HarmRuleFile.Rule> ordered = new ArrayList<>();
            all.stream().filter(r -> r.kind() == HarmKind.SELF_HARM).forEach(ordered::add);
            all.stream().filter(r -> r.kind() == HarmKind.THREAT).forEach(ordered::add);
            this.rules = List.copyOf(ordered);
            this.triggers = new TriggerTrie(rules.stream().map(HarmRuleFile.Rule::triggers).toList());
        }

        Optional<Match> find(FoldedText f, boolean useTriggers) {
            return find(f, useTriggers, null);
        }

        Optional<Match> find(FoldedText f, boolean useTriggers, HarmKind only) {
            boolean[] candidate = useTriggers ? triggers.matches(f.text()) : null;
            if (useTriggers && candidate == null) {
                return Optional.empty(); // no rule's trigger occurs
            }
            for (int i = 0; i < rules.size(); i++) {
                HarmRuleFile.Rule r = rules.get(i);
                if (only != null && r.kind() != only || candidate != null && !candidate[i]) {
                    continue;
                }
                Matcher m = r.pattern().matcher(f.text());
                if (m.find()) {
                    int[] range = f.originalRange(m.start(), m.end());
                    return Optional.of(new Match(r.kind(), range[0], range[1], r.source()));
                }
            }
            return Optional.empty();
        }
    }
}
