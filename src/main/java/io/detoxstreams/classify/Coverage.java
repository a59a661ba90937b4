package io.detoxstreams.classify;

import java.util.Locale;

/**
 * How much a classifier knows about a language (DESIGN §3), reported with every verdict so that a PASS in a language
 * the model cannot read is never mistaken for a confident one.
 */
public enum Coverage {
    /** Trained and calibrated on natural comments of the language. */
    SUPPORTED,
    /** Only functional test suites, detox pairs or lexicons of the language (or text too short to tell its language):
     * scores are less reliable, and the operating point asks for stronger evidence. */
    LIMITED,
    /** No training data for the language: the score says nothing; {@code moderation.unsupported.action} decides. */
    UNSUPPORTED;

    /** The wire name: {@code supported}, {@code limited}, {@code unsupported}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Coverage fromWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
