package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationResult;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.util.List;

/**
 * Sees what a {@link RewriterWorker} does, for process-local telemetry: its Kafka clients once, then every batch.
 * Called on the worker's thread; implementations must be quick.
 */
public interface RewriterObserver {

    /** Observes nothing. */
    RewriterObserver NONE = new RewriterObserver() {
    };

    /** The worker's clients, once, when it is created (e.g. to export their metrics). */
    default void clients(Producer<?, ?> producer, Consumer<?, ?> consumer) {
    }

    /** One rewrite call: how many pending comments and how long it took (retries included). */
    default void batch(int size, long nanos) {
    }

    /** A committed transaction: its final results and how many undecodable records it dead-lettered. */
    default void committed(List<ModerationResult> finals, int deadLettered) {
    }

    /** An aborted transaction (the batch is read again). */
    default void aborted() {
    }

    /** A commit timed out (the broker did not answer in time); it is retried, the batch stays in hand. */
    default void commitRetried() {
    }

    /** The rewrite backend was unavailable for a batch: consumption pauses, the batch is read again. */
    default void backendUnavailable() {
    }
}
