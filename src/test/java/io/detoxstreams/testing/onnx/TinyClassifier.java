package io.detoxstreams.testing.onnx;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * A tiny sequence classifier with an Optimum export's interface ({@code input_ids}, {@code attention_mask},
 * {@code token_type_ids} → {@code logits}): mean of the token and token-type embeddings over the unmasked positions,
 * then a linear layer. {@link #logits} computes the same function in plain Java, independently of ONNX Runtime.
 */
public final class TinyClassifier {

    public static final List<String> SPECIALS = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]");
    public static final List<String> WORDS = List.of("you", "are", "an", "idiot", "thanks", "for", "the", "help",
            "stupid", "nice", "day", "shut", "up", "great", "work", "this", "is", "trash", "a", "friend");
    static final int D = 6;

    public final int labels;
    final float[] embedding;
    final float[] types;
    final float[] weight;
    final float[] bias;

    public TinyClassifier(int labels, long seed) {
        Random r = new Random(seed);
        int vocab = SPECIALS.size() + WORDS.size();
        this.labels = labels;
        this.embedding = random(r, vocab * D, 1.0f);
        this.types = random(r, 2 * D, 0.3f);
        this.weight = random(r, D * labels, 1.5f);
        this.bias = random(r, labels, 0.2f);
    }

    /**
     * Writes model.onnx, tokenizer.json, config.json (and tokenizer_config.json with {@code maxLength}) into dir.
     *
     * @param id2label the labels, index order
     * @param problemType config.json problem_type, or null
     */
    public Path write(Path dir, List<String> id2label, String problemType, int maxLength) throws IOException {
        Files.createDirectories(dir);
        int vocab = SPECIALS.size() + WORDS.size();
        OnnxGraph g = new OnnxGraph("tiny_classifier");
        g.input("input_ids", OnnxGraph.INT64, "batch_size", "sequence_length");
        g.input("attention_mask", OnnxGraph.INT64, "batch_size", "sequence_length");
        g.input("token_type_ids", OnnxGraph.INT64, "batch_size", "sequence_length");
        g.output("logits", OnnxGraph.FLOAT, "batch_size", (long) labels);
        String emb = g.op("Gather", g.floats(embedding, vocab, D), "input_ids");
        String typ = g.op("Gather", g.floats(types, 2, D), "token_type_ids");
        String x = g.op("Add", emb, typ);
        String mask = g.op("Unsqueeze", g.op("Cast", new String[] {"attention_mask"}, "to", (long) OnnxGraph.FLOAT),
                g.longs(new long[] {2}, 1));
        String sum = g.op("ReduceSum", new String[] {g.op("Mul", x, mask), g.longs(new long[] {1}, 1)}, "keepdims", 0L);
        String count = g.op("ReduceSum", new String[] {mask, g.longs(new long[] {1}, 1)}, "keepdims", 0L);
        String mean = g.op("Div", sum, count);
        String mm = g.op("MatMul", mean, g.floats(weight, D, labels));
        g.node("Add", new String[] {mm, g.floats(bias, labels)}, new String[] {"logits"});
        g.save(dir.resolve("model.onnx"));
        TinyTokenizer.write(dir.resolve("tokenizer.json"), SPECIALS, WORDS, List.of("[CLS]"), List.of("[SEP]"), "[UNK]");
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode();
        ObjectNode l = config.putObject("id2label");
        for (int i = 0; i < id2label.size(); i++) {
            l.put(String.valueOf(i), id2label.get(i));
        }
        if (problemType != null) {
            config.put("problem_type", problemType);
        }
        config.put("pad_token_id", 0);
        config.put("max_position_embeddings", 512);
        json.writeValue(dir.resolve("config.json").toFile(), config);
        json.writeValue(dir.resolve("tokenizer_config.json").toFile(),
                json.createObjectNode().put("model_max_length", maxLength));
        return dir;
    }

    /** The model's logits for one row of token ids, computed here in plain Java. */
    public double[] logits(long[] ids) {
        double[] mean = new double[D];
        for (long id : ids) {
            for (int d = 0; d < D; d++) {
                mean[d] += embedding[(int) id * D + d] + types[d];
            }
        }
        double[] out = new double[labels];
        for (int k = 0; k < labels; k++) {
            double s = bias[k];
            for (int d = 0; d < D; d++) {
                s += mean[d] / ids.length * weight[d * labels + k];
            }
            out[k] = s;
        }
        return out;
    }

    /** Token ids the tiny tokenizer gives a text: [CLS] words [SEP], unknown words as [UNK], cut at maxLength. */
    public static long[] ids(String text, int maxLength) {
        // As the Whitespace pre-tokenizer: runs of word characters, and runs of other non-space characters.
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\w+|[^\\w\\s]+")
                .matcher(text.toLowerCase(java.util.Locale.ROOT));
        List<String> words = new java.util.ArrayList<>();
        while (m.find()) {
            words.add(m.group());
        }
        int n = Math.min(words.size(), maxLength - 2);
        long[] ids = new long[n + 2];
        ids[0] = 2;
        for (int i = 0; i < n; i++) {
            int w = WORDS.indexOf(words.get(i));
            ids[i + 1] = w < 0 ? 1 : SPECIALS.size() + w;
        }
        ids[n + 1] = 3;
        return ids;
    }

    static float[] random(Random r, int n, float scale) {
        float[] f = new float[n];
        for (int i = 0; i < n; i++) {
            f[i] = (float) (r.nextGaussian() * scale);
        }
        return f;
    }
}
