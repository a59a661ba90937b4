package io.detoxstreams.safety;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * The trigger prefilter of {@link HarmPatterns}: which rules have at least one of their trigger strings somewhere in a
 * text. A character trie walked from every position of the text, so each position costs one look-up per matched
 * character instead of one {@code startsWith} per trigger that shares its first character (the moderator runs this on
 * every comment; with a list per first character it took ~11 % of the stream thread). Immutable and thread-safe.
 */
final class TriggerTrie {

    /** Per node: its children's characters (sorted), their node indexes, and the rules whose trigger ends here. */
    private final char[][] chars;
    private final int[][] children;
    private final int[][] rulesEnding;
    /**
     * Per node: bit {@code c & 63} set for each child character {@code c}. Most walks end one or two characters in,
     * at a node without the next character; this answers that with one load, before any search.
     */
    private final long[] childBits;
    private final int ruleCount;
    /** The root's children for chars below {@link #ROOT_TABLE} (Latin, Greek, Cyrillic, Arabic…), -1 for none. */
    private final int[] rootTable = new int[ROOT_TABLE];
    private static final int ROOT_TABLE = 0x800;

    /** @param triggers per rule, its trigger strings (non-empty) */
    TriggerTrie(List<List<String>> triggers) {
        List<TreeMap<Character, Integer>> edges = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        edges.add(new TreeMap<>());
        ends.add(new ArrayList<>());
        for (int rule = 0; rule < triggers.size(); rule++) {
            for (String t : triggers.get(rule)) {
                if (t.isEmpty()) {
                    throw new IllegalArgumentException("empty trigger in rule " + rule);
                }
                int node = 0;
                for (int i = 0; i < t.length(); i++) {
                    Integer next = edges.get(node).get(t.charAt(i));
                    if (next == null) {
                        next = edges.size();
                        edges.get(node).put(t.charAt(i), next);
                        edges.add(new TreeMap<>());
                        ends.add(new ArrayList<>());
                    }
                    node = next;
                }
                if (!ends.get(node).contains(rule)) {
                    ends.get(node).add(rule);
                }
            }
        }
        int n = edges.size();
        this.chars = new char[n][];
        this.children = new int[n][];
        this.rulesEnding = new int[n][];
        this.childBits = new long[n];
        for (int node = 0; node < n; node++) {
            TreeMap<Character, Integer> e = edges.get(node);
            chars[node] = new char[e.size()];
            children[node] = new int[e.size()];
            int k = 0;
            for (var entry : e.entrySet()) {
                chars[node][k] = entry.getKey();
                childBits[node] |= 1L << entry.getKey();
                children[node][k++] = entry.getValue();
            }
            rulesEnding[node] = ends.get(node).stream().mapToInt(Integer::intValue).toArray();
        }
        this.ruleCount = triggers.size();
        for (char c = 0; c < ROOT_TABLE; c++) {
            rootTable[c] = child(0, c);
        }
    }

    /**
     * {@code out[rule]} is true when one of the rule's triggers occurs in {@code text}; null when no trigger occurs
     * (most comments), so the caller need not look at any rule.
     */
    boolean[] matches(String text) {
        boolean[] out = null;
        for (int start = 0; start < text.length(); start++) {
            char first = text.charAt(start);
            int node = first < ROOT_TABLE ? rootTable[first] : child(0, first);
            for (int i = start + 1; node > 0; i++) {
                if (rulesEnding[node].length > 0) {
                    if (out == null) {
                        out = new boolean[ruleCount];
                    }
                    for (int rule : rulesEnding[node]) {
                        out[rule] = true;
                    }
                }
                node = i < text.length() ? child(node, text.charAt(i)) : -1;
            }
        }
        return out;
    }

    /** The child of {@code node} along {@code c}, or -1. */
    private int child(int node, char c) {
        if ((childBits[node] & 1L << c) == 0) {
            return -1;
        }
        int k = Arrays.binarySearch(chars[node], c);
        return k < 0 ? -1 : children[node][k];
    }
}
