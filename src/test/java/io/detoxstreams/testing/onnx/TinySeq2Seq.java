package io.detoxstreams.testing.onnx;

import ai.onnx.proto.OnnxMl.GraphProto;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A small encoder–decoder with an Optimum seq2seq export's files and names, built offline: {@code encoder_model.onnx}
 * ({@code input_ids}, {@code attention_mask} → {@code last_hidden_state}), {@code decoder_model.onnx},
 * {@code decoder_with_past_model.onnx} and {@code decoder_model_merged.onnx} (an {@code If} on
 * {@code use_cache_branch}), with {@code past_key_values.<i>.(decoder|encoder).(key|value)} in, {@code present.*} out,
 * shaped [batch, heads, length, head_dim]; plus config.json and a T5-style tokenizer.json ({@code text </s>}).
 *
 * <p>The network: token + position embeddings; one encoder layer of multi-head self-attention (key padding masked)
 * with a residual and tanh; {@code layers} decoder layers of causal self-attention and cross-attention (encoder padding
 * masked), residuals, tanh after cross-attention; a linear output layer whose end-of-sequence logit grows with the
 * position (so rows end at different steps). {@link #referenceGreedy} and {@link #referenceLogits} compute the same
 * function in plain Java, without any cache, independently of ONNX Runtime.
 */
public final class TinySeq2Seq {

    public static final List<String> SPECIALS = List.of("<pad>", "</s>", "<unk>");
    public static final long PAD = 0;
    public static final long EOS = 1;

    public final int vocab;
    public final int d;
    public final int heads;
    public final int layers;
    public final int maxPos;
    final List<String> words;
    final float[] emb;
    final float[] posE;
    final float[] posD;
    final float[][] encW;
    final float[][][] decW;
    final float[] out;
    final float[] outBias;

    /**
     * @param eosSlope how fast the end-of-sequence logit grows with the position; negative never ends early
     */
    public TinySeq2Seq(int words, int d, int heads, int layers, int maxPos, float eosSlope, long seed) {
        Random r = new Random(seed);
        this.words = new ArrayList<>();
        for (int i = 0; i < words; i++) {
            this.words.add("w" + i);
        }
        this.vocab = SPECIALS.size() + words;
        this.d = d;
        this.heads = heads;
        this.layers = layers;
        this.maxPos = maxPos;
        float s = (float) (1 / Math.sqrt(d));
        this.emb = TinyClassifier.random(r, vocab * d, 1.0f);
        this.posE = TinyClassifier.random(r, maxPos * d, 0.5f);
        this.posD = TinyClassifier.random(r, maxPos * d, 0.5f);
        for (int t = 0; t < maxPos; t++) {
            posD[t * d] = t * 0.5f;
        }
        this.encW = new float[4][];
        for (int k = 0; k < 4; k++) {
            encW[k] = TinyClassifier.random(r, d * d, s);
        }
        this.decW = new float[layers][8][];
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < 8; k++) {
                decW[l][k] = TinyClassifier.random(r, d * d, s);
            }
        }
        this.out = TinyClassifier.random(r, d * vocab, 1.5f);
        this.outBias = new float[vocab];
        out[(int) EOS] = eosSlope;
        outBias[(int) EOS] = -1.0f;
        outBias[(int) PAD] = -30f;
    }

    /** The same network made never to produce the end token (benchmarks: every row generates max new tokens). */
    public TinySeq2Seq neverEnding() {
        out[(int) EOS] = 0f;
        outBias[(int) EOS] = -10000f;
        return this;
    }

    /** The words of the tiny vocabulary ({@code w0 … wN}). */
    public List<String> words() {
        return words;
    }

    /** Writes every file of the export into {@code dir}; {@code layout}: which decoder files to write. */
    public Path write(Path dir, boolean withPast, boolean merged) throws IOException {
        Files.createDirectories(dir);
        encoder().save(dir.resolve("encoder_model.onnx"));
        if (withPast || !merged) {
            decoderNoPast("decoder_model").save(dir.resolve("decoder_model.onnx"));
        }
        if (withPast) {
            decoderWithPast("decoder_with_past").save(dir.resolve("decoder_with_past_model.onnx"));
        }
        if (merged) {
            merged().save(dir.resolve("decoder_model_merged.onnx"));
        }
        TinyTokenizer.write(dir.resolve("tokenizer.json"), SPECIALS, words, List.of(), List.of("</s>"), "<unk>");
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode().put("model_type", "t5").put("d_model", d).put("num_heads", heads)
                .put("d_kv", d / heads).put("num_decoder_layers", layers).put("decoder_start_token_id", PAD)
                .put("eos_token_id", EOS).put("pad_token_id", PAD).put("vocab_size", vocab);
        json.writeValue(dir.resolve("config.json").toFile(), config);
        json.writeValue(dir.resolve("tokenizer_config.json").toFile(),
                json.createObjectNode().put("model_max_length", maxPos));
        return dir;
    }

    // ---- ONNX graphs ----

    private OnnxGraph encoder() {
        OnnxGraph g = new OnnxGraph("encoder");
        g.input("input_ids", OnnxGraph.INT64, "batch_size", "encoder_sequence_length");
        g.input("attention_mask", OnnxGraph.INT64, "batch_size", "encoder_sequence_length");
        g.output("last_hidden_state", OnnxGraph.FLOAT, "batch_size", "encoder_sequence_length", (long) d);
        String len = dim(g, "input_ids", 1);
        String x = g.op("Add", g.op("Gather", g.floats(emb, vocab, d), "input_ids"),
                g.op("Gather", g.floats(posE, maxPos, d), g.op("Range", g.scalar(0), len, g.scalar(1))));
        String bias = maskBias(g, "attention_mask");
        String q = heads(g, g.op("MatMul", x, g.floats(encW[0], d, d)));
        String k = heads(g, g.op("MatMul", x, g.floats(encW[1], d, d)));
        String v = heads(g, g.op("MatMul", x, g.floats(encW[2], d, d)));
        String ctx = attend(g, q, k, v, bias);
        String y = g.op("Tanh", g.op("Add", x, g.op("MatMul", ctx, g.floats(encW[3], d, d))));
        g.node("Identity", new String[] {y}, new String[] {"last_hidden_state"});
        return g;
    }

    private void decoderIo(OnnxGraph g, boolean pastIn, boolean hiddenIn, boolean encoderPresents) {
        g.input("input_ids", OnnxGraph.INT64, "batch_size", "decoder_sequence_length");
        g.input("encoder_attention_mask", OnnxGraph.INT64, "batch_size", "encoder_sequence_length");
        if (hiddenIn) {
            g.input("encoder_hidden_states", OnnxGraph.FLOAT, "batch_size", "encoder_sequence_length", (long) d);
        }
        if (pastIn) {
            for (int l = 0; l < layers; l++) {
                for (String kind : List.of("decoder.key", "decoder.value", "encoder.key", "encoder.value")) {
                    g.input("past_key_values." + l + "." + kind, OnnxGraph.FLOAT, "batch_size", (long) heads,
                            kind.startsWith("decoder") ? "past_decoder_sequence_length" : "encoder_sequence_length",
                            (long) (d / heads));
                }
            }
        }
        g.output("logits", OnnxGraph.FLOAT, "batch_size", "decoder_sequence_length", (long) vocab);
        for (int l = 0; l < layers; l++) {
            for (String kind : encoderPresents ? List.of("decoder.key", "decoder.value", "encoder.key",
                    "encoder.value") : List.of("decoder.key", "decoder.value")) {
                g.output("present." + l + "." + kind, OnnxGraph.FLOAT, "batch_size", (long) heads,
                        kind.startsWith("decoder") ? "present_decoder_sequence_length" : "encoder_sequence_length",
                        (long) (d / heads));
            }
        }
    }

    private OnnxGraph decoderNoPast(String name) {
        OnnxGraph g = new OnnxGraph(name);
        decoderIo(g, false, true, true);
        decoderBody(g, false, "");
        return g;
    }

    private OnnxGraph decoderWithPast(String name) {
        OnnxGraph g = new OnnxGraph(name);
        decoderIo(g, true, false, false);
        decoderBody(g, true, "");
        return g;
    }

    private OnnxGraph merged() {
        OnnxGraph g = new OnnxGraph("decoder_merged");
        decoderIo(g, true, true, true);
        g.input("use_cache_branch", OnnxGraph.BOOL, 1L);
        List<String> outs = new ArrayList<>();
        outs.add("logits");
        for (int l = 0; l < layers; l++) {
            for (String kind : List.of("decoder.key", "decoder.value", "encoder.key", "encoder.value")) {
                outs.add("present." + l + "." + kind);
            }
        }
        g.node("If", new String[] {"use_cache_branch"}, outs.toArray(String[]::new),
                "then_branch", branch("cached", true, outs), "else_branch", branch("first", false, outs));
        return g;
    }

    /** A branch of the merged decoder: the same body, outputs renamed from the outer names. */
    private GraphProto branch(String name, boolean past, List<String> outs) {
        OnnxGraph b = new OnnxGraph(name);
        String suffix = "_" + name;
        for (String o : outs) {
            b.output(o + suffix, OnnxGraph.FLOAT, (Object[]) null);
        }
        decoderBody(b, past, suffix);
        if (past) {
            for (int l = 0; l < layers; l++) {
                for (String kind : List.of("encoder.key", "encoder.value")) {
                    b.node("Identity", new String[] {"past_key_values." + l + "." + kind},
                            new String[] {"present." + l + "." + kind + suffix});
                }
            }
        }
        return b.build();
    }

    /** The decoder computation; writes logits and present.* (suffixed) as node outputs. */
    private void decoderBody(OnnxGraph g, boolean past, String suffix) {
        String len = dim(g, "input_ids", 1);
        String start = past ? dim(g, "past_key_values.0.decoder.key", 2) : g.scalar(0);
        String positions = g.op("Range", start, g.op("Add", start, len), g.scalar(1));
        String y = g.op("Add", g.op("Gather", g.floats(emb, vocab, d), "input_ids"),
                g.op("Gather", g.floats(posD, maxPos, d), positions));
        String encBias = maskBias(g, "encoder_attention_mask");
        String causal = null;
        if (!past) {
            float[] tri = new float[maxPos * maxPos];
            for (int i = 0; i < maxPos; i++) {
                for (int j = i + 1; j < maxPos; j++) {
                    tri[i * maxPos + j] = -10000f;
                }
            }
            String ends = g.op("Concat", new String[] {g.op("Unsqueeze", len, g.longs(new long[] {0}, 1)),
                    g.op("Unsqueeze", len, g.longs(new long[] {0}, 1))}, "axis", 0L);
            causal = g.op("Slice", g.floats(tri, maxPos, maxPos), g.longs(new long[] {0, 0}, 2), ends,
                    g.longs(new long[] {0, 1}, 2));
        }
        for (int l = 0; l < layers; l++) {
            float[][] w = decW[l];
            String p = "present." + l + ".";
            String k = heads(g, g.op("MatMul", y, g.floats(w[1], d, d)));
            String v = heads(g, g.op("MatMul", y, g.floats(w[2], d, d)));
            if (past) {
                k = g.op("Concat", new String[] {"past_key_values." + l + ".decoder.key", k}, "axis", 2L);
                v = g.op("Concat", new String[] {"past_key_values." + l + ".decoder.value", v}, "axis", 2L);
            }
            g.node("Identity", new String[] {k}, new String[] {p + "decoder.key" + suffix});
            g.node("Identity", new String[] {v}, new String[] {p + "decoder.value" + suffix});
            String q = heads(g, g.op("MatMul", y, g.floats(w[0], d, d)));
            y = g.op("Add", y, g.op("MatMul", attend(g, q, k, v, causal), g.floats(w[3], d, d)));
            String ck;
            String cv;
            if (past) {
                ck = "past_key_values." + l + ".encoder.key";
                cv = "past_key_values." + l + ".encoder.value";
            } else {
                ck = heads(g, g.op("MatMul", "encoder_hidden_states", g.floats(w[5], d, d)));
                cv = heads(g, g.op("MatMul", "encoder_hidden_states", g.floats(w[6], d, d)));
                g.node("Identity", new String[] {ck}, new String[] {p + "encoder.key" + suffix});
                g.node("Identity", new String[] {cv}, new String[] {p + "encoder.value" + suffix});
            }
            String cq = heads(g, g.op("MatMul", y, g.floats(w[4], d, d)));
            y = g.op("Tanh", g.op("Add", y, g.op("MatMul", attend(g, cq, ck, cv, encBias), g.floats(w[7], d, d))));
        }
        String logits = g.op("Add", g.op("MatMul", y, g.floats(out, d, vocab)), g.floats(outBias, vocab));
        g.node("Identity", new String[] {logits}, new String[] {"logits" + suffix});
    }

    private static String dim(OnnxGraph g, String tensor, long axis) {
        return g.op("Gather", new String[] {g.op("Shape", tensor), g.scalar(axis)}, "axis", 0L);
    }

    /** [B, S] int mask → [B, 1, 1, S] additive bias (0 kept, -10000 masked). */
    private static String maskBias(OnnxGraph g, String mask) {
        String f = g.op("Cast", new String[] {mask}, "to", (long) OnnxGraph.FLOAT);
        String inv = g.op("Sub", g.scalarFloat(1f), f);
        return g.op("Unsqueeze", g.op("Mul", inv, g.scalarFloat(-10000f)), g.longs(new long[] {1, 2}, 2));
    }

    /** [B, T, D] → [B, H, T, D/H]. */
    private String heads(OnnxGraph g, String x) {
        String r = g.op("Reshape", x, g.longs(new long[] {0, -1, heads, d / heads}, 4));
        return g.op("Transpose", new String[] {r}, "perm", new long[] {0, 2, 1, 3});
    }

    /** softmax(q k^T / sqrt(dh) + bias) v, merged back to [B, T, D]. */
    private String attend(OnnxGraph g, String q, String k, String v, String bias) {
        String kt = g.op("Transpose", new String[] {k}, "perm", new long[] {0, 1, 3, 2});
        String scores = g.op("Mul", g.op("MatMul", q, kt), g.scalarFloat((float) (1 / Math.sqrt(d / heads))));
        if (bias != null) {
            scores = g.op("Add", scores, bias);
        }
        String ctx = g.op("MatMul", g.op("Softmax", new String[] {scores}, "axis", -1L), v);
        String t = g.op("Transpose", new String[] {ctx}, "perm", new long[] {0, 2, 1, 3});
        return g.op("Reshape", t, g.longs(new long[] {0, -1, d}, 3));
    }

    // ---- the same network in plain Java (no cache, one input at a time) ----

    /** Encoder ids of a text: its words' ids then </s> (unknown words as <unk>). */
    public long[] ids(String text) {
        List<Long> ids = new ArrayList<>();
        for (String w : text.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+")) {
            if (!w.isEmpty()) {
                int i = words.indexOf(w);
                ids.add(i < 0 ? 2L : SPECIALS.size() + i);
            }
        }
        ids.add(EOS);
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** Greedy decoding by re-running the whole decoder each step; tokens without start and end. */
    public long[] referenceGreedy(long[] input, int maxNewTokens) {
        double[][] enc = encode(input);
        List<Long> seq = new ArrayList<>(List.of(PAD));
        List<Long> outTokens = new ArrayList<>();
        for (int step = 0; step < maxNewTokens; step++) {
            double[] logits = referenceLogits(enc, seq);
            int best = 0;
            for (int i = 1; i < logits.length; i++) {
                if (logits[i] > logits[best]) {
                    best = i;
                }
            }
            if (best == EOS) {
                break;
            }
            outTokens.add((long) best);
            seq.add((long) best);
        }
        return outTokens.stream().mapToLong(Long::longValue).toArray();
    }

    /** Sum of log-probabilities of {@code tokens} then </s> (unless cut at maxNewTokens), divided by their count. */
    public double referenceScore(long[] input, long[] tokens, int maxNewTokens) {
        double[][] enc = encode(input);
        List<Long> seq = new ArrayList<>(List.of(PAD));
        double sum = 0;
        int n = 0;
        for (int i = 0; i <= tokens.length && n < maxNewTokens; i++) {
            double[] logits = referenceLogits(enc, seq);
            long next = i < tokens.length ? tokens[i] : EOS;
            sum += logSoftmax(logits)[(int) next];
            n++;
            seq.add(next);
        }
        return sum / n;
    }

    public double[][] encode(long[] ids) {
        int n = ids.length;
        double[][] x = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                x[i][k] = emb[(int) ids[i] * d + k] + posE[i * d + k];
            }
        }
        double[][] ctx = attention(x, x, encW[0], encW[1], encW[2], false);
        double[][] y = matmul(ctx, encW[3]);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < d; k++) {
                y[i][k] = Math.tanh(x[i][k] + y[i][k]);
            }
        }
        return y;
    }

    /** Next-token logits after {@code seq} (decoder start first), given the encoder's states. */
    public double[] referenceLogits(double[][] enc, List<Long> seq) {
        int t = seq.size();
        double[][] y = new double[t][d];
        for (int i = 0; i < t; i++) {
            for (int k = 0; k < d; k++) {
                y[i][k] = emb[(int) (long) seq.get(i) * d + k] + posD[i * d + k];
            }
        }
        for (int l = 0; l < layers; l++) {
            float[][] w = decW[l];
            double[][] self = matmul(attention(y, y, w[0], w[1], w[2], true), w[3]);
            for (int i = 0; i < t; i++) {
                for (int k = 0; k < d; k++) {
                    y[i][k] += self[i][k];
                }
            }
            double[][] cross = matmul(attention(y, enc, w[4], w[5], w[6], false), w[7]);
            for (int i = 0; i < t; i++) {
                for (int k = 0; k < d; k++) {
                    y[i][k] = Math.tanh(y[i][k] + cross[i][k]);
                }
            }
        }
        double[] logits = new double[vocab];
        for (int v = 0; v < vocab; v++) {
            double s = outBias[v];
            for (int k = 0; k < d; k++) {
                s += y[t - 1][k] * out[k * vocab + v];
            }
            logits[v] = s;
        }
        return logits;
    }

    private double[][] attention(double[][] from, double[][] to, float[] wq, float[] wk, float[] wv, boolean causal) {
        double[][] q = matmul(from, wq);
        double[][] k = matmul(to, wk);
        double[][] v = matmul(to, wv);
        int dh = d / heads;
        double[][] out = new double[from.length][d];
        for (int h = 0; h < heads; h++) {
            for (int i = 0; i < from.length; i++) {
                double[] s = new double[to.length];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < to.length; j++) {
                    double dot = 0;
                    for (int c = 0; c < dh; c++) {
                        dot += q[i][h * dh + c] * k[j][h * dh + c];
                    }
                    s[j] = dot / Math.sqrt(dh) + (causal && j > i ? -10000 : 0);
                    max = Math.max(max, s[j]);
                }
                double sum = 0;
                for (int j = 0; j < to.length; j++) {
                    s[j] = Math.exp(s[j] - max);
                    sum += s[j];
                }
                for (int j = 0; j < to.length; j++) {
                    for (int c = 0; c < dh; c++) {
                        out[i][h * dh + c] += s[j] / sum * v[j][h * dh + c];
                    }
                }
            }
        }
        return out;
    }

    private double[][] matmul(double[][] x, float[] w) {
        double[][] y = new double[x.length][d];
        for (int i = 0; i < x.length; i++) {
            for (int c = 0; c < d; c++) {
                double s = 0;
                for (int k = 0; k < d; k++) {
                    s += x[i][k] * w[k * d + c];
                }
                y[i][c] = s;
            }
        }
        return y;
    }

    static double[] logSoftmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (double v : z) {
            sum += Math.exp(v - max);
        }
        double log = max + Math.log(sum);
        double[] out = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            out[i] = z[i] - log;
        }
        return out;
    }
}
