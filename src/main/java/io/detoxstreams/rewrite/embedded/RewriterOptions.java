package io.detoxstreams.rewrite.embedded;

/**
 * The knobs of the embedded rewriter's per-token decision, tuned on the DEV split (never TEST) of the detox pairs.
 *
 * @param strongMinSeen       a table entry applies anywhere in the comment, even outside classifier spans, when it
 *                            was seen at least this often …
 * @param strongMinRate       … and editors changed it at least this share of the time
 * @param spanMinRate         inside a classifier span, a table entry applies from this change rate on
 * @param replaceMinChosen    a mined replacement is used (instead of deleting) only when editors chose it this often
 * @param replaceMinShare     … and it is at least this share of all the changes to the entry
 * @param keepInSpans         inside a span, keep words editors almost never change ({@code keep} entries)
 * @param usePrefixes         use stem ({@code prefix}) entries for inflected forms the table has not seen
 * @param alwaysCapitalize    capitalise the first letter even when the original started in lower case
 * @param maxPasses           rewrite passes when a self-check classifier is configured: after each pass what the
 *                            classifier still flags on the rewrite is deleted too
 * @param maxWordPhrase       longest multi-word table entry used for spaced scripts (Han phrases, keyed by
 *                            character, are not limited by it)
 * @param attributionFallback when the self-check finds the rewrite still toxic but its spans name no new word, delete
 *                            the {@link StrongestSpan} instead of giving up
 * @param minSpanScore        with a self-check classifier, only the classifier's spans scoring at least this are
 *                            deleted up front; weaker ones are deleted by the self-check if the rewrite is still toxic
 *                            without the strong ones (they are often innocent words: "a disaster for schools" in an
 *                            insulting comment). DEV: J en 0.602 → 0.631, ru 0.581 → 0.596, ChrF against the human
 *                            references up too (en 0.728 → 0.748)
 * @param standaloneToxicity  the attribution fallback deletes a span only when the span's words, scored alone, reach
 *                            this share of the language threshold, so innocent words of an over-scored comment are
 *                            not deleted ("sht anymore" alone 0.34 is deleted, "democrat" 0.18 or "answer" 0.20 are
 *                            not; en threshold 0.54); 0 turns the check off. DEV J unchanged (0.547 → 0.546)
 * @param chooseEdits         let the fluency model choose between candidate edits per site ({@link EditChooser})
 * @param choice              the weights of that choice
 * @param dropSentences       when the word edits fail the verifier's fluency check, drop the edited sentences (then
 *                            clauses) whole instead ({@link SentenceDrop}). DEV: 14 rows no longer held, macro J
 *                            0.525 → 0.526, mean HOLD 9.3 → 8.2 %
 */
public record RewriterOptions(int strongMinSeen, double strongMinRate, double spanMinRate, int replaceMinChosen,
                              double replaceMinShare, boolean keepInSpans, boolean usePrefixes,
                              boolean alwaysCapitalize, int maxPasses, int maxWordPhrase,
                              boolean attributionFallback, double minSpanScore, double standaloneToxicity,
                              boolean chooseEdits, EditChooser.Weights choice, boolean dropSentences) {

    public RewriterOptions {
        if (maxPasses < 1) {
            throw new IllegalArgumentException("maxPasses must be >= 1, got " + maxPasses);
        }
        if (maxWordPhrase < 1) {
            throw new IllegalArgumentException("maxWordPhrase must be >= 1, got " + maxWordPhrase);
        }
    }

    public static RewriterOptions defaults() {
        return new RewriterOptions(25, 0.9, 0.3, 2, 0.2, true, false, false, 8, 1, true, 0.9, 0.5, true,
                EditChooser.Weights.defaults(), true);
    }

    public RewriterOptions withMaxPasses(int passes) {
        return new RewriterOptions(strongMinSeen, strongMinRate, spanMinRate, replaceMinChosen, replaceMinShare,
                keepInSpans, usePrefixes, alwaysCapitalize, passes, maxWordPhrase, attributionFallback, minSpanScore,
                standaloneToxicity, chooseEdits, choice, dropSentences);
    }

    public RewriterOptions withDropSentences(boolean drop) {
        return new RewriterOptions(strongMinSeen, strongMinRate, spanMinRate, replaceMinChosen, replaceMinShare,
                keepInSpans, usePrefixes, alwaysCapitalize, maxPasses, maxWordPhrase, attributionFallback, minSpanScore,
                standaloneToxicity, chooseEdits, choice, drop);
    }
}
