package io.detoxstreams.bench;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Rewriter;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Throughput of the transformer backends at several batch sizes: comments/s of a classifier's {@code classifyBatch}
 * or a rewriter's {@code rewriteBatch} (for seq2seq: with and without the key/value cache). All cases of a run are
 * measured interleaved — every round runs each case for a slice of time, and a case's figure is the median of its
 * rounds — so a machine whose load changes during the run slows all cases alike and the ratios compare like with like.
 * At every batch size the calls go round the whole corpus (call k takes items k·b … k·b + b − 1, wrapping), so each
 * batch size sees the same mix of lengths. Used by {@code bench models} and the ONNX benchmark in the tests.
 */
public final class ModelThroughput {

    /** One thing to measure: a label (the variant), a batch size, and one call of that batch. */
    public record Case(String label, int batch, Runnable call) {
    }

    /** Median comments/s and ms per call over the rounds, and each round's comments/s. */
    public record Result(String label, int batch, double perSecond, double millisPerCall, List<Double> rounds) {
    }

    private ModelThroughput() {
    }

    /** The calls of a classifier at batch size {@code b}, going round the corpus. */
    public static Runnable classifierCalls(ToxicityClassifier c, List<String> texts, List<String> langs, int b) {
        List<List<String>> t = rounds(texts, b);
        List<List<String>> l = rounds(langs, b);
        int[] k = {0};
        return () -> {
            int i = k[0]++ % t.size();
            c.classifyBatch(t.get(i), l.get(i));
        };
    }

    /** The calls of a rewriter at batch size {@code b}, going round the requests. */
    public static Runnable rewriterCalls(Rewriter r, List<RewriteRequest> requests, int b) {
        List<List<RewriteRequest>> batches = rounds(requests, b);
        int[] k = {0};
        return () -> r.rewriteBatch(batches.get(k[0]++ % batches.size()));
    }

    /** Warms every case up, then runs {@code rounds} rounds of every case for {@code perRound} each. */
    public static List<Result> interleaved(List<Case> cases, Duration warmup, Duration perRound, int rounds) {
        for (Case c : cases) {
            run(c.call(), warmup);
        }
        Map<Case, double[]> rates = new LinkedHashMap<>();
        Map<Case, double[]> millis = new LinkedHashMap<>();
        for (Case c : cases) {
            rates.put(c, new double[rounds]);
            millis.put(c, new double[rounds]);
        }
        for (int r = 0; r < rounds; r++) {
            for (Case c : cases) {
                long t0 = System.nanoTime();
                long calls = run(c.call(), perRound);
                double seconds = (System.nanoTime() - t0) / 1e9;
                rates.get(c)[r] = calls * c.batch() / seconds;
                millis.get(c)[r] = seconds * 1000 / calls;
            }
        }
        List<Result> out = new ArrayList<>();
        for (Case c : cases) {
            out.add(new Result(c.label(), c.batch(), median(rates.get(c)), median(millis.get(c)),
                    Arrays.stream(rates.get(c)).boxed().toList()));
        }
        return out;
    }

    /** The results of one label, in batch order. */
    public static List<Result> of(List<Result> all, String label) {
        return all.stream().filter(r -> r.label().equals(label)).toList();
    }

    /** A table of comments/s per batch size, its ratio to batch 1, and (optionally) to a baseline's same batch. */
    public static void print(PrintStream out, String title, List<Result> results, List<Result> baseline,
                             String baselineName) {
        out.println(title);
        out.printf(Locale.ROOT, "  %6s %12s %12s %10s%s   %s%n", "batch", "comments/s", "ms/call", "vs batch 1",
                baseline == null ? "" : "   vs " + baselineName, "rounds (comments/s)");
        double first = results.get(0).perSecond();
        for (int i = 0; i < results.size(); i++) {
            Result p = results.get(i);
            StringBuilder rounds = new StringBuilder();
            for (double d : p.rounds()) {
                rounds.append(String.format(Locale.ROOT, " %.1f", d));
            }
            out.printf(Locale.ROOT, "  %6d %12.1f %12.2f %9.2fx%s  %s%n", p.batch(), p.perSecond(), p.millisPerCall(),
                    p.perSecond() / first, baseline == null ? ""
                            : String.format(Locale.ROOT, "   %8.2fx", p.perSecond() / baseline.get(i).perSecond()),
                    rounds);
        }
    }

    private static long run(Runnable call, Duration d) {
        long end = System.nanoTime() + d.toNanos();
        long calls = 0;
        do {
            call.run();
            calls++;
        } while (System.nanoTime() < end);
        return calls;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Batches of {@code b} that together go round the whole corpus at least once. */
    private static <T> List<List<T>> rounds(List<T> items, int b) {
        List<List<T>> out = new ArrayList<>();
        for (int start = 0; start < items.size(); start += b) {
            List<T> batch = new ArrayList<>(b);
            for (int i = 0; i < b; i++) {
                batch.add(items.get((start + i) % items.size()));
            }
            out.add(batch);
        }
        return out;
    }
}
