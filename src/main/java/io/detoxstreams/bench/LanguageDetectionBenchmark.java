package io.detoxstreams.bench;

import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.language.LanguageGuess;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Language detection throughput on one thread, with the fast paths (script, embedded model, Lingua only when
 * unsure) against Lingua alone on the same comments in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xmx3g"})
@Threads(1)
public class LanguageDetectionBenchmark {

    private CompositeLanguageDetector withFastPaths;
    private CompositeLanguageDetector linguaOnly;
    private List<BenchmarkCorpus.Comment> comments;
    private int next;

    @Setup
    public void setup() {
        withFastPaths = CompositeLanguageDetector.loadDefault();
        linguaOnly = CompositeLanguageDetector.builder().fastModel(null).build();
        comments = BenchmarkCorpus.load(300);
    }

    private String nextText() {
        String t = comments.get(next).text();
        next = next + 1 == comments.size() ? 0 : next + 1;
        return t;
    }

    @Benchmark
    public LanguageGuess detectWithFastPaths() {
        return withFastPaths.detect(nextText(), null);
    }

    /** Script fast path kept, but every Latin/Cyrillic comment goes to Lingua. */
    @Benchmark
    public LanguageGuess detectLinguaForSharedScripts() {
        return linguaOnly.detect(nextText(), null);
    }
}
