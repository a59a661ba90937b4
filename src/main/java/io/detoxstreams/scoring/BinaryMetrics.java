package io.detoxstreams.scoring;

import java.util.Arrays;

/**
 * Binary classification metrics of scores against 0/1 labels at a threshold: precision, recall and F1 of the
 * positive (toxic) class, macro-F1 over both classes, accuracy and ROC-AUC (rank statistic, ties averaged).
 */
public record BinaryMetrics(int n, int positives, double precision, double recall, double f1, double macroF1,
                            double accuracy, double rocAuc) {

    public static BinaryMetrics of(double[] scores, int[] labels, double threshold) {
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean pred = scores[i] >= threshold;
            if (labels[i] == 1) {
                if (pred) {
                    tp++;
                } else {
                    fn++;
                }
            } else if (pred) {
                fp++;
            } else {
                tn++;
            }
        }
        double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
        double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        double np = tn + fn == 0 ? 0 : tn / (double) (tn + fn);
        double nr = tn + fp == 0 ? 0 : tn / (double) (tn + fp);
        double nf1 = np + nr == 0 ? 0 : 2 * np * nr / (np + nr);
        double acc = scores.length == 0 ? 0 : (tp + tn) / (double) scores.length;
        return new BinaryMetrics(scores.length, tp + fn, p, r, f1, (f1 + nf1) / 2, acc, rocAuc(scores, labels));
    }

    /** ROC-AUC as the Mann–Whitney U statistic; NaN when only one class is present. */
    public static double rocAuc(double[] scores, int[] labels) {
        int n = scores.length;
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSumPos = 0;
        long pos = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[idx[j + 1]] == scores[idx[i]]) {
                j++;
            }
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (labels[idx[k]] == 1) {
                    rankSumPos += avgRank;
                    pos++;
                }
            }
            i = j + 1;
        }
        long neg = n - pos;
        if (pos == 0 || neg == 0) {
            return Double.NaN;
        }
        return (rankSumPos - pos * (pos + 1) / 2.0) / ((double) pos * neg);
    }

    /** The threshold in {@code scores} that maximizes macro-F1 (ties → the lower threshold). */
    public static double bestMacroF1Threshold(double[] scores, int[] labels) {
        return bestMacroF1Threshold(scores, labels, 1, 1);
    }

    /** As {@link #bestMacroF1Threshold(double[], int[])} with positives and negatives weighted. */
    public static double bestMacroF1Threshold(double[] scores, int[] labels, double posWeight, double negWeight) {
        int n = scores.length;
        if (n == 0) {
            return 0.5;
        }
        Integer[] idx = new Integer[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (a, b) -> Double.compare(scores[b], scores[a]));
        double totalPos = 0;
        for (int l : labels) {
            totalPos += l;
        }
        double totalNeg = (n - totalPos) * negWeight;
        totalPos *= posWeight;
        double tp = 0;
        double fp = 0;
        double best = -1;
        double bestT = 0.5;
        // Predict positive for the top k (scores >= scores[idx[k-1]]).
        for (int k = 1; k <= n; k++) {
            if (labels[idx[k - 1]] == 1) {
                tp += posWeight;
            } else {
                fp += negWeight;
            }
            if (k < n && scores[idx[k]] == scores[idx[k - 1]]) {
                continue;
            }
            double fn = totalPos - tp;
            double tn = totalNeg - fp;
            double f1p = 2.0 * tp / Math.max(1e-9, 2 * tp + fp + fn);
            double f1n = 2.0 * tn / Math.max(1e-9, 2 * tn + fn + fp);
            double m = (f1p + f1n) / 2;
            if (m > best) {
                best = m;
                double t = scores[idx[k - 1]];
                double next = k < n ? scores[idx[k]] : t;
                bestT = (t + next) / 2; // halfway to the next lower score
                if (k == n) {
                    bestT = t;
                }
            }
        }
        return bestT;
    }
}
