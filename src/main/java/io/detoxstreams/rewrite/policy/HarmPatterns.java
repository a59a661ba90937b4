package io.detoxstreams.rewrite.policy;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Small per-language patterns for the two categories that are never rewritten: threats of violence against someone
 * and self-harm (including telling someone to kill themselves). They complement the classifier's {@code threat}
 * category, which sees only what its training data had. Matching is on the lower-cased original.
 *
 * <p>Call {@link #threat(String, String)} and {@link #selfHarm(String, String)}; thread-safe.
 */
public final class HarmPatterns {

    private static final Map<String, List<Pattern>> THREATS = Map.of(
            "en", compile(
                    "\\b(i'?ll|i will|i'?m going to|im gonna|i'?m gonna|gonna|going to|i want to|we will|we'?ll)"
                            + " (kill|murder|shoot|stab|hang|rape|beat|hurt|strangle|slit|burn|lynch|behead|find)"
                            + " (you|u|ya|him|her|them|your)\\b",
                    "\\b(you|u|he|she|they)('?re| are| is)? (gonna|going to|will) (die|be dead|get shot|get hurt)\\b",
                    "\\b(should|deserve to|needs? to) (be )?(shot|killed|hanged|hung|lynched|executed|raped|die)\\b",
                    "\\b(kill|shoot|hang|lynch|execute|gas|rape|behead) (them|him|her|all|every|those|these)\\b",
                    "\\bput a bullet\\b", "\\bwatch your back\\b", "\\bi know where you live\\b"),
            "ru", compile("\\b(убью|убьем|зарежу|пристрелю|закопаю|урою|прибью|повешу|сожгу)\\b",
                    "\\b(расстрелять|повесить|убить|перестрелять|сжечь|закопать) (их|его|её|ее|всех|тебя|вас)\\b",
                    "\\b(тебе|вам) (конец|не жить|хана)\\b"),
            "uk", compile("\\b(вб'?ю|вбʼю|заріжу|пристрелю|закопаю|повішу|спалю)\\b",
                    "\\b(розстріляти|повісити|вбити|спалити) (їх|його|її|всіх|тебе|вас)\\b"),
            "de", compile("\\b(ich|wir) (bringe?n?|werde[n]?) (dich|euch|ihn|sie) (um|umbringen|töten|abstechen)\\b",
                    "\\b(erschießen|aufhängen|vergasen|abstechen|umbringen|hinrichten)\\b"),
            "es", compile("\\b(te|os|lo|la|los|las) (voy|vamos) a (matar|pegar|violar|quemar|colgar)\\b",
                    "\\b(hay que|habría que|deberían) (matar|fusilar|colgar|quemar)(los|las|lo|la)?\\b",
                    "\\b(fusilarlos|matarlos|colgarlos|quemarlos)\\b"));

    private static final Map<String, List<Pattern>> SELF_HARM = Map.of(
            "en", compile("\\b(kill|hang|shoot|off) (your ?self|urself|ur self|yourselves|myself)\\b", "\\bkys\\b",
                    "\\b(commit|go commit) suicide\\b", "\\bslit (your|ur|my) wrists?\\b",
                    "\\bi (want|wanna) to die\\b", "\\bdrink bleach\\b", "\\bjump off a (bridge|cliff|building)\\b",
                    "\\b(end|take) (my|your) (own )?life\\b"),
            "ru", compile("\\b(убей|убейся|повесься|вскройся|выпились|самоубейся|застрелись)\\b",
                    "\\bубить себя\\b", "\\bпокончи(ть)? с собой\\b"),
            "uk", compile("\\b(вбий себе|повісься|вбийся|застрелься)\\b", "\\bпокінчи(ти)? з собою\\b"),
            "de", compile("\\b(bring|töte|erschieß|erhäng) dich( selbst)?( um)?\\b", "\\bselbstmord\\b"),
            "es", compile("\\b(mátate|suicídate|suicidate|ahórcate|ahorcate)\\b", "\\bquitarme la vida\\b"));

    private HarmPatterns() {
    }

    private static List<Pattern> compile(String... regexes) {
        return java.util.Arrays.stream(regexes)
                .map(r -> Pattern.compile(r, Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS))
                .toList();
    }

    public static boolean threat(String text, String lang) {
        return matches(THREATS.get(lang), text);
    }

    public static boolean selfHarm(String text, String lang) {
        return matches(SELF_HARM.get(lang), text);
    }

    private static boolean matches(List<Pattern> patterns, String text) {
        if (patterns == null) {
            return false;
        }
        String lower = text.toLowerCase(java.util.Locale.ROOT).replace('\u2019', '\'');
        for (Pattern p : patterns) {
            if (p.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }
}
