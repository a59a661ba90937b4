package io.detoxstreams.bench;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.moderator.ModerationPolicy;
import io.detoxstreams.text.NormalizedText;
import io.detoxstreams.text.TextNormalizer;
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
 * Throughput of the embedded classifier on one thread: normalization + features + all heads + calibration + spans
 * (for the toxic ones), one comment per operation, cycling through held-out comments of all languages; and of the
 * moderator's whole decision on a detected comment ({@code classify} + {@link ModerationPolicy}: threat and self-harm
 * rules on every comment, coverage, review band).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true"})
@Threads(1)
public class ClassifierBenchmark {

    private EmbeddedToxicityClassifier classifier;
    private ModerationPolicy policy;
    private TextNormalizer normalizer;
    private List<BenchmarkCorpus.Comment> comments;
    private int next;

    @Setup
    public void setup() {
        classifier = EmbeddedToxicityClassifier.loadDefault();
        policy = ModerationPolicy.defaults(classifier);
        normalizer = classifier.normalizer();
        comments = BenchmarkCorpus.load(300);
    }

    private BenchmarkCorpus.Comment nextComment() {
        BenchmarkCorpus.Comment c = comments.get(next);
        next = next + 1 == comments.size() ? 0 : next + 1;
        return c;
    }

    /** Normalize, featurize, score all heads, calibrate, spans: the whole per-comment cost. */
    @Benchmark
    public ToxicityResult classify() {
        BenchmarkCorpus.Comment c = nextComment();
        return classifier.classify(c.text(), c.lang());
    }

    /** What the moderator's classify node does per comment: classify, then the policy with the harm rules. */
    @Benchmark
    public ModerationPolicy.Decision classifyAndDecide() {
        BenchmarkCorpus.Comment c = nextComment();
        ToxicityResult r = classifier.classify(c.text(), c.lang());
        return policy.decide(c.text(), new LanguageGuess(c.lang(), "Zyyy", 1.0, "hint"), r);
    }

    /** Normalization alone, for the breakdown. */
    @Benchmark
    public NormalizedText normalize() {
        return normalizer.normalize(nextComment().text());
    }
}
