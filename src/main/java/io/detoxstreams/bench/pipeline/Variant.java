package io.detoxstreams.bench.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What {@code bench pipeline} compares. All variants read the same kind of input with the same partitions,
 * {@code exactly_once_v2} and commit settings ({@code ModeratorService.streamsProperties}), one application each.
 */
public enum Variant {

    /** (1a) Kafka Streams, bytes in → bytes out: what Kafka itself does on this machine. */
    BYTES("bytes", "(1a) pass-through bytes -> bytes", false),
    /** (1b) decode the comment, build a PASS result and encode it, with the moderator's serdes and no models. */
    SERDE("serde", "(1b) pass-through decode -> encode", false),
    /** (2) the moderator's topology alone: no metrics sub-topology, no rewriter. */
    MODERATOR("moderator", "(2) moderator alone", true),
    /** The moderator with its metrics sub-topology, no rewriter (the metrics' cost: compare with MODERATOR). */
    MODERATOR_METRICS("moderator-metrics", "moderator + metrics", true),
    /** (3) moderator with metrics, and a rewriter worker: the whole pipeline as deployed. */
    PIPELINE("pipeline", "(3) full pipeline", true);

    /** The variants a run compares unless told otherwise. */
    public static final List<Variant> DEFAULT = List.of(BYTES, SERDE, MODERATOR, PIPELINE);

    private final String id;
    private final String label;
    private final boolean usesModels;

    Variant(String id, String label, boolean usesModels) {
        this.id = id;
        this.label = label;
        this.usesModels = usesModels;
    }

    @com.fasterxml.jackson.annotation.JsonValue
    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    /** Whether it runs the models (and so reads the smaller input topic sized for model speed). */
    public boolean usesModels() {
        return usesModels;
    }

    public static Variant of(String id) {
        String s = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(v -> v.id.equals(s)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown variant '" + id + "'; one of "
                        + Arrays.stream(values()).map(Variant::id).toList()));
    }
}
