package io.detoxstreams.rewrite.onnxseq2seq;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.classify.onnx.HfModelDir;
import io.detoxstreams.classify.onnx.OnnxModel;
import io.detoxstreams.config.ModelDevice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ONNX sessions of an Optimum encoder–decoder export (T5/mT5/mT0, BART) and what generation needs from its
 * config: {@code encoder_model.onnx}, and either {@code decoder_model_merged.onnx} ({@link Layout#MERGED}, used when
 * present: one session, the decoder weights once) or {@code decoder_model.onnx} + {@code decoder_with_past_model.onnx}
 * ({@link Layout#WITH_PAST}); {@code decoder_model.onnx}
 * alone decodes without a key/value cache ({@link Layout#NO_CACHE}, slow). Inputs and outputs are found by Optimum's
 * names ({@code input_ids}, {@code attention_mask}, {@code encoder_hidden_states}, {@code encoder_attention_mask},
 * {@code past_key_values.<i>.(decoder|encoder).(key|value)}, {@code use_cache_branch}, {@code logits},
 * {@code present.*}); only the inputs a session declares are fed.
 */
final class Seq2SeqModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Seq2SeqModel.class);

    /** Which decoder files the export has and how they are used. */
    enum Layout { WITH_PAST, MERGED, NO_CACHE }

    static final String PAST = "past_key_values.";
    static final String PRESENT = "present.";

    private final OnnxModel encoder;
    private final OnnxModel decoder;
    private final OnnxModel decoderWithPast;
    private final Layout layout;
    final long decoderStart;
    final long eos;
    final long pad;
    final long forcedBos;
    final long forcedEos;
    /** Names of the cache inputs of the cached decoder (with-past or merged), in declaration order. */
    final List<String> pastNames;
    /** Shape [heads, head_dim] of each cache input, for the merged decoder's first-step placeholders. */
    final Map<String, long[]> pastShapes;

    private Seq2SeqModel(HfModelDir dir, ModelDevice device, boolean useCache) {
        boolean merged = Files.isRegularFile(dir.file("decoder_model_merged.onnx"));
        boolean withPast = Files.isRegularFile(dir.file("decoder_with_past_model.onnx"))
                && Files.isRegularFile(dir.file("decoder_model.onnx"));
        if (!merged && !Files.isRegularFile(dir.file("decoder_model.onnx"))) {
            throw new IllegalArgumentException(dir.dir() + " has neither decoder_model_merged.onnx nor "
                    + "decoder_model.onnx (expected an Optimum seq2seq export: encoder_model.onnx + decoder_model.onnx "
                    + "+ decoder_with_past_model.onnx, or decoder_model_merged.onnx)");
        }
        // The merged decoder first: one session holds the decoder weights once (the two plain decoders hold them
        // twice), and it decoded as fast in the interleaved benchmark (BENCHMARKS.md).
        this.layout = !useCache ? Layout.NO_CACHE : merged ? Layout.MERGED : withPast ? Layout.WITH_PAST
                : Layout.NO_CACHE;
        if (useCache && layout == Layout.NO_CACHE) {
            LOG.warn("{} has no decoder_with_past_model.onnx or decoder_model_merged.onnx: decoding without a "
                    + "key/value cache (several times slower); export with optimum-cli to get one", dir.dir());
        }
        List<OnnxModel> opened = new ArrayList<>();
        try {
            this.encoder = open(dir, "encoder_model.onnx", device, opened);
            if (layout == Layout.MERGED || layout == Layout.NO_CACHE && !Files.isRegularFile(dir.file("decoder_model.onnx"))) {
                this.decoder = open(dir, "decoder_model_merged.onnx", device, opened);
                this.decoderWithPast = decoder;
            } else {
                this.decoder = open(dir, "decoder_model.onnx", device, opened);
                this.decoderWithPast = layout == Layout.WITH_PAST
                        ? open(dir, "decoder_with_past_model.onnx", device, opened) : null;
            }
        } catch (RuntimeException e) {
            opened.forEach(OnnxModel::close);
            throw e;
        }
        JsonNode config = dir.config();
        this.decoderStart = dir.intSetting("decoder_start_token_id", dir.intSetting("pad_token_id", 0));
        this.eos = firstInt(dir, "eos_token_id", 1);
        this.pad = dir.intSetting("pad_token_id", (int) eos);
        this.forcedBos = dir.intSetting("forced_bos_token_id", -1);
        this.forcedEos = dir.intSetting("forced_eos_token_id", -1);
        OnnxModel cached = decoderWithPast == null ? decoder : decoderWithPast;
        List<String> names = new ArrayList<>();
        Map<String, long[]> shapes = new HashMap<>();
        try {
            for (Map.Entry<String, NodeInfo> in : cached.session().getInputInfo().entrySet()) {
                if (in.getKey().startsWith(PAST) && in.getValue().getInfo() instanceof TensorInfo t) {
                    names.add(in.getKey());
                    shapes.put(in.getKey(), headShape(t.getShape(), config));
                }
            }
        } catch (OrtException e) {
            throw new IllegalArgumentException("cannot read the inputs of the decoder in " + dir.dir(), e);
        }
        this.pastNames = List.copyOf(names);
        this.pastShapes = Map.copyOf(shapes);
        if (layout != Layout.NO_CACHE && pastNames.isEmpty()) {
            throw new IllegalArgumentException(dir.dir() + ": the cached decoder declares no past_key_values.* inputs");
        }
    }

    static Seq2SeqModel open(HfModelDir dir, ModelDevice device, boolean useCache) {
        return new Seq2SeqModel(dir, device, useCache);
    }

    Layout layout() {
        return layout;
    }

    ModelDevice device() {
        return encoder.device();
    }

    /** The encoder's states for a padded batch of token ids (pad id beyond each row's end, mask 0 there). */
    EncoderStates encode(long[][] ids) {
        int rows = ids.length;
        int longest = 1;
        for (long[] r : ids) {
            longest = Math.max(longest, r.length);
        }
        long[] input = new long[rows * longest];
        long[] mask = new long[rows * longest];
        java.util.Arrays.fill(input, pad);
        for (int r = 0; r < rows; r++) {
            System.arraycopy(ids[r], 0, input, r * longest, ids[r].length);
            java.util.Arrays.fill(mask, r * longest, r * longest + ids[r].length, 1L);
        }
        long[] shape = {rows, longest};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor inputIds = OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape);
             OnnxTensor attention = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape)) {
            Map<String, OnnxTensor> feed = new HashMap<>();
            feed.put("input_ids", inputIds);
            if (encoder.hasInput("attention_mask")) {
                feed.put("attention_mask", attention);
            }
            try (OrtSession.Result out = encoder.session().run(feed)) {
                OnnxTensor hidden = (OnnxTensor) out.get("last_hidden_state").orElseGet(() -> out.get(0));
                long[] hs = hidden.getInfo().getShape();
                return new EncoderStates(hidden.getFloatBuffer(), hs, mask, shape);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("encoder failed: " + e.getMessage(), e);
        }
    }

    OnnxModel decoder() {
        return decoder;
    }

    OnnxModel decoderWithPast() {
        return decoderWithPast;
    }

    @Override
    public void close() {
        encoder.close();
        decoder.close();
        if (decoderWithPast != null && decoderWithPast != decoder) {
            decoderWithPast.close();
        }
    }

    /** The encoder's output for one batch, kept on the Java side so beams can repeat its rows. */
    record EncoderStates(FloatBuffer hidden, long[] hiddenShape, long[] mask, long[] maskShape) {

        /** The same states with every row repeated {@code times} times in place (row r → rows r·times …). */
        EncoderStates repeat(int times) {
            if (times == 1) {
                return this;
            }
            int rows = (int) hiddenShape[0];
            int rowSize = (int) (hiddenShape[1] * hiddenShape[2]);
            float[] h = new float[rows * times * rowSize];
            for (int r = 0; r < rows; r++) {
                float[] row = new float[rowSize];
                hidden.get(r * rowSize, row);
                for (int t = 0; t < times; t++) {
                    System.arraycopy(row, 0, h, (r * times + t) * rowSize, rowSize);
                }
            }
            int maskRow = (int) maskShape[1];
            long[] m = new long[rows * times * maskRow];
            for (int r = 0; r < rows; r++) {
                for (int t = 0; t < times; t++) {
                    System.arraycopy(mask, r * maskRow, m, (r * times + t) * maskRow, maskRow);
                }
            }
            return new EncoderStates(FloatBuffer.wrap(h), new long[] {rows * times, hiddenShape[1], hiddenShape[2]}, m,
                    new long[] {rows * times, maskRow});
        }
    }

    private static OnnxModel open(HfModelDir dir, String file, ModelDevice device, List<OnnxModel> opened) {
        OnnxModel m = OnnxModel.open(dir.file(file), device);
        opened.add(m);
        return m;
    }

    private static long firstInt(HfModelDir dir, String name, int fallback) {
        for (JsonNode n : List.of(dir.optional("generation_config.json").path(name), dir.config().path(name))) {
            if (n.isInt()) {
                return n.asInt();
            }
            if (n.isArray() && n.size() > 0 && n.get(0).isInt()) {
                return n.get(0).asInt();
            }
        }
        return fallback;
    }

    /** [heads, head_dim] of a cache input: from the export's static dims, else from config.json. */
    private static long[] headShape(long[] shape, JsonNode config) {
        long heads = shape.length == 4 ? shape[1] : -1;
        long dim = shape.length == 4 ? shape[3] : -1;
        if (heads <= 0) {
            heads = firstPositive(config, "decoder_attention_heads", "num_heads", "num_attention_heads");
        }
        if (dim <= 0) {
            long dKv = firstPositive(config, "d_kv");
            long dModel = firstPositive(config, "d_model", "hidden_size");
            dim = dKv > 0 ? dKv : heads > 0 && dModel > 0 ? dModel / heads : 1;
        }
        return new long[] {Math.max(1, heads), Math.max(1, dim)};
    }

    private static long firstPositive(JsonNode config, String... names) {
        for (String n : names) {
            if (config.path(n).isInt() && config.path(n).asInt() > 0) {
                return config.path(n).asInt();
            }
        }
        return -1;
    }
}
