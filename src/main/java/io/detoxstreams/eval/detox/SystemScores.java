package io.detoxstreams.eval.detox;

import java.util.List;

/**
 * Aggregate metrics of one system on one language.
 *
 * <p>How HOLD rows count: a held comment publishes nothing, so for rewritable pairs it contributes STA×SIM×ChrF = 0
 * to {@code j}; {@code jPublished} is the same mean over the published (non-held) rows only. {@code sta}, {@code sim}
 * and {@code chrf} are means over published rows; {@code staRewrites} is STA over the rows the system actually
 * changed (REWRITE, not PASS). {@code fluent} and {@code dangling} are shares among the published rows whose output
 * differs from the input ({@code changed}): what a reader of the rewrites sees.
 */
public record SystemScores(String system, int rows, int held, int passed, double sta, double sim, double chrf,
                           double j, double jPublished, double staRewrites, double holdRate, int changed,
                           double fluent, double dangling) {

    public static SystemScores of(String system, List<RowScore> scores) {
        int n = scores.size();
        int held = 0;
        int passed = 0;
        int rewrites = 0;
        double sta = 0;
        double sim = 0;
        double chrf = 0;
        double j = 0;
        double staRw = 0;
        int changed = 0;
        int judged = 0;
        double fluent = 0;
        double dangling = 0;
        for (RowScore s : scores) {
            if (s.held()) {
                held++;
                continue;
            }
            if (s.changed()) {
                changed++;
                dangling += s.dangling();
                if (!Double.isNaN(s.fluent())) {
                    judged++;
                    fluent += s.fluent();
                }
            }
            sta += s.sta();
            sim += s.sim();
            chrf += s.chrf();
            j += s.j();
            if (s.passed()) {
                passed++;
            } else {
                rewrites++;
                staRw += s.sta();
            }
        }
        int published = n - held;
        return new SystemScores(system, n, held, passed, mean(sta, published), mean(sim, published),
                mean(chrf, published), mean(j, n), mean(j, published), mean(staRw, rewrites), mean(held, n), changed,
                mean(fluent, judged), mean(dangling, changed));
    }

    private static double mean(double sum, int n) {
        return n == 0 ? Double.NaN : sum / n;
    }
}
