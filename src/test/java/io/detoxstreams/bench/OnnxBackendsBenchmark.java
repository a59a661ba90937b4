package io.detoxstreams.bench;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.classify.onnx.OnnxToxicityClassifier;
import io.detoxstreams.config.ModelDevice;
import io.detoxstreams.config.Seq2SeqSettings;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.onnxseq2seq.OnnxSeq2SeqRewriter;
import io.detoxstreams.testing.onnx.MiniLmClassifier;
import io.detoxstreams.testing.onnx.TinySeq2Seq;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

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
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ONNX backends' throughput benchmarks (BENCHMARKS.md): the real MiniLM-L6 BERT classifier (float and quantized
 * exports) at batch 1/8/32/64, and a seq2seq export of realistic shape (d_model 256, 4 heads, 4 decoder layers, 8,003
 * tokens, random weights, never ending early) generating exactly 32 new tokens with the key/value cache (both
 * layouts) and without it — all in one run, interleaved ({@link ModelThroughput#interleaved}), so the ratios compare
 * like with like. Not part of {@code mvn verify} (surefire picks up {@code *Test} classes only); run it with
 * <pre>
 * mvn -B -o test -Dgroups=benchmark -Dtest=OnnxBackendsBenchmark \
 *     [-Dbench.device=cuda:0 -Pgpu] [-Dbench.seconds=5] [-Dbench.batches=1,8,32,64] [-Dbench.parts=classifier]
 * </pre>
 * Results go to the console and to {@code target/bench/onnx-backends.txt}.
 */
@Tag("benchmark")
class OnnxBackendsBenchmark {

    static final int NEW_TOKENS = 32;

    @Test
    void measureClassifierAndSeq2SeqThroughput() throws Exception {
        ModelDevice device = ModelDevice.parse(System.getProperty("bench.device", "cpu"), "bench.device");
        int[] batches = Arrays.stream(System.getProperty("bench.batches", "1,8,32,64").split(","))
                .mapToInt(Integer::parseInt).toArray();
        Duration measure = Duration.ofSeconds(Long.parseLong(System.getProperty("bench.seconds", "5")));
        Duration warmup = Duration.ofSeconds(Math.max(1, measure.toSeconds() / 2));
        Path report = Path.of("target", "bench", "onnx-backends.txt");
        Files.createDirectories(report.getParent());
        try (PrintStream file = new PrintStream(Files.newOutputStream(report), true, StandardCharsets.UTF_8)) {
            Tee out = new Tee(file);
            out.println("ONNX backends on " + device + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, "
                    + System.getProperty("java.version") + ", " + measure.toSeconds() + " s per point, "
                    + Instant.now());
            String parts = System.getProperty("bench.parts", "classifier,seq2seq");
            if (parts.contains("classifier")) {
                classifiers(out, device, batches, warmup, measure);
            }
            if (parts.contains("seq2seq")) {
                seq2seq(out, device, batches, warmup, measure);
            }
        }
    }

    static final int ROUNDS = 5;

    private static void classifiers(Tee out, ModelDevice device, int[] batches, Duration warmup, Duration measure)
            throws Exception {
        List<String> texts = new ArrayList<>();
        List<String> langs = new ArrayList<>();
        for (CommentEvent e : SampleComments.comments(Instant.now())) {
            texts.add(e.getText());
            langs.add(e.getLangHint() == null ? "en" : e.getLangHint());
        }
        List<OnnxToxicityClassifier> open = new ArrayList<>();
        try (EmbeddedToxicityClassifier embedded = EmbeddedToxicityClassifier.loadDefault()) {
            List<ModelThroughput.Case> cases = new ArrayList<>();
            for (MiniLmClassifier.Variant v : MiniLmClassifier.Variant.values()) {
                Path dir = MiniLmClassifier.write(Path.of("target", "test-models",
                        "minilm-" + v.name().toLowerCase() + "-classifier"), v);
                long rss0 = residentKiB();
                OnnxToxicityClassifier c = OnnxToxicityClassifier.load(dir, new OnnxToxicityClassifier.Options(
                        device, "toxic", 64, Map.of(), 0.5), embedded);
                open.add(c);
                c.classifyBatch(texts, langs);
                out.println(String.format(java.util.Locale.ROOT, "MiniLM-L6 %s export: model.onnx %.1f MB; resident "
                        + "memory +%.0f MB after loading the session and scoring one batch of 52",
                        v.name().toLowerCase(), Files.size(dir.resolve("model.onnx")) / 1e6,
                        (residentKiB() - rss0) / 1024.0));
                for (int b : batches) {
                    cases.add(new ModelThroughput.Case(v.name(), b,
                            ModelThroughput.classifierCalls(c, texts, langs, b)));
                }
            }
            List<ModelThroughput.Result> all = ModelThroughput.interleaved(cases, warmup,
                    measure.dividedBy(ROUNDS), ROUNDS);
            for (MiniLmClassifier.Variant v : MiniLmClassifier.Variant.values()) {
                out.print(t -> ModelThroughput.print(t, "MiniLM-L6 classifier (" + v.name().toLowerCase()
                        + " export) on " + open.get(0).device() + ", the 52 demo comments, median of " + ROUNDS
                        + " interleaved rounds", ModelThroughput.of(all, v.name()), null, null));
            }
        } finally {
            open.forEach(OnnxToxicityClassifier::close);
        }
    }

    private static void seq2seq(Tee out, ModelDevice device, int[] batches, Duration warmup, Duration measure)
            throws Exception {
        TinySeq2Seq net = new TinySeq2Seq(8000, 256, 4, 4, 160, 0f, 5).neverEnding();
        Path withPast = Path.of("target", "bench-models", "seq2seq-d256-with-past");
        Path merged = Path.of("target", "bench-models", "seq2seq-d256-merged");
        if (!Files.isRegularFile(withPast.resolve("decoder_with_past_model.onnx"))) {
            net.write(withPast, true, false);
        }
        if (!Files.isRegularFile(merged.resolve("decoder_model_merged.onnx"))) {
            net.write(merged, false, true);
        }
        Random r = new Random(1);
        List<RewriteRequest> requests = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            StringBuilder t = new StringBuilder();
            for (int k = 12 + r.nextInt(20); k > 0; k--) {
                t.append('w').append(r.nextInt(8000)).append(' ');
            }
            requests.add(new RewriteRequest(t.toString().trim(), "en", ToxicityResult.clean(0.5, "bench")));
        }
        Seq2SeqSettings s = new Seq2SeqSettings(device, 1, NEW_TOKENS, 0, 1.0, true, "", Map.of());
        try (OnnxSeq2SeqRewriter cached = OnnxSeq2SeqRewriter.load(withPast, s);
             OnnxSeq2SeqRewriter mergedCache = OnnxSeq2SeqRewriter.load(merged, s);
             OnnxSeq2SeqRewriter uncached = OnnxSeq2SeqRewriter.load(withPast, s.withCache(false))) {
            for (Rewrite w : cached.rewriteBatch(requests.subList(0, 4))) {
                assertThat(w.text().split(" ")).as("exactly %d new tokens", NEW_TOKENS).hasSize(NEW_TOKENS);
            }
            assertThat(uncached.rewriteBatch(requests.subList(0, 4))).isEqualTo(cached.rewriteBatch(requests.subList(0, 4)));
            assertThat(mergedCache.rewriteBatch(requests.subList(0, 4))).isEqualTo(cached.rewriteBatch(requests.subList(0, 4)));
            List<ModelThroughput.Case> cases = new ArrayList<>();
            for (int b : batches) {
                cases.add(new ModelThroughput.Case("with-past", b, ModelThroughput.rewriterCalls(cached, requests, b)));
                cases.add(new ModelThroughput.Case("merged", b, ModelThroughput.rewriterCalls(mergedCache, requests, b)));
                cases.add(new ModelThroughput.Case("no-cache", b, ModelThroughput.rewriterCalls(uncached, requests, b)));
            }
            List<ModelThroughput.Result> all = ModelThroughput.interleaved(cases, warmup, measure.dividedBy(ROUNDS),
                    ROUNDS);
            String shape = "seq2seq d_model 256, 4 heads, 4 decoder layers, vocab 8003, inputs of 13-32 tokens, "
                    + NEW_TOKENS + " new tokens, greedy, on " + cached.device() + ", median of " + ROUNDS
                    + " interleaved rounds";
            List<ModelThroughput.Result> without = ModelThroughput.of(all, "no-cache");
            out.print(t -> ModelThroughput.print(t, shape + ": KV cache (decoder_with_past_model.onnx)",
                    ModelThroughput.of(all, "with-past"), without, "no cache"));
            out.print(t -> ModelThroughput.print(t, shape + ": KV cache (decoder_model_merged.onnx)",
                    ModelThroughput.of(all, "merged"), without, "no cache"));
            out.print(t -> ModelThroughput.print(t, shape + ": no cache (decoder_model.onnx on the whole prefix)",
                    without, null, null));
        }
    }

    /** VmRSS of this process (Linux), in KiB; 0 elsewhere. */
    private static long residentKiB() throws java.io.IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        return 0;
    }

    /** Prints to the console and the report file. */
    private record Tee(PrintStream file) {
        void println(String s) {
            System.out.println(s);
            file.println(s);
        }

        void print(java.util.function.Consumer<PrintStream> p) {
            p.accept(System.out);
            p.accept(file);
        }
    }
}
