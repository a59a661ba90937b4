package io.detoxstreams.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.data.Split;
import io.detoxstreams.eval.detox.DetoxEvaluator;
import io.detoxstreams.eval.detox.DetoxReport;
import io.detoxstreams.models.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * {@code eval detox}: Duplicate, Delete and the embedded detoxifier on every {@code detox/<lang>.tsv} of a data
 * directory, plus hold rates on {@code detox/cannot_rewrite/*.tsv} (see {@link DetoxEvaluator}).
 * <pre>
 * java -jar target/detox-streams.jar eval detox --data ../shared/data --out target/eval-detox.json
 * </pre>
 * By default only TEST-split rows ({@code Split.of(toxic) == TEST}) are scored; {@code --split all} scores every row.
 */
@Command(name = "detox", mixinStandardHelpOptions = true,
        description = "Score Duplicate, Delete, the embedded rewriter, the human references and the best reference "
                + "of each pair (human) on detox/<lang>.tsv (STA, SIM, ChrF, J, HOLD, fluency, dangling endings).")
public class EvalDetoxCommand implements Callable<Integer> {

    /** Which rows to score. */
    enum SplitChoice { TEST, DEV, ALL }

    @Option(names = "--data", required = true, description = "Directory with detox/<lang>.tsv.")
    Path data;

    @Option(names = "--out", description = "Write the JSON report here.")
    Path out;

    @Option(names = "--split", defaultValue = "test", description = "test (default), dev or all.")
    SplitChoice split;

    @Option(names = "--dump", description = "Write every scored row (lang, system, input, output, sta, sim, chrf, "
            + "fluent, dangling).")
    Path dump;

    @Option(names = "--examples", defaultValue = "0",
            description = "Print this many before/after examples of the embedded rewriter per language (rows it "
                    + "rewrote or held, not those it passed unchanged), picked at random with --seed (default: none).")
    int examples;

    @Option(names = "--seed", defaultValue = "10", description = "Seed of the example picks (default: ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    DetoxOptions detox;

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(data.resolve("detox"))) {
            System.err.println("no detox/ directory under " + data.toAbsolutePath());
            return 2;
        }
        Set<Split> splits = switch (split) {
            case TEST -> EnumSet.of(Split.TEST);
            case DEV -> EnumSet.of(Split.DEV);
            case ALL -> EnumSet.allOf(Split.class);
        };
        DetoxConfig config = detox.load();
        try (Models models = detox.models(config);
             BufferedWriter dumpOut = dump == null ? null : Files.newBufferedWriter(dump, StandardCharsets.UTF_8)) {
            DetoxEvaluator evaluator = new DetoxEvaluator(models.judge(), models.detoxifier());
            Map<String, java.util.List<String[]>> embedded = new java.util.TreeMap<>();
            evaluator.rowSink(row -> {
                if (dumpOut != null) {
                    write(dumpOut, String.join("\t", row));
                }
                if (examples > 0 && row[1].equals(DetoxEvaluator.EMBEDDED) && !row[3].equals(row[2])) {
                    embedded.computeIfAbsent(row[0], k -> new java.util.ArrayList<>()).add(row);
                }
            });
            DetoxReport report = evaluator.evaluate(data, splits);
            Map<String, Object> header = new LinkedHashMap<>();
            header.put("data", data.toAbsolutePath().normalize().toString());
            header.put("split", split.name().toLowerCase(java.util.Locale.ROOT));
            header.put("split_rule", "rows with Split.of(toxic) in " + splits + " (70/15/15 hash split)");
            header.put("classifier", models.classifier().version());
            header.put("rewriter", String.join(" -> ", models.detoxifier().backends()));
            if (!models.detoxifier().languageChains().isEmpty()) {
                header.put("rewriter_by_language", models.detoxifier().languageChains());
            }
            header.put("not_detoxifiable_thresholds", models.policy().notDetoxifiableThresholds());
            header.put("similarity_floor", config.models().similarityFloor());
            header.put("fluency_floor", config.models().fluencyFloor());
            header.put("fluency_judge", "fluent = weakest new junction >= the " + DetoxEvaluator.JUDGE_QUANTILE
                    + " quantile and LM score per token >= the lowest of the language's DEV human rewrites; "
                    + "dangling = ends a clause on a dangling function word or orphans punctuation where the input "
                    + "did not; both are shares of the published outputs that differ from the input");
            header.put("j_counting", "J = mean over all rows of STA*SIM*ChrF; a HOLD publishes nothing and counts 0; "
                    + "j_published = the same mean over non-held rows; sta/sim/chrf are means over published rows");
            System.out.println("eval detox on " + header.get("split_rule"));
            System.out.println(report.table());
            printExamples(embedded);
            if (out != null) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.toFile(), report.toJson(header));
                System.out.println("report: " + out);
            }
        }
        return 0;
    }

    /** {@code examples} rows per language, in file order after a seeded shuffle (reproducible picks). */
    private void printExamples(Map<String, java.util.List<String[]>> rows) {
        rows.forEach((lang, list) -> {
            java.util.List<String[]> picked = new java.util.ArrayList<>(list);
            java.util.Collections.shuffle(picked, new java.util.Random(seed));
            System.out.println("examples " + lang + " (seed " + seed + "):");
            for (String[] r : picked.subList(0, Math.min(examples, picked.size()))) {
                System.out.println("  " + r[2].replace('\n', ' ') + "\n    -> " + r[3]);
            }
        });
    }

    private static void write(BufferedWriter w, String line) {
        try {
            w.write(line.replace('\n', ' '));
            w.write('\n');
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
