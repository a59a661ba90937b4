package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The working state of one embedded rewrite: the comment's tokens and, per token, what happens to it. A replaced
 * phrase puts its replacement on its first token and marks the rest deleted; {@link #group} ties them together so
 * explanations report one edit.
 *
 * <p>Internal to {@link EmbeddedRewriter}; not thread-safe (one plan per comment).
 */
final class TokenPlan {

    enum Decision { KEEP, DELETE, REPLACE }

    final String text;
    final List<Token> tokens;
    /** {@code tokens.size()}, read in every loop of the rewrite. */
    private final int size;
    /** Normalized key per token; null for punctuation and symbols. */
    final String[] keys;
    /** Each token's own text (computed once: many passes read it). */
    final String[] texts;
    final Decision[] decisions;
    final String[] replacements;
    /** Edit group per token (-1 = untouched); tokens changed together share one. */
    final int[] group;
    /** Index of the classifier span a token overlaps, or -1. */
    final int[] span;
    /** Tokens a self-check pass found still toxic: never kept again. */
    final boolean[] forced;
    /**
     * Replacements a self-check pass found still toxic in this comment ("she is a [moron]" → "she is a stupid", whose
     * "stupid" the classifier flags as an insult): never put in again, or the next pass writes the same rewrite.
     * Not cleared between passes; allocated on the first rejection (most comments have none).
     */
    private java.util.Set<String> rejectedFillers = java.util.Set.of();
    /** Tokens no edit may remove: the people and groups the comment is about ({@link Protection}). */
    final boolean[] protect;
    /** Evidence per group: the table entry's change rate, or the span score. */
    final List<Double> groupScores = new ArrayList<>();
    /** Groups the explanation reports as one edit even where they overlap classifier spans (a dropped sentence). */
    final java.util.BitSet wholeGroups = new java.util.BitSet();
    private int groups;

    TokenPlan(String text, List<ToxicSpan> spans) {
        this.text = text;
        this.tokens = Tokenizer.tokenize(text);
        int n = tokens.size();
        this.size = n;
        keys = new String[n];
        texts = new String[n];
        decisions = new Decision[n];
        replacements = new String[n];
        group = new int[n];
        span = new int[n];
        forced = new boolean[n];
        protect = new boolean[n];
        Arrays.fill(group, -1);
        for (int i = 0; i < n; i++) {
            Token t = tokens.get(i);
            texts[i] = t.text(text);
            keys[i] = t.kind().isWordLike() ? TableKeys.normalize(texts[i]) : null;
        }
        markSpans(spans);
        reset();
    }

    /** Spans are sorted and non-overlapping by contract, but a merge walk costs nothing and tolerates either. */
    private void markSpans(List<ToxicSpan> spans) {
        Arrays.fill(span, -1);
        for (int s = 0; s < spans.size(); s++) {
            ToxicSpan sp = spans.get(s);
            for (int i = 0; i < tokens.size(); i++) {
                if (span[i] < 0 && tokens.get(i).overlaps(sp.start(), sp.end())) {
                    span[i] = s;
                }
            }
        }
    }

    void reset() {
        Arrays.fill(decisions, Decision.KEEP);
        Arrays.fill(replacements, null);
        Arrays.fill(group, -1);
        groupScores.clear();
        wholeGroups.clear();
        groups = 0;
    }

    /** The decisions of a plan, to undo a trial edit ({@link #snapshot()}, {@link #restore}). */
    record Snapshot(Decision[] decisions, String[] replacements, int[] group, List<Double> groupScores,
                    java.util.BitSet wholeGroups, int groups) {
    }

    Snapshot snapshot() {
        return new Snapshot(decisions.clone(), replacements.clone(), group.clone(), List.copyOf(groupScores),
                (java.util.BitSet) wholeGroups.clone(), groups);
    }

    void restore(Snapshot s) {
        System.arraycopy(s.decisions(), 0, decisions, 0, size);
        System.arraycopy(s.replacements(), 0, replacements, 0, size);
        System.arraycopy(s.group(), 0, group, 0, size);
        groupScores.clear();
        groupScores.addAll(s.groupScores());
        wholeGroups.clear();
        wholeGroups.or(s.wholeGroups());
        groups = s.groups();
    }

    int size() {
        return size;
    }

    boolean wordLike(int i) {
        return keys[i] != null;
    }

    /**
     * Whether token {@code i} is the letter of an emoticon (":-d", ":p", ";d"): one letter glued to the marks before
     * it. Editors of the pairs often dropped the emoticon, so the table scores the lone letter as toxic; deleting only
     * the letter left "передохнут...::::".
     */
    boolean emoticonLetter(int i) {
        Token t = tokens.get(i);
        if (i == 0 || t.end() - t.start() != 1 || !Character.isLetter(text.charAt(t.start()))) {
            return false;
        }
        int start = t.start();
        for (int k = i - 1; k >= 0 && k >= i - 3; k--) {
            Token before = tokens.get(k);
            if (before.end() != start || before.kind() != Token.Kind.PUNCT) {
                break;
            }
            start = before.start();
        }
        String marks = text.substring(start, t.start());
        return !marks.isEmpty() && marks.chars().allMatch(c -> ":;=-^'.".indexOf(c) >= 0)
                && marks.chars().anyMatch(c -> c == ':' || c == ';' || c == '=');
    }

    /** Remembers a replacement the self-check found still toxic; whether it was new. */
    boolean rejectFiller(String replacement) {
        if (rejectedFillers.isEmpty()) {
            rejectedFillers = new java.util.HashSet<>(4);
        }
        return rejectedFillers.add(replacement);
    }

    /** Whether a self-check pass found {@code replacement} still toxic in this comment. */
    boolean rejected(String replacement) {
        return !rejectedFillers.isEmpty() && rejectedFillers.contains(replacement);
    }

    int newGroup(double score) {
        groupScores.add(score);
        return groups++;
    }

    void delete(int i, int g) {
        decisions[i] = Decision.DELETE;
        replacements[i] = null;
        group[i] = g;
    }

    void replace(int from, int to, String replacement, int g) {
        for (int i = from; i < to; i++) {
            delete(i, g);
        }
        decisions[from] = Decision.REPLACE;
        replacements[from] = replacement;
    }

    boolean changed(int i) {
        return decisions[i] != Decision.KEEP;
    }

    /** The surface text of a word in the output: its replacement or itself; null when deleted. */
    String output(int i) {
        return switch (decisions[i]) {
            case KEEP -> tokens.get(i).text(text);
            case REPLACE -> replacements[i];
            case DELETE -> null;
        };
    }
}
