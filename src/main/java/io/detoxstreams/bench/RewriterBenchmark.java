package io.detoxstreams.bench;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.embedded.EmbeddedRewriter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites per second of the embedded rewriter on one thread (one core), one comment per operation, cycling through
 * the DEV-split toxic sentences of every {@code detox/<lang>.tsv} (the rewriter alone: tokenize, table decisions,
 * repair; no self-check classifier, no verification). Run from the built jar:
 * <pre>
 * java -cp target/detox-streams.jar org.openjdk.jmh.Main RewriterBenchmark -p data=../shared/data
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class RewriterBenchmark {

    /** Data directory with {@code detox/<lang>.tsv}. */
    @org.openjdk.jmh.annotations.Param("../shared/data")
    public String data;

    private EmbeddedRewriter rewriter;
    private RewriteRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        Path detox = Path.of(data, "detox");
        if (!Files.isDirectory(detox)) {
            throw new IllegalStateException("no detox/ under " + Path.of(data).toAbsolutePath() + "; pass -p data=DIR");
        }
        rewriter = EmbeddedRewriter.loadDefault(null);
        List<RewriteRequest> list = new ArrayList<>();
        for (String lang : DetoxPairs.languages(detox)) {
            for (DetoxPairs.Pair p : DetoxPairs.read(detox.resolve(lang + ".tsv"), EnumSet.of(Split.DEV))) {
                list.add(new RewriteRequest(p.toxic(), lang, ToxicityResult.clean(0.5, "none")));
            }
        }
        requests = list.toArray(new RewriteRequest[0]);
    }

    @Benchmark
    public Rewrite rewrite() {
        RewriteRequest r = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return rewriter.rewrite(r);
    }
}
