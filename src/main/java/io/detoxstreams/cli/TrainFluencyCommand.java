package io.detoxstreams.cli;

import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.fluency.FluencyTrainer;
import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.train.LanguageModelCorpus;
import io.detoxstreams.train.SourcePolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code train-lm}: trains the per-language fluency models ({@link FluencyTrainer}: word 4-gram Kneser–Ney language
 * model, character model, junction model, the range of the DEV human references) from a data directory laid out like
 * ../shared/data, and writes {@code lm-<lang>.bin} plus {@code languages.txt} (and, for languages with articles,
 * the noun pre-modifier lists {@code modifiers-<lang>.txt}, {@link io.detoxstreams.fluency.NounModifiers}).
 * Deterministic: the same data and options give byte-identical files. The shipped models were made with
 * <pre>
 * java -jar target/detox-streams.jar train-lm --data ../shared/data --out src/main/resources/fluency
 * </pre>
 */
@Command(name = "train-lm", mixinStandardHelpOptions = true,
        description = "Train the per-language fluency models (n-gram language model + junction model) from the neutral "
                + "sides of detox/<lang>.tsv and the non-toxic comments of toxicity/.")
public final class TrainFluencyCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "Data directory (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--out", defaultValue = "src/main/resources/fluency",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--langs", split = ",",
            description = "Languages (default: every language with detox/<lang>.tsv, i.e. with human rewrites).")
    List<String> langs;

    @Option(names = "--sources", defaultValue = "permissive",
            description = "Licence policy: permissive (shippable) or all (internal research only). Default: ${DEFAULT-VALUE}.")
    SourcePolicy policy;

    @Option(names = "--modifiers-only",
            description = "Only mine the noun pre-modifier lists (modifiers-<lang>.txt, NounModifiers) from the same "
                    + "sentences; leave the language models as they are.")
    boolean modifiersOnly;

    @Override
    public Integer call() throws Exception {
        Map<String, LanguageModelCorpus.Language> corpora = LanguageModelCorpus.read(data, policy);
        List<String> languages = langs != null ? langs
                : io.detoxstreams.data.DetoxPairs.languages(data.resolve("detox")).stream()
                        .filter(corpora::containsKey).toList();
        if (languages.isEmpty()) {
            System.err.println("no languages with training sentences under " + data.toAbsolutePath());
            return 2;
        }
        Files.createDirectories(out);
        ConsoleProgress progress = new ConsoleProgress(System.err);
        FluencyTrainer trainer = new FluencyTrainer(FluencyTrainer.Options.defaults());
        StringBuilder index = new StringBuilder("# languages with a fluency model (train-lm)\n");
        long total = 0;
        int done = 0;
        for (String lang : languages) {
            progress.update("fluency models", done, languages.size());
            LanguageModelCorpus.Language c = corpora.get(lang);
            if (c == null) {
                System.err.println("no training sentences for '" + lang + "'");
                return 2;
            }
            if (io.detoxstreams.fluency.NounModifiers.mined(lang)) {
                java.util.Set<String> modifiers = io.detoxstreams.fluency.NounModifiers.mine(lang,
                        java.util.stream.Stream.concat(c.train().stream(), c.toxicTrain().stream()).toList());
                io.detoxstreams.fluency.NounModifiers.write(modifiers, lang, out);
                System.out.printf(Locale.ROOT, "%s: %,d noun pre-modifiers -> %s%n", lang, modifiers.size(),
                        out.resolve("modifiers-" + lang + ".txt"));
            }
            if (modifiersOnly) {
                index.append(lang).append('\n');
                done++;
                continue;
            }
            Map<String, String> info = new LinkedHashMap<>();
            info.put("sources", c.sources().toString());
            info.put("licence_policy", policy.name().toLowerCase(Locale.ROOT));
            info.put("command", "train-lm --data <data> --out <dir>");
            LanguageFluency model = trainer.train(lang, c.train(), c.devReferences(), info);
            Path file = out.resolve(FluencyModel.resourceName(lang).substring("fluency/".length()));
            try (OutputStream os = Files.newOutputStream(file)) {
                model.write(os);
            }
            total += Files.size(file);
            index.append(lang).append('\n');
            done++;
            progress.update("fluency models", done, languages.size());
            System.out.printf(Locale.ROOT, "%s: %,d sentences, vocabulary %,d, n-grams %s, %d proper names, "
                            + "junction floor (5%%) %.3f, LM floor %.3f -> %s (%,d bytes)%n", lang, c.train().size(),
                    model.languageModel().vocabularySize(), java.util.Arrays.toString(
                            model.languageModel().ngramCounts()), model.properNames().size(),
                    model.junctionFloor(0.05), model.lmFloor(), file, Files.size(file));
        }
        if (!modifiersOnly) {
            Files.writeString(out.resolve("languages.txt"), index.toString(), StandardCharsets.UTF_8);
        }
        if (!modifiersOnly) {
            System.out.printf(Locale.ROOT, "%d fluency models, %,d bytes in all%n", languages.size(), total);
        }
        return 0;
    }
}
