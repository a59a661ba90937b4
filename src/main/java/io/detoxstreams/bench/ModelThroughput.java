package io.detoxstreams.bench;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Rewriter;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput of the transformer backends at several batch sizes, measured in one run so the ratios compare like with
 * like: comments/s of a classifier's {@code classifyBatch}, and comments/s of a rewriter's {@code rewriteBatch}
 * (for seq2seq: with and without the key/value cache). Each point warms up, then runs whole batches for at least the
 * measuring time and reports the mean. Used by {@code bench models} and the ONNX benchmark in the tests.
 */
public final class ModelThroughput {

    /** One measured batch size. */
    public record Point(int batch, long calls, double seconds) {

        public double perSecond() {
            return calls * batch / seconds;
        }

        public double millisPerCall() {
            return seconds * 1000 / calls;
        }
    }

    private ModelThroughput() {
    }

    public static List<Point> classifier(ToxicityClassifier c, List<String> texts, List<String> langs, int[] batches,
                                         Duration warmup, Duration measure) {
        List<Point> out = new ArrayList<>();
        for (int b : batches) {
            List<String> t = cycle(texts, b);
            List<String> l = cycle(langs, b);
            out.add(measure(b, () -> c.classifyBatch(t, l), warmup, measure));
        }
        return out;
    }

    public static List<Point> rewriter(Rewriter r, List<RewriteRequest> requests, int[] batches, Duration warmup,
                                       Duration measure) {
        List<Point> out = new ArrayList<>();
        for (int b : batches) {
            List<RewriteRequest> batch = cycle(requests, b);
            out.add(measure(b, () -> r.rewriteBatch(batch), warmup, measure));
        }
        return out;
    }

    private static Point measure(int batch, Runnable call, Duration warmup, Duration measure) {
        long end = System.nanoTime() + warmup.toNanos();
        do {
            call.run();
        } while (System.nanoTime() < end);
        long calls = 0;
        long t0 = System.nanoTime();
        end = t0 + measure.toNanos();
        do {
            call.run();
            calls++;
        } while (System.nanoTime() < end);
        return new Point(batch, calls, (System.nanoTime() - t0) / 1e9);
    }

    /** A table of comments/s per batch size, and each batch size's ratio to batch 1 (or to a baseline). */
    public static void print(PrintStream out, String title, List<Point> points, List<Point> baseline,
                             String baselineName) {
        out.println(title);
        out.printf(Locale.ROOT, "  %6s %12s %12s %10s%s%n", "batch", "comments/s", "ms/call", "vs batch 1",
                baseline == null ? "" : "   vs " + baselineName);
        double first = points.get(0).perSecond();
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            out.printf(Locale.ROOT, "  %6d %12.1f %12.2f %9.2fx%s%n", p.batch(), p.perSecond(), p.millisPerCall(),
                    p.perSecond() / first, baseline == null ? ""
                            : String.format(Locale.ROOT, "   %8.2fx", p.perSecond() / baseline.get(i).perSecond()));
        }
    }

    private static <T> List<T> cycle(List<T> items, int n) {
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(items.get(i % items.size()));
        }
        return out;
    }
}
