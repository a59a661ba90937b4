package io.detoxstreams.cli;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.bench.ModelThroughput;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.classify.onnx.OnnxToxicityClassifier;
import io.detoxstreams.config.ModelDevice;
import io.detoxstreams.config.Seq2SeqSettings;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.onnxseq2seq.OnnxSeq2SeqRewriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench models}: comments/s of an exported classifier and/or seq2seq rewriter at several batch sizes on the
 * CPU or a GPU, in one run; for seq2seq also without the key/value cache, with the ratio. The comments are the demo
 * sample (or {@code --texts FILE}, one per line).
 * <pre>
 * java -jar target/detox-streams.jar bench models --classifier /models/xlmr-large-toxicity-classifier \
 *     --seq2seq /models/bart-base-detox --device cuda:0 --batches 1,8,32,64
 * </pre>
 */
@Command(name = "models", mixinStandardHelpOptions = true,
        description = "Throughput of ONNX classifier / seq2seq exports per batch size (CPU or CUDA).")
public final class BenchModelsCommand implements Callable<Integer> {

    @Option(names = "--classifier", description = "An Optimum sequence-classification export (model.onnx, …).")
    Path classifier;

    @Option(names = "--seq2seq", description = "An Optimum seq2seq export (encoder_model.onnx, …).")
    Path seq2seq;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu or cuda:N (default: ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--batches", defaultValue = "1,8,32,64", split = ",", description = "Batch sizes.")
    int[] batches;

    @Option(names = "--new-tokens", defaultValue = "32", description = "seq2seq: max new tokens (default: 32).")
    int newTokens;

    @Option(names = "--beams", defaultValue = "1", description = "seq2seq: beams (default: greedy).")
    int beams;

    @Option(names = "--prompt", defaultValue = "", description = "seq2seq prompt, e.g. 'Detoxify:' for mT0.")
    String prompt;

    @Option(names = "--seconds", defaultValue = "10", description = "Measuring time per point, spread over "
            + ROUNDS + " interleaved rounds (default: 10 s).")
    int seconds;

    static final int ROUNDS = 5;

    @Option(names = "--texts", description = "Comments to use, one per line (default: the demo sample).")
    Path texts;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        ModelDevice d = ModelDevice.parse(device, "--device");
        List<String> comments = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        if (texts != null) {
            for (String line : Files.readAllLines(texts, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    comments.add(line);
                    langs.add("en");
                }
            }
        } else {
            for (CommentEvent e : SampleComments.comments(Instant.now())) {
                comments.add(e.getText());
                langs.add(e.getLangHint() == null ? "en" : e.getLangHint());
            }
        }
        Duration warm = Duration.ofSeconds(Math.max(1, seconds / 5));
        Duration slice = Duration.ofMillis(seconds * 1000L / ROUNDS);
        out.printf("%d comments, device %s, %d CPUs, batches %s%n", comments.size(), d,
                Runtime.getRuntime().availableProcessors(), Arrays.toString(batches));
        if (classifier != null) {
            try (EmbeddedToxicityClassifier embedded = EmbeddedToxicityClassifier.loadDefault();
                 OnnxToxicityClassifier c = OnnxToxicityClassifier.load(classifier, new OnnxToxicityClassifier.Options(
                         d, "toxic", Arrays.stream(batches).max().orElse(64), Map.of(), 0.5), embedded)) {
                List<ModelThroughput.Case> cases = new ArrayList<>();
                for (int b : batches) {
                    cases.add(new ModelThroughput.Case("classifier", b,
                            ModelThroughput.classifierCalls(c, comments, langs, b)));
                }
                ModelThroughput.print(out, "classifier " + classifier + " on " + c.device(),
                        ModelThroughput.interleaved(cases, warm, slice, ROUNDS), null, null);
            }
        }
        if (seq2seq != null) {
            Seq2SeqSettings s = new Seq2SeqSettings(d, beams, newTokens, 0, 1.0, true, prompt, Map.of());
            List<RewriteRequest> requests = new ArrayList<>();
            for (int i = 0; i < comments.size(); i++) {
                requests.add(new RewriteRequest(comments.get(i), langs.get(i), ToxicityResult.clean(0.5, "bench")));
            }
            try (OnnxSeq2SeqRewriter cached = OnnxSeq2SeqRewriter.load(seq2seq, s);
                 OnnxSeq2SeqRewriter uncached = OnnxSeq2SeqRewriter.load(seq2seq, s.withCache(false))) {
                List<ModelThroughput.Case> cases = new ArrayList<>();
                for (int b : batches) {
                    cases.add(new ModelThroughput.Case("cache", b, ModelThroughput.rewriterCalls(cached, requests, b)));
                    cases.add(new ModelThroughput.Case("no cache", b,
                            ModelThroughput.rewriterCalls(uncached, requests, b)));
                }
                List<ModelThroughput.Result> all = ModelThroughput.interleaved(cases, warm, slice, ROUNDS);
                ModelThroughput.print(out, "seq2seq " + seq2seq + " on " + cached.device() + ", " + cached.layout()
                        + ", up to " + newTokens + " new tokens", ModelThroughput.of(all, "cache"),
                        ModelThroughput.of(all, "no cache"), "no cache");
                ModelThroughput.print(out, "seq2seq without the cache", ModelThroughput.of(all, "no cache"), null,
                        null);
            }
        }
        return 0;
    }
}
