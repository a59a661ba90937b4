package io.detoxstreams.config;

/**
 * Names of the state stores of the moderator's Kafka Streams application, shared by the topology and the HTTP layer
 * that queries them (DESIGN §6). Changing a name changes the changelog topic, so treat them as part of the API.
 */
public final class StoreNames {

    /** Per-language aggregates since the start (KeyValue store, lang → LanguageMetrics). */
    public static final String LANGUAGE_METRICS = "language-metrics";
    /** Per-language aggregates in 1-minute tumbling windows (window store, 24 h retention). */
    public static final String LANGUAGE_METRICS_1M = "language-metrics-1m";

    /**
     * Internal buffers of the metrics sub-topology (per-task partial sums not yet handed on; not queried). Named so
     * that their changelog topics are stable.
     */
    public static final String METRICS_VERDICTS_BUFFER = "metrics-verdicts-buffer";
    public static final String METRICS_OUTCOMES_BUFFER = "metrics-outcomes-buffer";

    private StoreNames() {
    }
}
