package io.detoxstreams.safety;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Small per-language patterns for the two categories that are never rewritten: threats of violence against someone
 * and self-harm (including telling someone to kill themselves). They complement the classifier's {@code threat}
 * category, which sees only what its training data had. Matching is on the lower-cased original.
 *
 * <p>Each rule pairs its regular expression with trigger substrings, at least one of which every match contains; the
 * expression (with Unicode word boundaries, the slow part) runs only when a trigger occurs, so a comment without any
 * costs a few {@code indexOf} calls. Call {@link #threat(String, String)} and {@link #selfHarm(String, String)};
 * thread-safe.
 */
public final class HarmPatterns {

    /** A regular expression and substrings of which every match contains at least one. */
    private record Rule(List<String> triggers, Pattern pattern) {

        boolean matches(String lower) {
            for (String t : triggers) {
                if (lower.contains(t)) {
                    return pattern.matcher(lower).find();
                }
            }
            return false;
        }
    }

    private static final Map<String, List<Rule>> THREATS = Map.of(
            "en", List.of(
                    rule("\\b(i'?ll|i will|i'?m going to|im gonna|i'?m gonna|gonna|going to|i want to|we will|we'?ll)"
                                    + " (kill|murder|shoot|stab|hang|rape|beat|hurt|strangle|slit|burn|lynch|behead|find)"
                                    + " (you|u|ya|him|her|them|your)\\b",
                            "kill", "murder", "shoot", "stab", "hang", "rape", "beat", "hurt", "strangle", "slit",
                            "burn", "lynch", "behead", "find"),
                    rule("\\b(you|u|he|she|they)('?re| are| is)? (gonna|going to|will) (die|be dead|get shot|get hurt)"
                            + "\\b", "die", "dead", "shot", "hurt"),
                    rule("\\b(should|deserve to|needs? to) (be )?(shot|killed|hanged|hung|lynched|executed|raped|die)\\b",
                            "shot", "kill", "hang", "hung", "lynch", "execut", "rape", "die"),
                    rule("\\b(kill|shoot|hang|lynch|execute|gas|rape|behead) (them|him|her|all|every|those|these)\\b",
                            "kill", "shoot", "hang", "lynch", "execute", "gas", "rape", "behead"),
                    rule("\\bput a bullet\\b", "bullet"),
                    rule("\\bwatch your back\\b", "back"),
                    rule("\\bi know where you live\\b", "live")),
            "ru", List.of(
                    rule("\\b(убью|убьем|зарежу|пристрелю|закопаю|урою|прибью|повешу|сожгу)\\b",
                            "убью", "убьем", "зарежу", "пристрелю", "закопаю", "урою", "прибью", "повешу", "сожгу"),
                    rule("\\b(расстрелять|повесить|убить|перестрелять|сжечь|закопать) (их|его|её|ее|всех|тебя|вас)\\b",
                            "расстрелять", "повесить", "убить", "перестрелять", "сжечь", "закопать"),
                    rule("\\b(тебе|вам) (конец|не жить|хана)\\b", "конец", "не жить", "хана")),
            "uk", List.of(
                    rule("\\b(вб'?ю|вбʼю|заріжу|пристрелю|закопаю|повішу|спалю)\\b",
                            "вб", "заріжу", "пристрелю", "закопаю", "повішу", "спалю"),
                    rule("\\b(розстріляти|повісити|вбити|спалити) (їх|його|її|всіх|тебе|вас)\\b",
                            "розстріляти", "повісити", "вбити", "спалити")),
            "de", List.of(
                    rule("\\b(ich|wir) (bringe?n?|werde[n]?) (dich|euch|ihn|sie) (um|umbringen|töten|abstechen)\\b",
                            "bring", "werde"),
                    rule("\\b(erschießen|aufhängen|vergasen|abstechen|umbringen|hinrichten)\\b",
                            "erschießen", "aufhängen", "vergasen", "abstechen", "umbringen", "hinrichten")),
            "es", List.of(
                    rule("\\b(te|os|lo|la|los|las) (voy|vamos) a (matar|pegar|violar|quemar|colgar)\\b",
                            "matar", "pegar", "violar", "quemar", "colgar"),
                    rule("\\b(hay que|habría que|deberían) (matar|fusilar|colgar|quemar)(los|las|lo|la)?\\b",
                            "matar", "fusilar", "colgar", "quemar"),
                    rule("\\b(fusilarlos|matarlos|colgarlos|quemarlos)\\b", "fusilar", "matar", "colgar", "quemar")));

    private static final Map<String, List<Rule>> SELF_HARM = Map.of(
            "en", List.of(
                    rule("\\b(kill|hang|shoot|off) (your ?self|urself|ur self|yourselves|myself)\\b", "self", "selves"),
                    rule("\\bkys\\b", "kys"),
                    rule("\\b(commit|go commit) suicide\\b", "suicide"),
                    rule("\\bslit (your|ur|my) wrists?\\b", "wrist"),
                    rule("\\bi (want|wanna) to die\\b", "die"),
                    rule("\\bdrink bleach\\b", "bleach"),
                    rule("\\bjump off a (bridge|cliff|building)\\b", "jump"),
                    rule("\\b(end|take) (my|your) (own )?life\\b", "life")),
            "ru", List.of(
                    rule("\\b(убей|убейся|повесься|вскройся|выпились|самоубейся|застрелись)\\b",
                            "убей", "повесься", "вскройся", "выпились", "самоубейся", "застрелись"),
                    rule("\\bубить себя\\b", "убить себя"),
                    rule("\\bпокончи(ть)? с собой\\b", "с собой")),
            "uk", List.of(
                    rule("\\b(вбий себе|повісься|вбийся|застрелься)\\b", "вбий", "повісься", "застрелься"),
                    rule("\\bпокінчи(ти)? з собою\\b", "з собою")),
            "de", List.of(
                    rule("\\b(bring|töte|erschieß|erhäng) dich( selbst)?( um)?\\b", "dich"),
                    rule("\\bselbstmord\\b", "selbstmord")),
            "es", List.of(
                    rule("\\b(mátate|suicídate|suicidate|ahórcate|ahorcate)\\b",
                            "mátate", "suicídate", "suicidate", "ahórcate", "ahorcate"),
                    rule("\\bquitarme la vida\\b", "quitarme")));

    private HarmPatterns() {
    }

    private static Rule rule(String regex, String... triggers) {
        return new Rule(List.of(triggers),
                Pattern.compile(regex, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS));
    }

    public static boolean threat(String text, String lang) {
        return matches(THREATS.get(lang), text);
    }

    public static boolean selfHarm(String text, String lang) {
        return matches(SELF_HARM.get(lang), text);
    }

    /** The same decision without the trigger prefilter (for tests: the triggers must never change a decision). */
    static boolean withoutTriggers(String text, String lang, boolean threat) {
        List<Rule> rules = (threat ? THREATS : SELF_HARM).get(lang);
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        return rules != null && rules.stream().anyMatch(r -> r.pattern().matcher(lower).find());
    }

    private static boolean matches(List<Rule> rules, String text) {
        if (rules == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        for (Rule r : rules) {
            if (r.matches(lower)) {
                return true;
            }
        }
        return false;
    }
}
