package io.detoxstreams.train;

import io.detoxstreams.scoring.BinaryMetrics;

/**
 * Per-language calibration: Platt scaling of the toxicity logit on the language's dev set (with Platt's smoothed
 * targets), then the probability threshold that maximizes dev macro-F1.
 */
public final class Calibration {

    private Calibration() {
    }

    /** {@code {a, b}} such that {@code sigmoid(a*z + b)} is calibrated on (z, y). */
    public static double[] platt(double[] z, int[] y) {
        int pos = 0;
        for (int v : y) {
            pos += v;
        }
        int neg = y.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = 0;
        for (int iter = 0; iter < 100; iter++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-9;
            double hab = 0;
            double hbb = 1e-9;
            for (int i = 0; i < z.length; i++) {
                double t = y[i] == 1 ? hi : lo;
                double p = Trainer.sigmoid(a * z[i] + b);
                double d = p - t;
                double s = p * (1 - p);
                ga += d * z[i];
                gb += d;
                haa += s * z[i] * z[i];
                hab += s * z[i];
                hbb += s;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-12) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            a -= da;
            b -= db;
            if (Math.abs(da) < 1e-9 && Math.abs(db) < 1e-9) {
                break;
            }
        }
        return new double[] {a, b};
    }

    /**
     * The threshold on calibrated probabilities that maximizes macro-F1 when positives count {@code posWeight} and
     * negatives {@code negWeight} (weights other than 1 re-balance a dev set to another class prior).
     */
    public static double threshold(double[] z, int[] y, double a, double b, double posWeight, double negWeight) {
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Trainer.sigmoid(a * z[i] + b);
        }
        return BinaryMetrics.bestMacroF1Threshold(p, y, posWeight, negWeight);
    }
}
