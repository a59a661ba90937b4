package io.detoxstreams.classify;

import java.util.Locale;

/** Toxicity categories the embedded model scores besides the overall toxicity. */
public enum Category {
    INSULT, PROFANITY, IDENTITY_ATTACK, THREAT, SEXUAL;

    /** The wire name used in JSON and Avro ({@code insult}, {@code identity_attack}, …). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
