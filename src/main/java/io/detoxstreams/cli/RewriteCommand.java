package io.detoxstreams.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.models.Models;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * Detoxifies a TSV file with the configured models (the embedded ones by default; {@code --set rewriter.chain=…},
 * {@code --config FILE}): one JSON object per input row, same order.
 * <pre>
 * java -jar target/detox-streams.jar rewrite --input comments.tsv --output decisions.jsonl --lang en
 * </pre>
 * The input needs a {@code toxic} (or {@code text}) column; a {@code lang} column, when present, gives each row's
 * language, otherwise {@code --lang} does. Every row is classified first: clean rows PASS unchanged, toxic rows are
 * rewritten, verified and explained, or HELD with a reason.
 */
@Command(name = "rewrite", mixinStandardHelpOptions = true,
        description = "Detoxify the rows of a TSV file (column toxic or text) into JSON lines.")
public class RewriteCommand implements Callable<Integer> {

    private static final int BATCH = 256;

    @Option(names = "--input", required = true, description = "Input TSV with a header and a toxic or text column.")
    Path input;

    @Option(names = "--output", required = true, description = "Output JSON lines, one object per input row.")
    Path output;

    @Option(names = "--lang", description = "Language of rows without a lang column (ISO 639-1).")
    String lang;

    @picocli.CommandLine.Mixin
    DetoxOptions detox;

    @Override
    public Integer call() throws Exception {
        TsvTable table = TsvTable.read(input);
        int textCol = table.column("toxic").or(() -> table.column("text")).orElseThrow(() ->
                new IllegalArgumentException(input + ": needs a 'toxic' or 'text' column, has " + table.header()));
        int langCol = table.column("lang").orElse(-1);
        if (langCol < 0 && lang == null) {
            System.err.println(input + " has no 'lang' column: pass --lang");
            return 2;
        }
        ObjectMapper json = new ObjectMapper();
        try (Models models = detox.models(detox.load());
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            for (int from = 0; from < table.size(); from += BATCH) {
                int to = Math.min(table.size(), from + BATCH);
                List<String> texts = new ArrayList<>();
                List<String> langs = new ArrayList<>();
                for (int r = from; r < to; r++) {
                    texts.add(table.get(r, textCol));
                    String l = langCol < 0 ? "" : table.get(r, langCol).trim();
                    langs.add(l.isEmpty() ? lang : l);
                }
                for (ModerationDecision d : decide(models, texts, langs)) {
                    out.write(json.writeValueAsString(DecisionJson.of(d)));
                    out.write('\n');
                }
            }
        }
        return 0;
    }

    private static List<ModerationDecision> decide(Models models, List<String> texts, List<String> langs) {
        List<ToxicityResult> scores = models.classifier().classifyBatch(texts, langs);
        List<RewriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            requests.add(new RewriteRequest(texts.get(i), langs.get(i), scores.get(i)));
        }
        return Collections.unmodifiableList(models.detoxifier().detoxifyBatch(requests));
    }
}
