package io.detoxstreams.serde;

import java.util.Locale;

/** Wire formats of the pipeline's topics (DESIGN §5), chosen by {@code input.format} / {@code output.format}. */
public enum Format {
    /** Avro single-object encoding (magic C3 01, 8-byte schema fingerprint, binary): no registry needed. Default. */
    AVRO("avro"),
    /** Confluent wire format (magic 0, 4-byte schema id, binary) with a Confluent-compatible Schema Registry. */
    AVRO_CONFLUENT("avro-confluent"),
    /** One JSON object per record, field names as in the Avro schema; for kcat and curl users. */
    JSON("json");

    private final String configName;

    Format(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static Format fromConfig(String name) {
        for (Format f : values()) {
            if (f.configName.equals(name.trim().toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + name + "' (avro, avro-confluent, json)");
    }
}
