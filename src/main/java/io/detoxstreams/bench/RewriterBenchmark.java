package io.detoxstreams.bench;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Rewrites per second on one thread (one core), one comment per operation, cycling through the toxic sides of the
 * DEV split of every {@code detox/<lang>.tsv} (2,707 comments, each with the classifier's verdict computed once in
 * the setup, as the moderator hands it over):
 * <ul>
 *   <li>{@link #detoxify()} — the full {@code Detoxifier} path the rewriter worker runs: hold policy (harm patterns,
 *       non-detoxifiable model), the embedded rewriter with its classifier self-check, verification (similarity,
 *       language check for rewrites that insert words, classifier re-score — served by the self-check's score of the
 *       same text, see {@code MemoizingClassifier}), explanation;</li>
 *   <li>{@link #rewriteWithSelfCheck()} — the embedded rewriter with its classifier self-check, nothing else;</li>
 *   <li>{@link #rewriteOnly()} — the rewriter alone: tokenize, table and span decisions, repair; no classifier.</li>
 * </ul>
 * Run from the built jar (or {@code -cp target/classes:$(cat target/cp.txt)}):
 * <pre>
 * java -cp target/detox-streams.jar org.openjdk.jmh.Main RewriterBenchmark -p data=../shared/data
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
@Threads(1)
public class RewriterBenchmark {

    /** Data directory with {@code detox/<lang>.tsv}. */
    @org.openjdk.jmh.annotations.Param("../shared/data")
    public String data;

    private EmbeddedToxicityClassifier classifier;
    private CompositeLanguageDetector detector;
    private VerifyingDetoxifier detoxifier;
    private EmbeddedRewriter selfChecking;
    private EmbeddedRewriter plain;
    private RewriteRequest[] requests;
    private int next;

    @Setup
    public void setUp() {
        Path detox = Path.of(data, "detox");
        if (!Files.isDirectory(detox)) {
            throw new IllegalStateException("no detox/ under " + Path.of(data).toAbsolutePath() + "; pass -p data=DIR");
        }
        classifier = EmbeddedToxicityClassifier.loadDefault();
        detector = CompositeLanguageDetector.loadDefault();
        detoxifier = EmbeddedDetoxifier.create(classifier.withThresholdsAtReviewBand(), detector,
                Verifier.DEFAULT_SIMILARITY_FLOOR);
        selfChecking = EmbeddedRewriter.loadDefault(classifier.withThresholdsAtReviewBand());
        plain = EmbeddedRewriter.loadDefault(null);
        List<RewriteRequest> list = new ArrayList<>();
        for (String lang : DetoxPairs.languages(detox)) {
            for (DetoxPairs.Pair p : DetoxPairs.read(detox.resolve(lang + ".tsv"), EnumSet.of(Split.DEV))) {
                ToxicityResult verdict = classifier.classify(p.toxic(), lang);
                list.add(new RewriteRequest(p.toxic(), lang, verdict));
            }
        }
        requests = list.toArray(new RewriteRequest[0]);
    }

    @TearDown
    public void tearDown() {
        detoxifier.close();
        detector.close();
        classifier.close();
    }

    private RewriteRequest nextRequest() {
        RewriteRequest r = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        return r;
    }

    @Benchmark
    public ModerationDecision detoxify() {
        return detoxifier.detoxify(nextRequest());
    }

    @Benchmark
    public Rewrite rewriteWithSelfCheck() {
        return selfChecking.rewrite(nextRequest());
    }

    @Benchmark
    public Rewrite rewriteOnly() {
        return plain.rewrite(nextRequest());
    }
}
