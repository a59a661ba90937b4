package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.text.Token;

import java.util.Set;

/**
 * The rewriter's last resort when its word edits do not read as a sentence: every sentence of the comment that has an
 * edit is dropped whole and the sentences without one stay as written ("Die Tochter ist um nichts besser" stays when
 * "Schon der Vater, der als protestantischer Pfaffe …" cannot be mended). Human editors of the parallel pairs do the
 * same with a sentence that is only insult. Not applied when a dropped sentence holds a protected word (the people and
 * groups the comment is about) or when no sentence would stay; the verifier then judges the result like any other.
 */
final class SentenceDrop {

    /** Marks that end a sentence; a run of them ("?!", "? ?") ends it after the last, with marks glued to it. */
    private static final Set<String> SENTENCE_ENDS = Set.of(".", "!", "?", "…", "...", "?!", "!?", "。", "！", "？",
            "।", "؟");

    /** Marks that end a clause inside a sentence. */
    private static final Set<String> CLAUSE_MARKS = Set.of(",", ";", ":", "—", "–", "，", "；", "：", "、");

    private SentenceDrop() {
    }

    /**
     * Deletes, in {@code plan}, every token of each sentence with a changed word, one edit group per sentence.
     *
     * @return false (the plan unchanged) when there is nothing to drop, a dropped sentence has a protected word, or
     *         no word would stay
     */
    static boolean apply(TokenPlan plan, boolean clauses) {
        int n = plan.size();
        int[] sentenceEnd = new int[n];
        for (int from = 0; from < n; ) {
            int to = end(plan, from, clauses);
            for (int i = from; i < to; i++) {
                sentenceEnd[i] = to;
            }
            from = to;
        }
        boolean dropAny = false;
        boolean keepWord = false;
        boolean[] drop = new boolean[n];
        for (int from = 0; from < n; from = sentenceEnd[from]) {
            int to = sentenceEnd[from];
            boolean edited = false;
            boolean person = false;
            boolean word = false;
            for (int i = from; i < to; i++) {
                edited |= plan.changed(i);
                person |= plan.protect[i];
                word |= plan.wordLike(i);
            }
            if (edited && person) {
                return false;
            }
            for (int i = from; i < to; i++) {
                drop[i] = edited;
            }
            dropAny |= edited;
            keepWord |= !edited && word;
        }
        if (!dropAny || !keepWord) {
            return false;
        }
        for (int from = 0; from < n; from = sentenceEnd[from]) {
            if (!drop[from]) {
                continue;
            }
            int g = plan.newGroup(1.0);
            plan.wholeGroups.set(g);
            for (int i = from; i < sentenceEnd[from]; i++) {
                plan.delete(i, g);
            }
        }
        return true;
    }

    /** The end (exclusive) of the sentence that starts at token {@code from}: after its closing marks, or a line break. */
    private static int end(TokenPlan plan, int from, boolean clauses) {
        int n = plan.size();
        int i = from;
        while (i < n) {
            if (i > from && lineBreakBefore(plan, i)) {
                return i;
            }
            if (clauses && isClauseMark(plan, i) && !(i + 1 < n && glued(plan, i + 1)
                    && Character.isDigit(plan.texts[i + 1].codePointAt(0)))) {
                return i + 1;
            }
            if (isEnd(plan, i)) {
                int last = i;
                while (last + 1 < n && !plan.wordLike(last + 1) && (glued(plan, last + 1) || isEnd(plan, last + 1))) {
                    last++;
                }
                if (last + 1 == n || !glued(plan, last + 1) || startsSentence(plan, last + 1)) {
                    return last + 1;
                }
                i = last; // "пиздо...цы": marks inside a word end nothing; "ging.Die" ends a sentence
            }
            i++;
        }
        return n;
    }

    /** Whether token {@code i} follows the one before it with no space between. */
    private static boolean glued(TokenPlan plan, int i) {
        return plan.tokens.get(i).start() == plan.tokens.get(i - 1).end();
    }

    /**
     * Whether a token glued to the mark before it starts a new sentence: a capital ("besser.Die") or a character of an
     * unspaced script ("恶心。我吐了").
     */
    private static boolean startsSentence(TokenPlan plan, int i) {
        return plan.tokens.get(i).kind() == Token.Kind.HAN || Character.isUpperCase(plan.texts[i].codePointAt(0));
    }

    private static boolean isClauseMark(TokenPlan plan, int i) {
        return plan.tokens.get(i).kind() == Token.Kind.PUNCT && CLAUSE_MARKS.contains(plan.texts[i]);
    }

    private static boolean isEnd(TokenPlan plan, int i) {
        return plan.tokens.get(i).kind() == Token.Kind.PUNCT && SENTENCE_ENDS.contains(plan.texts[i]);
    }

    private static boolean lineBreakBefore(TokenPlan plan, int i) {
        return plan.text.substring(plan.tokens.get(i - 1).end(), plan.tokens.get(i).start()).indexOf('\n') >= 0;
    }
}
