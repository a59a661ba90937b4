package io.detoxstreams.train;

import io.detoxstreams.classify.embedded.LinearModel;
import io.detoxstreams.data.Split;
import io.detoxstreams.language.embedded.LangIdModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The whole training recipe from a data directory to a model: read the corpora under a licence policy, build the mask
 * dictionary, train the heads, calibrate per language, tune the span threshold. Deterministic for fixed data and
 * options.
 */
public final class TrainingRun {

    /** Metadata key: relative path → SHA-256 of every data file the model was trained from. */
    public static final String TRAINING_FILES = "training_files";

    private TrainingRun() {
    }

    /** The two models {@code train} produces. */
    public record Models(LinearModel toxicity, LangIdModel languageId) {
    }

    public static Models run(Path dataDir, SourcePolicy policy, TrainingOptions options, String version,
                             Progress progress) {
        List<Example> examples = CorpusReader.read(dataDir, policy);
        if (examples.isEmpty()) {
            throw new IllegalArgumentException("no training data under " + dataDir.toAbsolutePath()
                    + " (expected toxicity/<lang>.tsv, toxicity/functional/<lang>.tsv, detox/<lang>.tsv)");
        }
        List<Example> trainOnly = examples.stream().filter(e -> e.split() == Split.TRAIN).toList();
        Lexicons lexicons = Lexicons.build(dataDir, trainOnly);
        Map<String, List<String>> categorySupport = CategorySupport.apply(examples);
        Trainer.Weights weights = new Trainer(options, progress).train(examples, lexicons.normalizer(),
                lexicons.lexiconByLanguage());
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("licence_policy", policy.name().toLowerCase(java.util.Locale.ROOT));
        meta.put("training_examples", countBy(trainOnly));
        meta.put(TRAINING_FILES, io.detoxstreams.data.FileFingerprints.of(dataDir));
        meta.put("options", options);
        meta.put("best_epoch", weights.bestEpoch());
        meta.put(LinearModel.CATEGORY_SUPPORT, categorySupport);
        meta.put(LinearModel.LANGUAGE_COPIES, weights.copies());
        meta.put("dev_mean_macro_f1_per_epoch", weights.devScores());
        LinearModel model = ModelAssembler.assemble(weights, examples, lexicons, options, version, meta);
        Path spans = dataDir.resolve("toxicity/spans/en.tsv");
        if (Files.isRegularFile(spans) && model.languageIndex("en") >= 0) {
            progress.update("span threshold", 0, 1);
            model = ModelAssembler.tuneSpans(model, SpanCorpus.read(spans), "en");
            progress.update("span threshold", 1, 1);
        }
        LangIdModel langId = LangIdTrainer.train(examples, options.seed(), progress);
        return new Models(model, langId);
    }

    /** Training example counts by language, corpus and source (for the model card). */
    static Map<String, Map<String, Long>> countBy(List<Example> examples) {
        return examples.stream().collect(Collectors.groupingBy(Example::lang, TreeMap::new,
                Collectors.groupingBy(e -> e.corpus().name().toLowerCase(java.util.Locale.ROOT) + ":" + e.source(),
                        TreeMap::new, Collectors.counting())));
    }
}
