package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.ToxicSpan;

import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;

/** The obfuscations users apply to toxic words, for robustness tests. Each takes one word. */
final class Obfuscations {

    private Obfuscations() {
    }

    /** Obfuscates the words inside {@code spans} (or the longest word when there are none). */
    static String apply(String text, List<ToxicSpan> spans, UnaryOperator<String> obfuscate) {
        if (spans.isEmpty()) {
            String longest = "";
            for (String w : text.split("\\s+")) {
                if (w.length() > longest.length() && w.chars().allMatch(Character::isLetter)) {
                    longest = w;
                }
            }
            return longest.isEmpty() ? text : text.replace(longest, obfuscate.apply(longest));
        }
        StringBuilder sb = new StringBuilder();
        int last = 0;
        for (ToxicSpan s : spans) {
            sb.append(text, last, s.start());
            StringBuilder span = new StringBuilder();
            for (String part : text.substring(s.start(), s.end()).split("(?<=\\s)|(?=\\s)")) {
                span.append(part.isBlank() ? part : obfuscate.apply(part));
            }
            sb.append(span);
            last = s.end();
        }
        return sb.append(text.substring(last)).toString();
    }

    static String leet(String w, Random r) {
        String from = "aeiost";
        String to = "4310$7";
        StringBuilder sb = new StringBuilder(w);
        boolean changed = false;
        for (int i = 1; i < sb.length(); i++) {
            int k = from.indexOf(Character.toLowerCase(sb.charAt(i)));
            if (k >= 0 && (!changed || r.nextBoolean())) {
                sb.setCharAt(i, to.charAt(k));
                changed = true;
            }
        }
        return sb.toString();
    }

    static String spaced(String w, Random r) {
        return String.join(" ", w.split(""));
    }

    static String homoglyphs(String w, Random r) {
        String latin = "aeopcxyAEOPCXY";
        String cyr = "аеорсхуАЕОРСХУ";
        StringBuilder sb = new StringBuilder(w);
        for (int i = 0; i < sb.length(); i++) {
            int k = latin.indexOf(sb.charAt(i));
            int c = cyr.indexOf(sb.charAt(i));
            if (k >= 0) {
                sb.setCharAt(i, cyr.charAt(k));
            } else if (c >= 0) {
                sb.setCharAt(i, latin.charAt(c));
            }
        }
        return sb.toString();
    }

    static String zeroWidth(String w, Random r) {
        return String.join("\u200B", w.split(""));
    }

    static String repeats(String w, Random r) {
        for (int i = w.length() - 1; i >= 0; i--) {
            if ("aeiouаеиоуыяю".indexOf(Character.toLowerCase(w.charAt(i))) >= 0) {
                return w.substring(0, i + 1) + String.valueOf(w.charAt(i)).repeat(4) + w.substring(i + 1);
            }
        }
        return w + w.charAt(w.length() - 1) + w.charAt(w.length() - 1) + w.charAt(w.length() - 1);
    }

    static String masked(String w, Random r) {
        if (w.length() < 3) {
            return w;
        }
        for (int i = 1; i < w.length() - 1; i++) {
            if ("aeiouаеиоуыяю".indexOf(Character.toLowerCase(w.charAt(i))) >= 0) {
                return w.substring(0, i) + "*" + w.substring(i + 1);
            }
        }
        return w.charAt(0) + "*" + w.substring(2);
    }
}
