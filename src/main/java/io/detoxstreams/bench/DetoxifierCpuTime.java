package io.detoxstreams.bench;

import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier;
import io.detoxstreams.rewrite.embedded.EmbeddedRewriter;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The {@link RewriterBenchmark} workloads measured in CPU time of the measuring thread instead of wall-clock time:
 * operations per CPU-second of one core. On a machine shared with other work, JMH's wall-clock throughput counts the
 * time the operating system gave to other processes; this does not (caches and memory bandwidth are still shared).
 * Use it next to JMH, not instead of it.
 * <pre>
 * java -cp target/detox-streams.jar io.detoxstreams.bench.DetoxifierCpuTime ../shared/data [seconds per round]
 * </pre>
 */
public final class DetoxifierCpuTime {

    private DetoxifierCpuTime() {
    }

    public static void main(String[] args) {
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        try (EmbeddedToxicityClassifier classifier = EmbeddedToxicityClassifier.loadDefault();
             CompositeLanguageDetector detector = CompositeLanguageDetector.loadDefault();
             Detoxifier detoxifier = EmbeddedDetoxifier.create(classifier.withThresholdsAtReviewBand(), detector,
                     Verifier.DEFAULT_SIMILARITY_FLOOR)) {
            List<RewriteRequest> requests = new ArrayList<>();
            Path detox = data.resolve("detox");
            for (String lang : DetoxPairs.languages(detox)) {
                for (DetoxPairs.Pair p : DetoxPairs.read(detox.resolve(lang + ".tsv"), EnumSet.of(Split.DEV))) {
                    requests.add(new RewriteRequest(p.toxic(), lang, classifier.classify(p.toxic(), lang)));
                }
            }
            EmbeddedRewriter selfChecking = EmbeddedRewriter.loadDefault(classifier);
            EmbeddedRewriter plain = EmbeddedRewriter.loadDefault(null);
            for (int round = 0; round < 3; round++) {
                String phase = round == 0 ? "warm-up" : "round " + round;
                measure(phase, "detoxify", requests, seconds, detoxifier::detoxify);
                measure(phase, "rewriteWithSelfCheck", requests, seconds, selfChecking::rewrite);
                measure(phase, "rewriteOnly", requests, seconds, plain::rewrite);
            }
        }
    }

    private static void measure(String phase, String name, List<RewriteRequest> requests, double seconds,
                                Consumer<RewriteRequest> op) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long wall0 = System.nanoTime();
        long budget = (long) (seconds * 1e9);
        long ops = 0;
        int i = 0;
        while (mx.getCurrentThreadCpuTime() - cpu0 < budget) {
            for (int k = 0; k < 64; k++) {
                op.accept(requests.get(i));
                i = i + 1 == requests.size() ? 0 : i + 1;
                ops++;
            }
        }
        double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
        double wall = (System.nanoTime() - wall0) / 1e9;
        System.out.printf(Locale.ROOT, "%-8s %-21s %,10.0f ops per CPU-second  (%,10.0f ops/s wall; %.0f%% of wall "
                + "on CPU)%n", phase, name, ops / cpu, ops / wall, 100 * cpu / wall);
    }
}
