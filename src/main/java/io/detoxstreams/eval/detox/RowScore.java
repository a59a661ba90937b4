package io.detoxstreams.eval.detox;

/**
 * The metrics of one system output for one toxic input.
 *
 * @param held      the system published nothing (HOLD); then sta, sim and chrf are 0 and the row adds 0 to J
 * @param passed    the system published the input unchanged because its classifier found it clean (PASS)
 * @param sta       1 when the classifier scores the output non-toxic, else 0
 * @param sim       {@code CharNgramFScore.similarity(output, input)}
 * @param chrf      chrF of the output against the best reference
 */
public record RowScore(boolean held, boolean passed, double sta, double sim, double chrf) {

    public static RowScore hold() {
        return new RowScore(true, false, 0, 0, 0);
    }

    public double j() {
        return sta * sim * chrf;
    }
}
