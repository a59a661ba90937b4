package io.detoxstreams.text;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Resolves masked words ({@code f*ck}, {@code b**ch}, {@code sh#t}) to the word they hide, from a list of known
 * (offensive) words in priority order. A mask run of k characters first matches exactly k letters, then 1..k+2.
 */
public final class MaskDictionary {

    public static final MaskDictionary EMPTY = new MaskDictionary(List.of());

    private final List<String> words;

    public MaskDictionary(Collection<String> words) {
        this.words = List.copyOf(new LinkedHashSet<>(words));
    }

    public List<String> words() {
        return words;
    }

    /** The first word matching {@code pattern} (letters literal, {@code * # % _} masked), or null. */
    public String resolve(String pattern) {
        if (words.isEmpty()) {
            return null;
        }
        for (boolean exact : new boolean[] {true, false}) {
            for (String w : words) {
                if (matches(pattern, 0, w, 0, exact)) {
                    return w;
                }
            }
        }
        return null;
    }

    private static boolean isMask(char c) {
        return c == '*' || c == '#' || c == '%' || c == '_';
    }

    private static boolean matches(String p, int pi, String w, int wi, boolean exact) {
        if (pi == p.length()) {
            return wi == w.length();
        }
        char c = p.charAt(pi);
        if (!isMask(c)) {
            return wi < w.length() && w.charAt(wi) == c && matches(p, pi + 1, w, wi + 1, exact);
        }
        int run = 0;
        while (pi + run < p.length() && isMask(p.charAt(pi + run))) {
            run++;
        }
        int min = exact ? run : 1;
        int max = exact ? run : run + 2;
        for (int k = min; k <= max && wi + k <= w.length(); k++) {
            if (allLetters(w, wi, wi + k) && matches(p, pi + run, w, wi + k, exact)) {
                return true;
            }
        }
        return false;
    }

    private static boolean allLetters(String w, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Words usable as mask targets: single tokens of 3+ letters, lower case. */
    public static List<String> usable(Collection<String> candidates) {
        List<String> out = new ArrayList<>();
        for (String c : candidates) {
            String w = c.strip().toLowerCase(java.util.Locale.ROOT);
            if (w.length() >= 3 && allLetters(w, 0, w.length())) {
                out.add(w);
            }
        }
        return out;
    }
}
