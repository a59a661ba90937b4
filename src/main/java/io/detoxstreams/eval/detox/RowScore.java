package io.detoxstreams.eval.detox;

/**
 * The metrics of one system output for one toxic input.
 *
 * @param held      the system published nothing (HOLD); then sta, sim and chrf are 0 and the row adds 0 to J
 * @param passed    the system published the input unchanged because its classifier found it clean (PASS)
 * @param sta       1 when the classifier scores the output non-toxic, else 0
 * @param sim       {@code CharNgramFScore.similarity(output, input)}
 * @param chrf      chrF of the output against the best reference
 * @param changed   the output differs from the input (the fluency columns count only such rows)
 * @param fluent    the fluency model judges the output to read like the language's human rewrites (1/0; NaN without
 *                  a model for the language)
 * @param dangling  the output ends a clause on a dangling function word or leaves punctuation orphaned where the
 *                  input did not (1/0)
 */
public record RowScore(boolean held, boolean passed, double sta, double sim, double chrf, boolean changed,
                       double fluent, double dangling) {

    public static RowScore hold() {
        return new RowScore(true, false, 0, 0, 0, false, Double.NaN, Double.NaN);
    }

    public double j() {
        return sta * sim * chrf;
    }
}
