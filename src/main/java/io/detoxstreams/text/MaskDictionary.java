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
    /** Words by length, in priority order, so a pattern only looks at words it could match. */
    private final java.util.Map<Integer, List<String>> byLength = new java.util.HashMap<>();
    /** Words by length and first letter ({@link #key}), in priority order: a pattern that starts with a letter. */
    private final java.util.Map<Integer, List<String>> byLengthAndHead = new java.util.HashMap<>();
    private final java.util.Map<String, Integer> ranks = new java.util.HashMap<>();
    /** "left|right" context (one or two chars each side, {@code <}/{@code >} at word edges) → likeliest letter. */
    private final java.util.Map<String, Character> fills = new java.util.HashMap<>();

    public MaskDictionary(Collection<String> words) {
        this.words = List.copyOf(new LinkedHashSet<>(words));
        for (String w : this.words) {
            byLength.computeIfAbsent(w.length(), k -> new ArrayList<>()).add(w);
            byLengthAndHead.computeIfAbsent(key(w.length(), w.charAt(0)), k -> new ArrayList<>()).add(w);
            ranks.put(w, ranks.size());
        }
        for (String w : this.words) {
            String padded = "<<" + w + ">>";
            for (int i = 2; i < padded.length() - 2; i++) {
                char c = padded.charAt(i);
                fills.putIfAbsent(padded.substring(i - 2, i) + "|" + padded.substring(i + 1, i + 3), c);
                fills.putIfAbsent(padded.substring(i - 1, i) + "|" + padded.substring(i + 1, i + 2), c);
            }
        }
    }

    public List<String> words() {
        return words;
    }

    /** The first word matching {@code pattern} (letters literal, {@code * # % _} masked), or null. */
    public String resolve(String pattern) {
        if (words.isEmpty()) {
            return null;
        }
        int masks = 0;
        int runs = 0;
        for (int i = 0; i < pattern.length(); i++) {
            if (isMask(pattern.charAt(i))) {
                masks++;
                if (i == 0 || !isMask(pattern.charAt(i - 1))) {
                    runs++;
                }
            }
        }
        String exact = first(pattern, pattern.length(), pattern.length(), true);
        if (exact != null) {
            return exact;
        }
        // A run of k masks may hide 1..k+2 letters.
        return first(pattern, pattern.length() - masks + runs, pattern.length() + 2 * runs, false);
    }

    private String first(String pattern, int minLength, int maxLength, boolean exact) {
        char head = pattern.charAt(0);
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        boolean anyHead = isMask(head);
        for (int len = minLength; len <= maxLength; len++) {
            List<String> candidates = anyHead ? byLength.get(len) : byLengthAndHead.get(key(len, head));
            for (String w : candidates == null ? List.<String>of() : candidates) {
                if (matches(pattern, 0, w, 0, exact)) {
                    int rank = rank(w);
                    if (rank < bestRank) {
                        bestRank = rank;
                        best = w;
                    }
                    break; // words of one length are in priority order
                }
            }
        }
        return best;
    }

    private static int key(int length, char head) {
        return length << 16 | head;
    }

    private int rank(String w) {
        return ranks.get(w);
    }

    /**
     * Fills each masked char of {@code pattern} with the letter the dictionary words most often have between the
     * same neighbours ({@code г*внобот → говнобот}, {@code хр*новы → хреновы}): inflected and compound forms the
     * dictionary does not list. Null when some mask has no known context.
     */
    public String fill(String pattern) {
        if (words.isEmpty()) {
            return null;
        }
        StringBuilder w = new StringBuilder("<<").append(pattern).append(">>");
        for (int i = 2; i < w.length() - 2; i++) {
            if (!isMask(w.charAt(i))) {
                continue;
            }
            String left2 = w.substring(i - 2, i);
            String right2 = w.substring(i + 1, i + 3);
            Character c = isMask(right2.charAt(0)) || isMask(right2.charAt(1)) ? null : fills.get(left2 + "|" + right2);
            if (c == null && !isMask(right2.charAt(0))) {
                c = fills.get(left2.substring(1) + "|" + right2.charAt(0));
            }
            if (c == null || c == '<' || c == '>') {
                return null;
            }
            w.setCharAt(i, c);
        }
        return w.substring(2, w.length() - 2);
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
