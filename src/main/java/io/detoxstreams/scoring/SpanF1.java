package io.detoxstreams.scoring;

import java.util.BitSet;
import java.util.List;

/**
 * The SemEval-2021 Task 5 (Toxic Spans Detection) metric: per post, F1 between the predicted and gold sets of toxic
 * character offsets (1 when both are empty, 0 when exactly one is); the score is the mean over posts.
 */
public final class SpanF1 {

    private double sum;
    private int posts;

    /** Adds one post; spans are half-open {@code {start, end}} ranges. */
    public void add(List<int[]> predicted, List<int[]> gold) {
        BitSet p = toSet(predicted);
        BitSet g = toSet(gold);
        posts++;
        if (p.isEmpty() && g.isEmpty()) {
            sum += 1;
            return;
        }
        if (p.isEmpty() || g.isEmpty()) {
            return;
        }
        BitSet inter = (BitSet) p.clone();
        inter.and(g);
        double precision = inter.cardinality() / (double) p.cardinality();
        double recall = inter.cardinality() / (double) g.cardinality();
        sum += precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    public double value() {
        return posts == 0 ? Double.NaN : sum / posts;
    }

    public int posts() {
        return posts;
    }

    private static BitSet toSet(List<int[]> spans) {
        BitSet b = new BitSet();
        for (int[] s : spans) {
            b.set(s[0], s[1]);
        }
        return b;
    }
}
