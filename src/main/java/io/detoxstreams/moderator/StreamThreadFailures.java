package io.detoxstreams.moderator;

import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.InvalidTxnStateException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * What the moderator does when one of its stream threads dies. A transactional error of the Kafka client after a
 * broker restart ({@link InvalidTxnStateException} on a commit, a fenced or stale producer epoch, a retriable error that
 * outlasted the retries) is transient: the thread is replaced, and the new thread's new transactional producer aborts
 * whatever the old one left open, so exactly-once holds and the records of the aborted transaction are processed
 * again. Kafka Streams treats these as fatal for the thread (KAFKA-19690); without this, a 30 s broker outage could
 * shut a healthy moderator down. Anything else (a bug in the topology, an unrecoverable state) shuts the instance
 * down, as do more than {@link #MAX_REPLACEMENTS} replacements within {@link #WINDOW}: a thread that keeps failing
 * should not spin, and its partitions move to the other instances.
 *
 * <p>Thread-safe: Kafka Streams calls it from the dying thread.
 */
final class StreamThreadFailures implements StreamsUncaughtExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(StreamThreadFailures.class);

    static final int MAX_REPLACEMENTS = 3;
    static final Duration WINDOW = Duration.ofMinutes(10);

    private final LongSupplier nanoClock;
    private final Deque<Long> replacements = new ArrayDeque<>();

    StreamThreadFailures() {
        this(System::nanoTime);
    }

    StreamThreadFailures(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    @Override
    public synchronized StreamThreadExceptionResponse handle(Throwable e) {
        long now = nanoClock.getAsLong();
        while (!replacements.isEmpty() && now - replacements.peekFirst() > WINDOW.toNanos()) {
            replacements.pollFirst();
        }
        Throwable cause = transientKafkaError(e);
        if (cause != null && replacements.size() < MAX_REPLACEMENTS) {
            replacements.addLast(now);
            LOG.warn("moderator stream thread failed on a transient Kafka error ({}: {}); replacing it ({} of {} "
                            + "within {} min): its open transaction is aborted and its records are processed again",
                    cause.getClass().getSimpleName(), cause.getMessage(), replacements.size(), MAX_REPLACEMENTS,
                    WINDOW.toMinutes(), e);
            return StreamThreadExceptionResponse.REPLACE_THREAD;
        }
        LOG.error(cause == null ? "moderator stream thread failed; shutting this instance down"
                : "moderator stream thread failed again after " + MAX_REPLACEMENTS + " replacements within "
                + WINDOW.toMinutes() + " min; shutting this instance down", e);
        return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }

    /** The transient transactional or retriable Kafka error in {@code e}'s cause chain, or null. */
    static Throwable transientKafkaError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof InvalidTxnStateException || t instanceof InvalidProducerEpochException
                    || t instanceof ProducerFencedException || t instanceof RetriableException) {
                return t;
            }
        }
        return null;
    }
}
