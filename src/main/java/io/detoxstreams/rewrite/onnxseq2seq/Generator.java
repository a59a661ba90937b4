package io.detoxstreams.rewrite.onnxseq2seq;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Greedy and beam search over a {@link Seq2SeqModel}, for a batch of encoder inputs at once. Each row stops at its
 * own end-of-sequence token (finished rows are fed padding while the others go on) or after
 * {@link Generation#maxNewTokens()}; the call ends when every row has. Beam search keeps {@code numBeams} hypotheses
 * per input (rows {@code b·numBeams …}), scores by summed log-probabilities divided by the length (length penalty 1),
 * and stops an input when it has {@code numBeams} finished hypotheses none of the running ones can beat (Hugging
 * Face's {@code early_stopping=False} rule). Returned token ids exclude the decoder start and the end token.
 */
final class Generator {

    private final Seq2SeqModel model;

    Generator(Seq2SeqModel model) {
        this.model = model;
    }

    /** Output token ids per input, in input order: greedy for one beam, else beam search. */
    long[][] generate(long[][] inputIds, Generation g) {
        return g.numBeams() == 1 ? greedy(inputIds, g) : beam(inputIds, g);
    }

    long[][] greedy(long[][] inputIds, Generation g) {
        try (DecoderRun run = new DecoderRun(model, model.encode(inputIds))) {
            return greedy(run, g);
        }
    }

    /** Beam search, also with one beam (which must equal {@link #greedy}). */
    long[][] beam(long[][] inputIds, Generation g) {
        try (DecoderRun run = new DecoderRun(model, model.encode(inputIds).repeat(g.numBeams()))) {
            return beam(run, inputIds.length, g);
        }
    }

    private long[][] greedy(DecoderRun run, Generation g) {
        int rows = run.rows();
        long[] next = new long[rows];
        Arrays.fill(next, model.decoderStart);
        boolean[] done = new boolean[rows];
        List<List<Long>> out = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            out.add(new ArrayList<>());
        }
        for (int step = 0; step < g.maxNewTokens(); step++) {
            float[][] logits = run.step(next);
            boolean all = true;
            for (int r = 0; r < rows; r++) {
                if (done[r]) {
                    next[r] = model.pad;
                    continue;
                }
                LogitsProcessing.apply(logits[r], run.sequence(r), step, g, model.forcedBos, model.forcedEos);
                long t = LogitsProcessing.argmax(logits[r]);
                next[r] = t;
                if (t == model.eos) {
                    done[r] = true;
                } else {
                    out.get(r).add(t);
                    all = false;
                }
            }
            if (all) {
                break;
            }
        }
        return toArrays(out);
    }

    private record Hypothesis(long[] tokens, double score) {
    }

    private record Candidate(int beam, int token, double total) {
    }

    private long[][] beam(DecoderRun run, int inputs, Generation g) {
        int k = g.numBeams();
        int rows = inputs * k;
        double[] scores = new double[rows];
        List<List<Long>> tokens = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            scores[r] = r % k == 0 ? 0.0 : Double.NEGATIVE_INFINITY;
            tokens.add(new ArrayList<>());
        }
        List<List<Hypothesis>> finished = new ArrayList<>();
        boolean[] done = new boolean[inputs];
        for (int b = 0; b < inputs; b++) {
            finished.add(new ArrayList<>());
        }
        long[] next = new long[rows];
        Arrays.fill(next, model.decoderStart);
        for (int step = 0; step < g.maxNewTokens(); step++) {
            float[][] logits = run.step(next);
            int[] from = new int[rows];
            double[] newScores = scores.clone();
            List<List<Long>> newTokens = new ArrayList<>(tokens);
            boolean all = true;
            for (int b = 0; b < inputs; b++) {
                if (done[b]) {
                    for (int j = 0; j < k; j++) {
                        from[b * k + j] = b * k + j;
                        next[b * k + j] = model.pad;
                    }
                    continue;
                }
                List<Candidate> best = topCandidates(logits, run, b, k, scores, step, g);
                for (int j = 0; j < k; j++) {
                    from[b * k + j] = b * k + j;
                    newScores[b * k + j] = Double.NEGATIVE_INFINITY;
                    next[b * k + j] = model.pad;
                }
                int filled = 0;
                for (int rank = 0; rank < best.size() && filled < k; rank++) {
                    Candidate c = best.get(rank);
                    int src = b * k + c.beam;
                    if (c.token == model.eos) {
                        if (rank < k) {
                            addHypothesis(finished.get(b), tokens.get(src), c.total, step + 1, k);
                        }
                        continue;
                    }
                    int dst = b * k + filled++;
                    from[dst] = src;
                    newScores[dst] = c.total;
                    List<Long> t = new ArrayList<>(tokens.get(src));
                    t.add((long) c.token);
                    newTokens.set(dst, t);
                    next[dst] = c.token;
                }
                double bestRunning = filled == 0 ? Double.NEGATIVE_INFINITY : newScores[b * k] / (step + 1);
                done[b] = filled == 0 || finished.get(b).size() >= k
                        && worst(finished.get(b)) >= bestRunning;
                all &= done[b];
            }
            scores = newScores;
            tokens = newTokens;
            if (all) {
                break;
            }
            run.reorder(from);
        }
        long[][] out = new long[inputs][];
        for (int b = 0; b < inputs; b++) {
            List<Hypothesis> hyps = finished.get(b);
            if (!done[b]) {
                for (int j = 0; j < k; j++) {
                    if (scores[b * k + j] > Double.NEGATIVE_INFINITY) {
                        List<Long> t = tokens.get(b * k + j);
                        addHypothesis(hyps, t, scores[b * k + j], t.size(), k);
                    }
                }
            }
            Hypothesis top = hyps.stream().max(java.util.Comparator.comparingDouble(Hypothesis::score)).orElseThrow();
            out[b] = top.tokens;
        }
        return out;
    }

    /** The 2k best (beam, token) continuations of input b, best first. */
    private List<Candidate> topCandidates(float[][] logits, DecoderRun run, int b, int k, double[] scores, int step,
                                          Generation g) {
        PriorityQueue<Candidate> heap = new PriorityQueue<>(java.util.Comparator.comparingDouble(Candidate::total));
        for (int j = 0; j < k; j++) {
            int row = b * k + j;
            if (scores[row] == Double.NEGATIVE_INFINITY) {
                continue;
            }
            LogitsProcessing.apply(logits[row], run.sequence(row), step, g, model.forcedBos, model.forcedEos);
            double[] logp = LogitsProcessing.logSoftmax(logits[row]);
            for (int v = 0; v < logp.length; v++) {
                double total = scores[row] + logp[v];
                if (total == Double.NEGATIVE_INFINITY) {
                    continue;
                }
                if (heap.size() < 2 * k) {
                    heap.add(new Candidate(j, v, total));
                } else if (total > heap.peek().total) {
                    heap.poll();
                    heap.add(new Candidate(j, v, total));
                }
            }
        }
        List<Candidate> out = new ArrayList<>(heap);
        out.sort(java.util.Comparator.comparingDouble(Candidate::total).reversed()
                .thenComparingInt(Candidate::beam).thenComparingInt(Candidate::token));
        return out;
    }

    private static void addHypothesis(List<Hypothesis> hyps, List<Long> tokens, double total, int length, int k) {
        hyps.add(new Hypothesis(tokens.stream().mapToLong(Long::longValue).toArray(), total / Math.max(1, length)));
        if (hyps.size() > k) {
            hyps.remove(hyps.stream().min(java.util.Comparator.comparingDouble(Hypothesis::score)).orElseThrow());
        }
    }

    private static double worst(List<Hypothesis> hyps) {
        return hyps.stream().mapToDouble(Hypothesis::score).min().orElse(Double.NEGATIVE_INFINITY);
    }

    private static long[][] toArrays(List<List<Long>> rows) {
        long[][] out = new long[rows.size()][];
        for (int r = 0; r < out.length; r++) {
            out[r] = rows.get(r).stream().mapToLong(Long::longValue).toArray();
        }
        return out;
    }
}
