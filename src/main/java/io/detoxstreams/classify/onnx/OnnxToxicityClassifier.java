package io.detoxstreams.classify.onnx;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.classify.TextTooLongException;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.batch.LengthBuckets;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.config.ModelDevice;

import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code onnx} classifier: a Hugging Face sequence-classification model exported with Optimum ({@code model.onnx},
 * {@code tokenizer.json}, {@code config.json} with {@code id2label} and optionally {@code problem_type}), e.g.
 * textdetox/xlmr-large-toxicity-classifier. DJL's tokenizer (truncated at the model's maximum length), ONNX Runtime on
 * the CPU or CUDA, softmax over the labels ({@code single_label_classification}) or a sigmoid per label
 * ({@code multi_label_classification}, or a single logit); the score is the probability of the label named
 * {@link Options#toxicLabel()}.
 *
 * <p>A batch is sorted by token length and cut into micro-batches of at most {@link Options#maxBatch()} comments, each
 * padded to its own longest, so short comments do not pay for a long one. Categories come from the model when its
 * labels name them ({@code insult}, {@code threat}, …), otherwise from the embedded model, which also gives the spans
 * of toxic comments (its attributions; it runs in microseconds beside the transformer).
 *
 * <p>Thread-safe (ONNX Runtime sessions are). {@link #close()} closes the session and tokenizer, not the embedded
 * model.
 */
public final class OnnxToxicityClassifier implements ToxicityClassifier {

    /** Files an export must have besides config.json and tokenizer.json. */
    public static final List<String> FILES = List.of("model.onnx");

    /** Labels of common toxicity datasets that name one of the project's categories. */
    private static final Map<String, String> CATEGORY_LABELS = Map.ofEntries(Map.entry("insult", "insult"),
            Map.entry("profanity", "profanity"), Map.entry("obscene", "profanity"),
            Map.entry("identity_attack", "identity_attack"), Map.entry("identity_hate", "identity_attack"),
            Map.entry("threat", "threat"), Map.entry("sexual", "sexual"), Map.entry("sexual_explicit", "sexual"));

    /**
     * @param toxicLabel       the label whose probability is the score
     * @param maxBatch         largest micro-batch
     * @param thresholds       per-language decision thresholds
     * @param defaultThreshold threshold of the other languages
     */
    public record Options(ModelDevice device, String toxicLabel, int maxBatch, Map<String, Double> thresholds,
                          double defaultThreshold) {

        public Options {
            thresholds = Map.copyOf(thresholds);
        }

        public static Options defaults() {
            return new Options(ModelDevice.CPU, "toxic", 32, Map.of(), 0.5);
        }

        public Options withMaxBatch(int n) {
            return new Options(device, toxicLabel, n, thresholds, defaultThreshold);
        }
    }

    private final OnnxModel model;
    private final HuggingFaceTokenizer tokenizer;
    private final EmbeddedToxicityClassifier embedded;
    private final Options options;
    private final String version;
    private final int maxLength;
    private final long padId;
    private final boolean sigmoid;
    private final int toxicIndex;
    private final Map<Integer, String> categoryIndex;
    private final boolean typeIds;

    private OnnxToxicityClassifier(HfModelDir dir, OnnxModel model, EmbeddedToxicityClassifier embedded,
                                   Options options) {
        this.model = model;
        this.embedded = embedded;
        this.options = options;
        this.maxLength = dir.maxLength();
        this.tokenizer = dir.tokenizer(maxLength);
        JsonNode config = dir.config();
        List<String> labels = labels(config, dir.dir());
        this.sigmoid = "multi_label_classification".equals(config.path("problem_type").asText())
                || labels.size() == 1;
        this.toxicIndex = toxicIndex(labels, options.toxicLabel(), dir.dir());
        Map<Integer, String> cats = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            String c = CATEGORY_LABELS.get(labels.get(i).toLowerCase(Locale.ROOT));
            if (c != null && i != toxicIndex) {
                cats.put(i, c);
            }
        }
        this.categoryIndex = cats;
        this.padId = config.path("pad_token_id").isInt() ? config.path("pad_token_id").asLong() : 0L;
        this.typeIds = model.hasInput("token_type_ids");
        Path d = dir.dir().toAbsolutePath().normalize();
        this.version = "onnx/" + (d.getFileName() == null ? d.toString() : d.getFileName().toString());
    }

    /**
     * Loads an Optimum export.
     *
     * @param embedded gives categories (when the model has none) and spans; shared, not closed here
     * @throws IllegalArgumentException naming the directory or file when the export is incomplete or unreadable
     */
    public static OnnxToxicityClassifier load(Path dir, Options options, EmbeddedToxicityClassifier embedded) {
        HfModelDir files = HfModelDir.open(dir, FILES);
        OnnxModel model = OnnxModel.open(files.file("model.onnx"), options.device());
        try {
            return new OnnxToxicityClassifier(files, model, embedded, options);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
        if (texts.size() != langs.size()) {
            throw new IllegalArgumentException("texts and langs differ in size");
        }
        for (String t : texts) {
            if (t.length() > EmbeddedToxicityClassifier.DEFAULT_MAX_CHARS) {
                throw new TextTooLongException(t.length(), EmbeddedToxicityClassifier.DEFAULT_MAX_CHARS);
            }
        }
        float[][] probabilities = probabilities(texts);
        List<ToxicityResult> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(result(texts.get(i), langs.get(i), probabilities[i]));
        }
        return out;
    }

    /** The label probabilities of each text (softmax or sigmoid), in input order; null for texts without letters. */
    public float[][] probabilities(List<String> texts) {
        List<Integer> scored = new ArrayList<>();
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).codePoints().anyMatch(Character::isLetterOrDigit)) {
                scored.add(i);
                batch.add(texts.get(i));
            }
        }
        float[][] out = new float[texts.size()][];
        if (batch.isEmpty()) {
            return out;
        }
        long[][] ids = HfModelDir.encode(tokenizer, batch);
        for (int[] bucket : LengthBuckets.of(ids, options.maxBatch())) {
            float[][] logits = run(ids, bucket);
            for (int k = 0; k < bucket.length; k++) {
                out[scored.get(bucket[k])] = sigmoid ? Activations.sigmoid(logits[k]) : Activations.softmax(logits[k]);
            }
        }
        return out;
    }

    private float[][] run(long[][] ids, int[] rows) {
        int longest = 0;
        for (int r : rows) {
            longest = Math.max(longest, ids[r].length);
        }
        long[] input = new long[rows.length * longest];
        long[] mask = new long[rows.length * longest];
        java.util.Arrays.fill(input, padId);
        for (int k = 0; k < rows.length; k++) {
            long[] row = ids[rows[k]];
            System.arraycopy(row, 0, input, k * longest, row.length);
            java.util.Arrays.fill(mask, k * longest, k * longest + row.length, 1L);
        }
        long[] shape = {rows.length, longest};
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(input), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
            if (typeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(new long[input.length]), shape));
            }
            try (OrtSession.Result result = model.session().run(inputs)) {
                Object value = result.get("logits").orElseGet(() -> result.get(0)).getValue();
                return (float[][]) value;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX classifier " + version + " failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private ToxicityResult result(String text, String lang, float[] probabilities) {
        double threshold = threshold(lang);
        if (probabilities == null) {
            return ToxicityResult.clean(threshold, version);
        }
        double p = probabilities[toxicIndex];
        boolean toxic = p >= threshold;
        ToxicityResult attributions = embedded.score(text, lang, toxic, embedded.model().info().spanThreshold());
        Map<String, Double> categories;
        if (categoryIndex.isEmpty()) {
            categories = attributions.categories();
        } else {
            categories = new LinkedHashMap<>();
            for (Map.Entry<Integer, String> c : categoryIndex.entrySet()) {
                categories.merge(c.getValue(), (double) probabilities[c.getKey()], Math::max);
            }
        }
        return new ToxicityResult(p, toxic, threshold, categories, toxic ? attributions.spans() : List.of(), version);
    }

    @Override
    public double threshold(String lang) {
        Double t = lang == null ? null : options.thresholds().get(lang);
        return t != null ? t : options.defaultThreshold();
    }

    /**
     * Where the categories come from the embedded model (no category labels in config.json), its threat threshold;
     * a model with its own {@code threat} label reads a threat at 0.5 of it.
     */
    @Override
    public double threatThreshold(String lang) {
        return categoryIndex.isEmpty() ? embedded.threatThreshold(lang)
                : categoryIndex.containsValue(io.detoxstreams.classify.Category.THREAT.wireName()) ? 0.5
                : Double.POSITIVE_INFINITY;
    }

    /**
     * The embedded model's coverage: a transformer's training languages are not known here, so a language the
     * project has no data for stays unsupported (and goes by {@code moderation.unsupported.action}).
     */
    @Override
    public io.detoxstreams.classify.Coverage coverage(String lang) {
        return embedded.coverage(lang);
    }

    @Override
    public String version() {
        return version;
    }

    /** Where the session runs (after any CUDA fallback). */
    public ModelDevice device() {
        return model.device();
    }

    public int maxLength() {
        return maxLength;
    }

    /** Token ids of a text as this model sees them (special tokens added, truncated). */
    public long[] tokenIds(String text) {
        return HfModelDir.encode(tokenizer, List.of(text))[0];
    }

    @Override
    public void close() {
        try {
            tokenizer.close();
        } finally {
            model.close();
        }
    }

    private static List<String> labels(JsonNode config, Path dir) {
        JsonNode id2label = config.path("id2label");
        if (!id2label.isObject() || id2label.isEmpty()) {
            throw new IllegalArgumentException(dir.resolve("config.json") + " has no id2label");
        }
        String[] labels = new String[id2label.size()];
        id2label.fields().forEachRemaining(e -> {
            int i = Integer.parseInt(e.getKey());
            if (i < 0 || i >= labels.length) {
                throw new IllegalArgumentException(dir.resolve("config.json") + ": id2label ids must be 0.."
                        + (labels.length - 1));
            }
            labels[i] = e.getValue().asText();
        });
        return List.of(labels);
    }

    private static int toxicIndex(List<String> labels, String toxicLabel, Path dir) {
        for (int i = 0; i < labels.size(); i++) {
            if (labels.get(i).equalsIgnoreCase(toxicLabel)) {
                return i;
            }
        }
        if (labels.size() <= 2) {
            return labels.size() - 1;
        }
        throw new IllegalArgumentException(dir.resolve("config.json") + ": no label '" + toxicLabel + "' among "
                + labels + " (set classifier.toxic.label)");
    }
}
