package io.detoxstreams.moderator;

import io.detoxstreams.avro.ModerationResult;

/**
 * Sees each verdict and each rejection as the moderator makes it, for process-local telemetry (Prometheus counters
 * and model timers). Called on stream threads, so implementations must be thread-safe and quick. Unlike the metrics
 * stores these observations are not exactly-once: a record re-processed after an aborted transaction is observed twice.
 */
public interface VerdictObserver {

    /** Observes nothing. */
    VerdictObserver NONE = new VerdictObserver() {
    };

    /** A PASS, HOLD or PENDING verdict, with its language, scores and model timings. */
    default void verdict(ModerationResult result) {
    }

    /** An input record sent to the DLQ by the moderator, with its reason code (e.g. {@code undecodable}). */
    default void rejected(String reason) {
    }
}
