package io.detoxstreams.cli;

import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.rewrite.embedded.SubstitutionMiner;
import io.detoxstreams.rewrite.embedded.SubstitutionTable;
import io.detoxstreams.rewrite.embedded.SubstitutionTables;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Mines the embedded rewriter's substitution tables from the parallel pairs of a data directory and writes them as
 * resources. Deterministic: the same data and options give byte-identical files. The shipped tables were made with
 * <pre>
 * java -jar target/detox-streams.jar mine-substitutions --data ../shared/data --out src/main/resources/rewrite
 * </pre>
 * (TRAIN split only: DEV is for tuning, TEST for reporting.)
 */
@Command(name = "mine-substitutions", mixinStandardHelpOptions = true,
        description = "Mine per-language toxic->neutral substitution tables from detox/<lang>.tsv pairs.")
public class MineSubstitutionsCommand implements Callable<Integer> {

    @Option(names = "--data", defaultValue = "../shared/data", description = "Data directory with detox/<lang>.tsv.")
    Path data;

    @Option(names = "--out", defaultValue = "src/main/resources/rewrite", description = "Output directory.")
    Path out;

    @Option(names = "--splits", split = ",", defaultValue = "TRAIN",
            description = "Splits to mine from (default: ${DEFAULT-VALUE}; never TEST for shipped tables).")
    Set<Split> splits;

    @Option(names = "--langs", split = ",", description = "Languages (default: every detox/<lang>.tsv).")
    List<String> langs;

    @Override
    public Integer call() throws IOException {
        Path detox = data.resolve("detox");
        List<String> languages = langs == null ? DetoxPairs.languages(detox) : langs;
        if (languages.isEmpty()) {
            System.err.println("no detox/<lang>.tsv files under " + data.toAbsolutePath());
            return 2;
        }
        Files.createDirectories(out);
        SubstitutionMiner.Options options = SubstitutionMiner.Options.defaults();
        Set<Split> chosen = splits.isEmpty() ? EnumSet.of(Split.TRAIN) : EnumSet.copyOf(splits);
        StringBuilder index = new StringBuilder("# languages with a substitution table (mine-substitutions)\n");
        for (String lang : languages) {
            SubstitutionMiner miner = new SubstitutionMiner(options);
            List<DetoxPairs.Pair> pairs = DetoxPairs.read(detox.resolve(lang + ".tsv"), chosen);
            for (DetoxPairs.Pair p : pairs) {
                for (String ref : p.references()) {
                    miner.add(p.toxic(), ref);
                }
            }
            SubstitutionTable table = miner.build(lang, List.of(
                    "substitution table for '" + lang + "' mined by 'detox-streams mine-substitutions'",
                    "from detox/" + lang + ".tsv, splits " + chosen + ": " + pairs.size() + " rows, "
                            + miner.pairs() + " toxic/reference pairs",
                    "derived data; licence of the source pairs: see MODEL_CARD.md (Rewriter)",
                    "options " + options));
            try (Writer w = Files.newBufferedWriter(out.resolve("substitutions-" + lang + ".tsv"),
                    StandardCharsets.UTF_8)) {
                table.write(w);
            }
            index.append(lang).append('\n');
            System.out.printf("%s: %d rows, %d entries -> %s%n", lang, pairs.size(), table.size(),
                    out.resolve(SubstitutionTables.resourceName(lang).substring("rewrite/".length())));
        }
        Files.writeString(out.resolve("languages.txt"), index.toString(), StandardCharsets.UTF_8);
        return 0;
    }
}
