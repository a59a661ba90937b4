package io.detoxstreams.rewrite.onnxseq2seq;

import java.util.Arrays;

/**
 * The changes made to a row's next-token logits before a token is chosen, in Hugging Face's order: repetition
 * penalty, no-repeat n-grams, forced first and last tokens. Applied to the raw logits in greedy and beam search alike,
 * so beam search with one beam is greedy decoding.
 */
final class LogitsProcessing {

    private LogitsProcessing() {
    }

    /**
     * @param logits   the row's logits, changed in place
     * @param sequence the row's tokens so far (decoder start token first)
     * @param step     0 for the first generated token
     */
    static void apply(float[] logits, long[] sequence, int step, Generation g, long forcedBos, long forcedEos) {
        if (g.repetitionPenalty() > 1.0) {
            boolean[] seen = new boolean[logits.length];
            for (long t : sequence) {
                if (t >= 0 && t < logits.length && !seen[(int) t]) {
                    seen[(int) t] = true;
                    float v = logits[(int) t];
                    logits[(int) t] = (float) (v < 0 ? v * g.repetitionPenalty() : v / g.repetitionPenalty());
                }
            }
        }
        int n = g.noRepeatNgramSize();
        if (n > 0 && sequence.length + 1 >= n) {
            // Any earlier n-gram whose first n-1 tokens equal the last n-1 tokens bans its last token.
            int start = sequence.length - (n - 1);
            for (int i = 0; i + n - 1 < sequence.length; i++) {
                boolean same = true;
                for (int k = 0; k < n - 1 && same; k++) {
                    same = sequence[i + k] == sequence[start + k];
                }
                if (same) {
                    long banned = sequence[i + n - 1];
                    if (banned >= 0 && banned < logits.length) {
                        logits[(int) banned] = Float.NEGATIVE_INFINITY;
                    }
                }
            }
        }
        if (step == 0 && forcedBos >= 0 && forcedBos < logits.length) {
            force(logits, (int) forcedBos);
        } else if (step == g.maxNewTokens() - 1 && forcedEos >= 0 && forcedEos < logits.length) {
            force(logits, (int) forcedEos);
        }
    }

    private static void force(float[] logits, int token) {
        Arrays.fill(logits, Float.NEGATIVE_INFINITY);
        logits[token] = 0f;
    }

    static int argmax(float[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** log-softmax in double precision. */
    static double[] logSoftmax(float[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (float v : logits) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : logits) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - log;
        }
        return out;
    }
}
