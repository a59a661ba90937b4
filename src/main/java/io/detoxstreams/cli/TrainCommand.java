package io.detoxstreams.cli;

import io.detoxstreams.classify.embedded.LinearModel;
import io.detoxstreams.classify.embedded.ModelCodec;
import io.detoxstreams.train.SourcePolicy;
import io.detoxstreams.train.TrainingOptions;
import io.detoxstreams.train.TrainingRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code train --data ../shared/data --out model.bin}: learns the embedded toxicity model from a data directory laid
 * out like ../shared/data. Deterministic for a given seed; a few minutes on 2 cores.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train the embedded multilingual toxicity model from a data directory.")
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Data directory (toxicity/, toxicity/functional/, "
            + "toxicity/spans/, detox/, lexicon/).")
    Path data;

    @Option(names = "--out", defaultValue = "target/models",
            description = "Directory for toxicity-embedded.bin and langid-embedded.bin (default: ${DEFAULT-VALUE}). "
                    + "The shipped models live in src/main/resources/models.")
    Path out;

    @Option(names = "--sources", defaultValue = "permissive",
            description = "Licence policy: permissive (shippable; leaves out CC-BY-NC and unlicensed sources) or all "
                    + "(internal research only). Default: ${DEFAULT-VALUE}.")
    SourcePolicy policy;

    @Option(names = "--epochs", description = "Training epochs (default 8).")
    Integer epochs;

    @Option(names = "--seed", description = "Shuffling seed.")
    Long seed;

    @Option(names = "--bits", description = "log2 of the toxicity feature space (default 22).")
    Integer bits;

    @Option(names = "--learning-rate", description = "AdaGrad learning rate (default 0.1).")
    Double learningRate;

    @Option(names = "--l2", description = "L2 penalty (default 1e-6).")
    Double l2;

    @Option(names = "--detox-weight", description = "Weight of detox-pair sentences (default 0.5).")
    Double detoxWeight;

    @Option(names = "--spans-weight", description = "Weight of the toxic-span posts, which are all toxic (default "
            + "0.5).")
    Double spansWeight;

    @Option(names = "--max-char-n", description = "Longest character n-gram (default 5).")
    Integer maxCharN;

    @Option(names = "--language-copies", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Give every feature a per-language weight as well as the shared one (default true).")
    boolean languageCopies;

    @Option(names = "--average-from", description = "Average epoch-end weights from this epoch on (0 = off).")
    Integer averageFrom;

    @Option(names = "--prior-shift", description = "Calibrate languages that only have test suites to the natural "
            + "toxic prior (default off).")
    boolean priorShift;

    @Option(names = "--model-version", defaultValue = "2026.11.25", description = "Version string stored in the model.")
    String version;

    @Override
    public Integer call() throws Exception {
        TrainingOptions d = TrainingOptions.defaults();
        TrainingOptions o = new TrainingOptions(bits != null ? bits : d.bits(), d.categoryBits(),
                maxCharN != null ? maxCharN : d.maxCharN(), epochs != null ? epochs : d.epochs(),
                learningRate != null ? learningRate : d.learningRate(), l2 != null ? l2 : d.l2(),
                seed != null ? seed : d.seed(), detoxWeight != null ? detoxWeight : d.detoxWeight(),
                d.functionalWeight(), spansWeight != null ? spansWeight : d.spansWeight(), languageCopies,
                averageFrom != null ? averageFrom : d.averageFrom(), priorShift);
        long t0 = System.nanoTime();
        TrainingRun.Models models = TrainingRun.run(data, policy, o, version, new ConsoleProgress(System.err));
        LinearModel model = models.toxicity();
        Files.createDirectories(out);
        Path toxicityFile = out.resolve("toxicity-embedded.bin");
        try (OutputStream os = Files.newOutputStream(toxicityFile)) {
            ModelCodec.write(model, os);
        }
        Path langIdFile = out.resolve("langid-embedded.bin");
        try (OutputStream os = Files.newOutputStream(langIdFile)) {
            models.languageId().write(os);
        }
        System.out.printf("model %s written to %s (%,d bytes) and %s (%,d bytes) in %.0f s%n", version,
                toxicityFile, Files.size(toxicityFile), langIdFile, Files.size(langIdFile),
                (System.nanoTime() - t0) / 1e9);
        @SuppressWarnings("unchecked")
        Map<String, Object> calibration = (Map<String, Object>) model.info().metadata().get("calibration");
        System.out.println("best epoch " + model.info().metadata().get("best_epoch") + ", dev mean macro-F1 per epoch "
                + model.info().metadata().get("dev_mean_macro_f1_per_epoch"));
        System.out.println("span threshold " + model.info().spanThreshold());
        calibration.forEach((lang, c) -> System.out.println("  " + lang + " " + c));
        return 0;
    }
}
