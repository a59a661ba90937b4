package io.detoxstreams.cli;

import io.detoxstreams.eval.LanguageIdEvaluation;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.language.embedded.LangIdModel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code eval language --data DIR}: language-id accuracy per language, fast paths against Lingua alone. */
@Command(name = "language", mixinStandardHelpOptions = true,
        description = "Evaluate language identification per language (with and without the fast paths).")
public final class EvalLanguageCommand implements Callable<Integer> {

    @Option(names = "--data", required = true, description = "Data directory laid out like ../shared/data.")
    Path data;

    @Option(names = "--split", defaultValue = "test", description = "test (default), dev or all.")
    String split;

    @Option(names = "--model", description = "A language-id model file from `train` (default: the shipped one).")
    Path model;

    @Override
    public Integer call() throws Exception {
        LangIdModel fast;
        if (model == null) {
            fast = LangIdModel.loadDefault();
        } else {
            try (InputStream in = Files.newInputStream(model)) {
                fast = LangIdModel.read(in);
            }
        }
        for (boolean withFast : new boolean[] {true, false}) {
            try (CompositeLanguageDetector d = CompositeLanguageDetector.builder().fastModel(withFast ? fast : null)
                    .build()) {
                Map<String, Object> r = LanguageIdEvaluation.run(d, data, split);
                System.out.printf(Locale.ROOT, "%s: mean accuracy %.4f, %.1f µs/call%n",
                        withFast ? "script + embedded + Lingua fallback" : "script + Lingua",
                        (Double) r.get("mean_accuracy"), (Double) r.get("micros_per_call"));
                @SuppressWarnings("unchecked")
                List<LanguageIdEvaluation.Row> rows = (List<LanguageIdEvaluation.Row>) r.get("rows");
                for (LanguageIdEvaluation.Row row : rows) {
                    System.out.printf(Locale.ROOT, "  %-3s n=%5d accuracy %.3f und %.3f %s%n", row.lang(), row.n(),
                            row.accuracy(), row.undetermined(), row.methods());
                }
            }
        }
        return 0;
    }
}
