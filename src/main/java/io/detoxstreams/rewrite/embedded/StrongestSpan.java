package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.rewrite.MemoizingClassifier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What still drives the classifier's score when its regular spans name nothing: the embedded classifier reports spans
 * only for units whose linear attribution exceeds its span threshold, so a comment can be toxic as a whole (many
 * weakly toxic words, or Han text scored character by character) with no span at all. This asks the classifier again
 * at descending attribution thresholds and offers the spans it finds, strongest first, to a caller that deletes the
 * first one with a deletable word — the smallest deletion that addresses the largest share of the score.
 *
 * <p>The caller decides what is deletable: attributions of a linear model also fall on innocent words ("the answer
 * is … a flaming homo" puts the most weight on "answer"), so the rewriter refuses words editors leave alone (the
 * table's {@code keep} entries) and {@link FunctionWords}.
 *
 * <p>Only {@link EmbeddedToxicityClassifier} exposes attributions below its threshold (also behind a
 * {@link MemoizingClassifier}); for any other classifier nothing is offered. Stateless and thread-safe.
 */
final class StrongestSpan {

    /** Attribution thresholds tried in order; the classifier's own span threshold is 1.0. */
    static final double[] THRESHOLDS = {0.6, 0.35, 0.2, 0.1};

    private StrongestSpan() {
    }

    /**
     * Offers spans of {@code text}, strongest first within each threshold, until {@code delete} accepts one.
     *
     * @return whether a span was accepted
     */
    static boolean offer(ToxicityClassifier classifier, String text, String lang, Predicate<ToxicSpan> delete) {
        ToxicityClassifier c = classifier instanceof MemoizingClassifier m ? m.delegate() : classifier;
        if (!(c instanceof EmbeddedToxicityClassifier embedded)) {
            return false;
        }
        for (List<ToxicSpan> at : embedded.spansAt(text, lang, THRESHOLDS)) {
            List<ToxicSpan> spans = new ArrayList<>(at);
            spans.sort(Comparator.comparingDouble(ToxicSpan::score).reversed());
            for (ToxicSpan s : spans) {
                if (delete.test(s)) {
                    return true;
                }
            }
        }
        return false;
    }
}
