package io.detoxstreams.cli;

import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.eval.ClassificationEvaluation;
import io.detoxstreams.eval.ClassificationReport;
import io.detoxstreams.eval.ClassificationReportWriter;
import io.detoxstreams.eval.baseline.CharNgramBaseline;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code eval classification --data DIR [--out report.json] [--report DIR]}: per-language precision, recall, F1,
 * macro-F1, ROC-AUC of the toxic class, HateCheck accuracy, and English span F1.
 */
@Command(name = "classification", mixinStandardHelpOptions = true,
        description = "Evaluate toxicity classification per language (and span F1) on a data directory.")
public final class EvalClassificationCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Directory with toxicity/<lang>.tsv, "
            + "toxicity/functional/<lang>.tsv, toxicity/spans/<lang>.tsv.")
    Path data;

    @Option(names = "--out", description = "Write the report as JSON here.")
    Path out;

    @Option(names = "--report", description = "Write a Markdown report and a per-language bar chart (PNG) into this "
            + "directory.")
    Path report;

    @Option(names = "--model", description = "A model file from `train` (default: the model shipped in the jar).")
    Path model;

    @Option(names = "--split", defaultValue = "auto", description = "Rows to evaluate: auto (default: the held-out test "
            + "rows of files the model was trained on, recognised by SHA-256, and every row of any other file), test, "
            + "dev, or all.")
    String split;

    @Option(names = "--baseline", description = "Also train and score a plain per-language char n-gram logistic "
            + "regression on the same directory's train split, in the same run.")
    boolean baseline;

    @Override
    public Integer call() throws Exception {
        ConsoleProgress progress = new ConsoleProgress(System.err);
        try (Models models = ModelFactory.load(new io.detoxstreams.config.DetoxConfig(java.util.Map.of()), model,
                System.getenv())) {
            EmbeddedToxicityClassifier classifier = models.embedded();
            ClassificationEvaluation evaluation = new ClassificationEvaluation(classifier, split,
                    seenFiles(classifier), progress);
            ClassificationReport r = evaluation.run(data);
            if (baseline) {
                r = new ClassificationReport(r.model(), r.split(), r.toxicity(), r.functional(), r.spanF1(),
                        CharNgramBaseline.evaluate(data, split, progress));
            }
            System.out.print(ClassificationReportWriter.table(r));
            if (out != null) {
                ClassificationReportWriter.writeJson(r, out);
                System.out.println("JSON report: " + out);
            }
            if (report != null) {
                ClassificationReportWriter.writeReport(r, report);
                System.out.println("Markdown report and chart: " + report.resolve("report.md"));
            }
        }
        return 0;
    }

    /** Fingerprints of the files the model was trained on, as recorded in its metadata. */
    static java.util.Set<String> seenFiles(EmbeddedToxicityClassifier classifier) {
        Object files = classifier.model().info().metadata().get(io.detoxstreams.train.TrainingRun.TRAINING_FILES);
        java.util.Set<String> out = new java.util.HashSet<>();
        if (files instanceof java.util.Map<?, ?> m) {
            m.values().forEach(v -> out.add(String.valueOf(v)));
        }
        return out;
    }
}
