package io.detoxstreams.bench;

import io.detoxstreams.bench.pipeline.PipelineCorpus;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModerationPolicy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The moderator's model work without Kafka, in CPU time of the measuring thread: language detection, classification
 * and the moderation policy (harm rules) over the {@code bench pipeline} corpus (TEST rows, 12 languages, 20 % toxic,
 * natural lengths, no hints), with the default configuration's models. Prints, per stage and for the three in a row,
 * the lowest CPU microseconds per comment over the rounds (the least disturbed by other work on the machine). What
 * the moderator spends beyond this in {@code bench pipeline} is Kafka, Avro and the topology.
 * <pre>
 * java -cp target/detox-streams.jar io.detoxstreams.bench.ModeratorCpuTime ../shared/data [rounds]
 * </pre>
 */
public final class ModeratorCpuTime {

    private static final int COMMENTS = 20_000;
    private static final String[] STAGES = {"detect + classify + policy", "detect", "classify", "policy"};

    private ModeratorCpuTime() {
    }

    public static void main(String[] args) {
        System.setProperty("ai.djl.offline", "true"); // as the launcher does: DJL never probes the network
        Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        DetoxConfig config = new DetoxConfig(Map.of());
        try (Models models = ModelFactory.load(config)) {
            LanguageDetector detector = models.languageDetector();
            ToxicityClassifier classifier = models.classifier();
            ModerationPolicy policy = ModerationPolicy.from(config, classifier);
            PipelineCorpus corpus = PipelineCorpus.load(data, new PipelineCorpus.Options(0.2, List.of(),
                    PipelineCorpus.Lengths.NATURAL, false), detector, classifier);
            String[] texts = new String[COMMENTS];
            for (int i = 0; i < COMMENTS; i++) {
                texts[i] = corpus.entry(i).text();
            }
            System.out.println("corpus: " + corpus.source() + ", " + COMMENTS + " comments, mean "
                    + Math.round(corpus.meanLength()) + " chars");
            LanguageGuess[] guesses = new LanguageGuess[COMMENTS];
            ToxicityResult[] results = new ToxicityResult[COMMENTS];
            double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            long sink = 0;
            for (int round = 0; round < rounds; round++) {
                for (int stage = 0; stage < STAGES.length; stage++) {
                    long cpu0 = mx.getCurrentThreadCpuTime();
                    for (int i = 0; i < COMMENTS; i++) {
                        String t = texts[i];
                        switch (stage) {
                            case 0 -> {
                                LanguageGuess g = detector.detect(t, null);
                                sink += policy.decide(t, g, classifier.classify(t, g.lang())).route().ordinal();
                            }
                            case 1 -> sink += (guesses[i] = detector.detect(t, null)).lang().length();
                            case 2 -> sink += (results[i] = classifier.classify(t, guesses[i].lang())).spans().size();
                            default -> sink += policy.decide(t, guesses[i], results[i]).route().ordinal();
                        }
                    }
                    best[stage] = Math.min(best[stage], (mx.getCurrentThreadCpuTime() - cpu0) / 1e3 / COMMENTS);
                }
                System.err.printf(Locale.ROOT, "\rround %d/%d", round + 1, rounds);
            }
            System.err.println();
            for (int stage = 0; stage < STAGES.length; stage++) {
                System.out.printf(Locale.ROOT, "%-28s %6.2f µs of CPU per comment (lowest of %d rounds)%n",
                        STAGES[stage], best[stage], rounds);
            }
            System.out.println("checksum " + sink + " (the same models and corpus give the same checksum)");
        }
    }
}
