package io.detoxstreams.rewrite.onnxseq2seq;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.detoxstreams.classify.onnx.HfModelDir;
import io.detoxstreams.config.ModelDevice;
import io.detoxstreams.config.Seq2SeqSettings;
import io.detoxstreams.rewrite.ModelEdits;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Rewriter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code onnx-seq2seq} rewrite backend: an encoder–decoder detoxifier exported with Optimum (T5/mT5/mT0 such as
 * s-nlp/mt0-xl-detox-orpo, BART such as s-nlp/bart-base-detox), on the CPU or CUDA. Each request becomes
 * {@code prompt + " " + text} (or the prompt with {@code {text}} replaced; the prompt per language from
 * {@code seq2seq.prompt[.<lang>]}, empty for BART), is tokenized with the export's {@code tokenizer.json} (truncated
 * at the model's maximum length), and the batch is generated at once — greedy or beam search with the key/value
 * cache, each row stopping at its end token — then decoded without special tokens. What happened to each toxic span
 * is computed by {@link ModelEdits}.
 *
 * <pre>{@code
 * try (Rewriter r = OnnxSeq2SeqRewriter.load(Path.of("/models/bart-base-detox"), Seq2SeqSettings.defaults())) {
 *     Rewrite w = r.rewrite(request);
 * }
 * }</pre>
 * Thread-safe: each call decodes with its own state.
 */
public final class OnnxSeq2SeqRewriter implements Rewriter {

    /** Files an export must have besides config.json and tokenizer.json (plus a decoder, see {@link Seq2SeqModel}). */
    public static final List<String> FILES = List.of("encoder_model.onnx");

    private final Seq2SeqModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final Seq2SeqSettings settings;
    private final Generation generation;
    private final String name;
    private final String method;

    private OnnxSeq2SeqRewriter(Seq2SeqModel model, HuggingFaceTokenizer tokenizer, Seq2SeqSettings settings,
                                String name) {
        this.model = model;
        this.tokenizer = tokenizer;
        this.settings = settings;
        this.generation = new Generation(settings.numBeams(), settings.maxNewTokens(), settings.noRepeatNgramSize(),
                settings.repetitionPenalty());
        this.name = name;
        this.method = settings.numBeams() == 1 ? "seq2seq-greedy" : "seq2seq-beam" + settings.numBeams();
    }

    /** @throws IllegalArgumentException naming the directory or file when the export is incomplete or unreadable */
    public static OnnxSeq2SeqRewriter load(Path dir, Seq2SeqSettings settings) {
        HfModelDir files = HfModelDir.open(dir, FILES);
        Seq2SeqModel model = Seq2SeqModel.open(files, settings.device(), settings.useCache());
        try {
            Path d = dir.toAbsolutePath().normalize();
            return new OnnxSeq2SeqRewriter(model, files.tokenizer(files.maxLength()), settings,
                    "onnx-seq2seq/" + (d.getFileName() == null ? d : d.getFileName()));
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public List<Rewrite> rewriteBatch(List<RewriteRequest> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<String> prompts = requests.stream().map(this::prompted).toList();
        long[][] ids = HfModelDir.encode(tokenizer, prompts);
        long[][] generated = new Generator(model).generate(ids, generation);
        List<Rewrite> out = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            RewriteRequest r = requests.get(i);
            String text = tokenizer.decode(generated[i], true).trim();
            out.add(new Rewrite(text, method, ModelEdits.edits(r.text(), text, r.toxicity().spans())));
        }
        return out;
    }

    /** Token ids of each text's generation, without decoding (tests and benchmarks). */
    long[][] generateIds(List<String> texts, Generation g) {
        return new Generator(model).generate(HfModelDir.encode(tokenizer, texts), g);
    }

    private String prompted(RewriteRequest r) {
        String p = settings.prompt(r.lang());
        if (p.contains("{text}")) {
            return p.replace("{text}", r.text());
        }
        // Configuration values are trimmed, so "Detoxify: " arrives as "Detoxify:": one space goes between.
        return p.isEmpty() ? r.text() : p + " " + r.text();
    }

    @Override
    public boolean padded() {
        return true;
    }

    @Override
    public int tokenCount(RewriteRequest request) {
        return HfModelDir.encode(tokenizer, List.of(prompted(request)))[0].length;
    }

    @Override
    public String name() {
        return name;
    }

    /** Where the model runs (after any CUDA fallback). */
    public ModelDevice device() {
        return model.device();
    }

    /** Whether decoding uses the key/value cache, and through which files. */
    public String layout() {
        return model.layout().name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public void close() {
        try {
            tokenizer.close();
        } finally {
            model.close();
        }
    }
}
