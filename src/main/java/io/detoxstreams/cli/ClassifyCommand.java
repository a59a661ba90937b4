package io.detoxstreams.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detoxstreams.classify.TextTooLongException;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModerationPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code classify --input comments.tsv --output results.jsonl}: one JSON object per input row, same order, with the
 * detected language and the model's coverage of it, toxicity score and decision, the thresholds (rewrite and review
 * band), categories, spans (UTF-16 offsets into the row's text), any threat or self-harm found, and where the
 * moderator would route the comment with the configured policy ({@code pass}, {@code rewrite}, {@code hold} + reason).
 */
@Command(name = "classify", mixinStandardHelpOptions = true,
        description = "Classify comments from a TSV file (header with 'text', optional 'lang') into JSON lines.")
public final class ClassifyCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, description = "TSV with a header containing 'text' (optional 'lang').")
    Path input;

    @Option(names = "--output", required = true, description = "JSON lines output, one object per input row.")
    Path output;

    @Option(names = "--model", description = "An embedded toxicity model file from `train` (default: the shipped "
            + "model).")
    Path model;

    @picocli.CommandLine.Mixin
    ConfigOptions options;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        TsvTable t = TsvTable.read(input);
        int text = t.requireColumn("text");
        int lang = t.column("lang").orElse(-1);
        ConsoleProgress progress = new ConsoleProgress(System.err);
        long t0 = System.nanoTime();
        DetoxConfig config = options.load();
        try (Models models = ModelFactory.load(config, model, System.getenv());
             BufferedWriter out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
            ToxicityClassifier classifier = models.classifier();
            LanguageDetector detector = loadDetector(t0, models);
            ModerationPolicy policy = ModerationPolicy.from(config, classifier);
            for (int r = 0; r < t.size(); r++) {
                String s = t.get(r, text);
                String hint = lang < 0 ? null : t.get(r, lang);
                out.write(JSON.writeValueAsString(classifyRow(classifier, detector, policy, s, hint)));
                out.newLine();
                progress.update("classify", r + 1, t.size());
            }
        }
        System.err.printf("%,d rows classified into %s%n", t.size(), output);
        return 0;
    }

    private static LanguageDetector loadDetector(long t0, Models models) {
        long t1 = System.nanoTime();
        LanguageDetector d = models.languageDetector();
        System.err.printf("loaded %s in %d ms, language detector in %d ms%n", models.classifier().version(),
                (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
        return d;
    }

    static ObjectNode classifyRow(ToxicityClassifier classifier, LanguageDetector detector, ModerationPolicy policy,
                                  String text, String hint) {
        ObjectNode o = JSON.createObjectNode();
        LanguageGuess g = detector.detect(text, hint == null || hint.isBlank() ? null : hint);
        o.put("lang", g.lang());
        o.put("lang_confidence", round(g.confidence()));
        o.put("coverage", policy.coverage(g).wireName());
        try {
            ToxicityResult r = classifier.classify(text, g.lang());
            ModerationPolicy.Decision d = policy.decide(text, g, r);
            o.put("score", round(r.score()));
            o.put("toxic", r.toxic());
            o.put("threshold", round(r.threshold()));
            o.put("review_threshold", round(d.reviewThreshold()));
            o.put("uncertain", d.uncertain());
            o.put("route", d.route().name().toLowerCase(java.util.Locale.ROOT));
            if (d.reason() != null) {
                o.put("hold_reason", d.reason().code());
            }
            d.harm().ifPresent(h -> {
                ObjectNode harm = o.putObject("harm");
                harm.put("kind", h.kind().code());
                harm.put("start", h.start());
                harm.put("end", h.end());
                harm.put("source", h.source());
            });
            ObjectNode cats = o.putObject("categories");
            r.categories().forEach((k, v) -> cats.put(k, round(v)));
            ArrayNode spans = o.putArray("spans");
            for (ToxicSpan s : r.spans()) {
                ObjectNode sp = spans.addObject();
                sp.put("start", s.start());
                sp.put("end", s.end());
                sp.put("category", s.category());
                sp.put("score", round(s.score()));
            }
        } catch (TextTooLongException e) {
            o.put("score", 0.0);
            o.put("toxic", false);
            o.putObject("categories");
            o.putArray("spans");
            o.put("error", e.getMessage());
        }
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }
}
