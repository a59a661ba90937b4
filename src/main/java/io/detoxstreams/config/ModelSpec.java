package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * A model named in configuration ({@code embedded}, {@code onnx:DIR}, {@code onnx-seq2seq:DIR}, {@code chat:NAME}),
 * with the key it came from, so that a model that cannot be loaded is reported with the key and the path.
 *
 * @param kind     which backend
 * @param location the directory ({@code onnx}, {@code onnx-seq2seq}), the endpoint name ({@code chat}), or empty
 * @param key      the configuration key that named it, e.g. {@code classifier.en}
 */
public record ModelSpec(Kind kind, String location, String key) {

    /** The kinds of model the configuration can name; {@link #prefix()} is how a value starts. */
    public enum Kind {
        EMBEDDED("embedded"), ONNX("onnx"), ONNX_SEQ2SEQ("onnx-seq2seq"), CHAT("chat");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    /** Classifier values: {@code embedded} or {@code onnx:DIR}. */
    static final Set<Kind> CLASSIFIERS = Set.of(Kind.EMBEDDED, Kind.ONNX);
    /** Rewriter chain entries: {@code embedded}, {@code onnx-seq2seq:DIR}, {@code chat:NAME}. */
    static final Set<Kind> REWRITERS = Set.of(Kind.EMBEDDED, Kind.ONNX_SEQ2SEQ, Kind.CHAT);

    static ModelSpec parse(String value, String key, Set<Kind> allowed) {
        String v = value.trim();
        for (Kind k : Kind.values()) {
            if (!allowed.contains(k)) {
                continue;
            }
            if (k == Kind.EMBEDDED && v.equals(k.prefix)) {
                return new ModelSpec(k, "", key);
            }
            if (k != Kind.EMBEDDED && v.startsWith(k.prefix + ":") && v.length() > k.prefix.length() + 1) {
                return new ModelSpec(k, v.substring(k.prefix.length() + 1).trim(), key);
            }
        }
        throw new ConfigException(key, value, "expected one of " + Arrays.stream(Kind.values())
                .filter(allowed::contains).map(k -> k == Kind.EMBEDDED ? "embedded"
                        : k.prefix + (k == Kind.CHAT ? ":NAME" : ":DIR")).toList());
    }

    /** The model directory of an {@code onnx} or {@code onnx-seq2seq} spec. */
    public Path dir() {
        return Path.of(location);
    }

    /** The value as written in configuration, e.g. {@code onnx-seq2seq:/models/bart}. */
    public String text() {
        return kind == Kind.EMBEDDED ? kind.prefix : kind.prefix + ":" + location;
    }
}
