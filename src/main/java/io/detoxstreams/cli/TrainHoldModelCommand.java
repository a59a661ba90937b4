package io.detoxstreams.cli;

import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.rewrite.policy.NotDetoxifiableModel;
import io.detoxstreams.rewrite.policy.NotDetoxifiableTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * Trains the non-detoxifiable hold model ({@link NotDetoxifiableTrainer}) on the TRAIN split of
 * {@code detox/cannot_rewrite/<lang>.tsv} vs {@code detox/<lang>.tsv}, with the embedded classifier shipped in the jar
 * supplying scores and spans, chooses its threshold on DEV, and writes it as a resource. Deterministic: the same data
 * and classifier give a byte-identical file. The shipped model was made with
 * <pre>
 * java -jar target/detox-streams.jar train-hold-model --data ../shared/data --out src/main/resources/rewrite
 * </pre>
 */
@Command(name = "train-hold-model", mixinStandardHelpOptions = true,
        description = "Train the non-detoxifiable hold model from detox/cannot_rewrite/<lang>.tsv vs detox/<lang>.tsv.")
public class TrainHoldModelCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "Data directory with detox/.")
    Path data;

    @Option(names = "--out", defaultValue = "src/main/resources/rewrite", description = "Output directory.")
    Path out;

    @Option(names = "--lang", defaultValue = "en", description = "Language (needs detox/cannot_rewrite/<lang>.tsv).")
    String lang;

    @Option(names = "--max-rewritable-hold", description = "Share of DEV rewritable rows the model may hold "
            + "(default: the trainer's default).")
    Double maxRewritableHold;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data.resolve("detox/cannot_rewrite/" + lang + ".tsv"))
                || !Files.isRegularFile(data.resolve("detox/" + lang + ".tsv"))) {
            System.err.println("need detox/" + lang + ".tsv and detox/cannot_rewrite/" + lang + ".tsv under "
                    + data.toAbsolutePath());
            return 2;
        }
        NotDetoxifiableTrainer.Options d = NotDetoxifiableTrainer.Options.defaults();
        NotDetoxifiableTrainer.Options options = maxRewritableHold == null ? d
                : new NotDetoxifiableTrainer.Options(d.bits(), d.epochs(), d.learningRate(), d.l2(), d.seed(),
                        maxRewritableHold);
        NotDetoxifiableTrainer.Result result;
        try (EmbeddedToxicityClassifier classifier = EmbeddedToxicityClassifier.loadDefault()) {
            result = new NotDetoxifiableTrainer(classifier, options).train(data, lang);
        }
        Files.createDirectories(out);
        Path file = out.resolve(NotDetoxifiableModel.resourceName(lang).substring("rewrite/".length()));
        try (OutputStream o = Files.newOutputStream(file)) {
            result.model().write(o);
        }
        System.out.println(result.report().summary());
        System.out.printf(java.util.Locale.ROOT, "threshold %.6f -> %s%n", result.model().threshold(), file);
        return 0;
    }
}
