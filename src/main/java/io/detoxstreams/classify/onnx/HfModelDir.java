package io.detoxstreams.classify.onnx;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A Hugging Face model directory as Optimum exports it: {@code config.json}, {@code tokenizer.json} (and optionally
 * {@code tokenizer_config.json}, {@code generation_config.json}) beside the {@code .onnx} files. Reads the JSON files
 * and builds the DJL tokenizer (truncation at the model's maximum length, no padding: callers pad each micro-batch to
 * its own longest). Nothing is downloaded: a missing file is an error naming it.
 */
public final class HfModelDir {

    /** Longest input when neither tokenizer_config.json nor config.json says. */
    public static final int DEFAULT_MAX_LENGTH = 512;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // DJL probes a cloud metadata address when it loads unless told it is offline; this is the only class that
        // loads DJL, so no caller (a library user, a test) can forget it.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
    }

    private final Path dir;
    private final JsonNode config;

    private HfModelDir(Path dir, JsonNode config) {
        this.dir = dir;
        this.config = config;
    }

    /**
     * @param required files that must be there (besides config.json and tokenizer.json)
     * @throws IllegalArgumentException naming the directory or file that is missing or unreadable
     */
    public static HfModelDir open(Path dir, List<String> required) {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new IllegalArgumentException("model directory " + dir + " does not exist or is not readable");
        }
        for (String f : concat(List.of("config.json", "tokenizer.json"), required)) {
            Path p = dir.resolve(f);
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new IllegalArgumentException(p + " is missing or not readable (expected an Optimum export "
                        + "with " + String.join(", ", concat(required, List.of("config.json", "tokenizer.json"))) + ")");
            }
        }
        return new HfModelDir(dir, read(dir.resolve("config.json")));
    }

    public Path dir() {
        return dir;
    }

    public Path file(String name) {
        return dir.resolve(name);
    }

    /** config.json. */
    public JsonNode config() {
        return config;
    }

    /** An optional JSON file of the directory, or a missing node. */
    public JsonNode optional(String name) {
        Path p = dir.resolve(name);
        return Files.isRegularFile(p) ? read(p) : MissingNode.getInstance();
    }

    /** The model's input limit: tokenizer_config.json {@code model_max_length}, else config.json, else 512. */
    public int maxLength() {
        JsonNode t = optional("tokenizer_config.json").path("model_max_length");
        if (t.isNumber() && t.asLong() > 0 && t.asLong() < 100_000) {
            return t.asInt();
        }
        for (String k : List.of("max_position_embeddings", "n_positions")) {
            JsonNode c = config.path(k);
            if (c.isInt() && c.asInt() > 0) {
                // RoBERTa-family position tables carry two offset slots (514 positions for 512 tokens).
                return Math.min(DEFAULT_MAX_LENGTH, c.asInt());
            }
        }
        return DEFAULT_MAX_LENGTH;
    }

    /** DJL's tokenizer for tokenizer.json: special tokens added, truncated at {@code maxLength}, not padded. */
    public HuggingFaceTokenizer tokenizer(int maxLength) {
        try {
            return HuggingFaceTokenizer.builder().optTokenizerPath(dir.resolve("tokenizer.json"))
                    .optAddSpecialTokens(true).optTruncation(true).optMaxLength(maxLength).optPadding(false).build();
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(dir.resolve("tokenizer.json") + " cannot be loaded: " + e.getMessage(), e);
        }
    }

    /** Token ids of each text, one tokenizer call for the whole batch. */
    public static long[][] encode(HuggingFaceTokenizer tokenizer, List<String> texts) {
        Encoding[] enc = tokenizer.batchEncode(texts.stream().map(HfModelDir::wellFormed).toList());
        long[][] ids = new long[enc.length][];
        for (int i = 0; i < enc.length; i++) {
            ids[i] = enc[i].getIds();
        }
        return ids;
    }

    /** Lone surrogates replaced by U+FFFD: the native tokenizer takes UTF-8, which cannot carry them. */
    static String wellFormed(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean lone = Character.isHighSurrogate(c)
                    ? i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))
                    : Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(s.charAt(i - 1)));
            if (lone && b == null) {
                b = new StringBuilder(s.substring(0, i));
            }
            if (b != null) {
                b.append(lone ? '\uFFFD' : c);
            }
        }
        return b == null ? s : b.toString();
    }

    /** An integer setting of config.json (or generation_config.json, which wins), or {@code fallback}. */
    public int intSetting(String name, int fallback) {
        JsonNode g = optional("generation_config.json").path(name);
        if (g.isInt()) {
            return g.asInt();
        }
        JsonNode c = config.path(name);
        return c.isInt() ? c.asInt() : fallback;
    }

    private static JsonNode read(Path p) {
        try {
            return JSON.readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p + ": " + e.getMessage(), e);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
