package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DeadLetters;
import io.detoxstreams.ingest.RejectReason;
import io.detoxstreams.rewrite.BackendUnavailableException;
import io.detoxstreams.serde.Codec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthenticationException;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The rewriter stage (DESIGN §2): a transactional consume–transform–produce loop on {@code comments.toxic}, after
 * apache/kafka's {@code ExactlyOnceMessageProcessor}. Each poll batch is one {@link BatchRewriter} call and one Kafka
 * transaction holding the results (REWRITE/PASS → {@code comments.detoxified}, HOLD → {@code comments.review}), one
 * outcome event per result for the moderator's metrics ({@code comments.outcomes}), bounded dead letters
 * ({@link BatchOutputs}) and the consumed offsets ({@code sendOffsetsToTransaction}), so every toxic comment yields
 * exactly one result or dead letter, even across crashes and rebalances.
 *
 * <p>When something fails, nothing is committed and the batch is read again after a pause (exponential backoff up to
 * {@code rewriter.retry.backoff.max.ms}) during which consumption is paused but the worker stays in its group:
 * <ul>
 *   <li>the rewrite backend is unavailable ({@link BackendUnavailableException}): nothing is held or lost;</li>
 *   <li>a commit times out (the broker is away): it may still complete, so it is retried — the only thing the
 *       client allows — until it completes or fails;</li>
 *   <li>a transaction fails: its real cause is logged (the first refused record, not the producer's "error state");
 *       an input whose output the broker refused {@code rewriter.max.attempts} times (the record itself: too large,
 *       invalid — not a timeout or an unavailable broker) is dead-lettered instead of looping;</li>
 *   <li>fencing, authorization and similar errors stop the worker with a clear message.</li>
 * </ul>
 * The clients are handed in (tests use {@code MockConsumer}/{@code MockProducer}); {@link #create} builds real ones.
 *
 * <pre>{@code
 * RewriterWorker w = RewriterWorker.create(config, rewriter, codec, RewriterObserver.NONE);
 * new Thread(w).start();  ...  w.close();   // stops after the batch in hand, leaves the group
 * }</pre>
 */
public final class RewriterWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RewriterWorker.class);
    private static final Duration PAUSED_POLL = Duration.ofMillis(100);

    /** What the loop needs from configuration. */
    public record Settings(TopicNames topics, String groupId, Duration pollTimeout, int maxAttempts, long backoffMillis,
                           long backoffMaxMillis, int recordsMaxBytes, Duration closeTimeout) {

        public static Settings from(DetoxConfig c) {
            return new Settings(c.topics(), c.getString(DetoxConfig.REWRITER_GROUP_ID),
                    Duration.ofMillis(c.getLong(DetoxConfig.REWRITER_POLL_TIMEOUT_MS)),
                    c.getInt(DetoxConfig.REWRITER_MAX_ATTEMPTS), c.getLong(DetoxConfig.REWRITER_RETRY_BACKOFF_MS),
                    c.getLong(DetoxConfig.REWRITER_RETRY_BACKOFF_MAX_MS), c.recordsMaxBytes(),
                    Duration.ofMillis(c.getLong(DetoxConfig.SHUTDOWN_TIMEOUT_MS)));
        }
    }

    /** Where the loop is: {@code RUNNING} once its transactions are initialised and it has subscribed. */
    public enum State { CREATED, RUNNING, STOPPED, FAILED }

    private final Settings settings;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final BatchRewriter rewriter;
    private final Codec<ModerationResult> codec;
    private final RewriterObserver observer;
    private final DeadLetters deadLetters;
    private final Backoff backoff;
    private final RefusedRecords refused;
    private final WorkerStats stats = new WorkerStats();
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile boolean paused;
    private boolean abortPending;
    private boolean commitInDoubt;
    private volatile long stopRequestedAt;
    private volatile State state = State.CREATED;
    private volatile Thread loopThread;

    public RewriterWorker(Settings settings, Consumer<byte[], byte[]> consumer, Producer<byte[], byte[]> producer,
                          BatchRewriter rewriter, Codec<ModerationResult> codec, RewriterObserver observer) {
        this.settings = settings;
        this.consumer = consumer;
        this.producer = producer;
        this.rewriter = rewriter;
        this.codec = codec;
        this.observer = observer;
        this.deadLetters = new DeadLetters(settings.recordsMaxBytes());
        this.backoff = new Backoff(settings.backoffMillis(), settings.backoffMaxMillis());
        this.refused = new RefusedRecords(settings.maxAttempts());
        observer.clients(producer, consumer);
    }

    /** A worker with real Kafka clients built from {@code config} ({@link RewriterClients}). */
    public static RewriterWorker create(DetoxConfig config, BatchRewriter rewriter, Codec<ModerationResult> codec,
                                        RewriterObserver observer) {
        Consumer<byte[], byte[]> consumer = RewriterClients.consumer(config);
        try {
            return new RewriterWorker(Settings.from(config), consumer, RewriterClients.producer(config), rewriter, codec,
                    observer);
        } catch (RuntimeException e) {
            consumer.close();
            throw e;
        }
    }

    public WorkerStats stats() {
        return stats;
    }

    public State state() {
        return state;
    }

    /** Whether consumption is paused right now (the backend is unavailable, or a transaction failed). */
    public boolean paused() {
        return paused;
    }

    @Override
    public void run() {
        loopThread = Thread.currentThread();
        boolean failed = true;
        try {
            initTransactions();
            consumer.subscribe(List.of(settings.topics().toxic()), new PauseNewPartitions());
            state = State.RUNNING;
            LOG.info("rewriter running: group {}, reading {}", settings.groupId(), settings.topics().toxic());
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(settings.pollTimeout());
                if (records.isEmpty()) {
                    continue;
                }
                if (process(records)) {
                    backoff.reset();
                } else {
                    rewind(records);
                    pause(backoff.next());
                }
            }
            failed = false;
        } catch (WakeupException e) {
            failed = running;
            if (failed) {
                LOG.error("rewriter woken up while running; stopping", e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = false;
        } catch (RuntimeException e) {
            LOG.error("rewriter stopped: {}", e.getMessage(), e);
        } finally {
            state = failed ? State.FAILED : State.STOPPED;
            closeClients();
            finished.countDown();
        }
    }

    /** One batch, one transaction. False: nothing was committed; read the batch again after a pause. */
    private boolean process(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        BatchOutputs out = new BatchOutputs(settings.topics(), codec, deadLetters);
        List<ConsumerRecord<byte[], byte[]>> sources = new ArrayList<>();
        List<ModerationResult> pending = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            Exception refusedBefore = refused.deadLetterCause(r);
            if (refusedBefore != null) {
                out.deadLetter(r, RefusedRecords.reason(refusedBefore), refusedBefore.getClass().getName(),
                        "the broker refused this record's output " + settings.maxAttempts() + " times: "
                                + refusedBefore.getMessage());
                continue;
            }
            ModerationResult m = decode(r);
            if (m == null) {
                out.deadLetter(r, RejectReason.UNDECODABLE, SerializationException.class.getName(),
                        "not a pending ModerationResult in the output format");
            } else {
                pending.add(m);
                sources.add(r);
            }
        }
        List<ModerationResult> finals;
        long t0 = System.nanoTime();
        try {
            finals = rewriter.rewrite(pending);
        } catch (BackendUnavailableException e) {
            LOG.warn("rewrite backend unavailable ({}); pausing consumption, the batch of {} is retried",
                    BatchRewriter.describe(e), pending.size());
            observer.backendUnavailable();
            return false;
        }
        if (!pending.isEmpty()) {
            observer.batch(pending.size(), System.nanoTime() - t0);
        }
        for (int i = 0; i < finals.size(); i++) {
            out.result(sources.get(i), finals.get(i));
        }
        return commit(records, out);
    }

    private ModerationResult decode(ConsumerRecord<byte[], byte[]> r) {
        try {
            ModerationResult m = codec.decode(r.topic(), r.value());
            return m.getAction() == ModerationAction.PENDING ? m : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private boolean commit(ConsumerRecords<byte[], byte[]> records, BatchOutputs out) throws InterruptedException {
        if (abortPending) {
            abort();
            if (abortPending) {
                return false;
            }
        }
        AtomicReference<Refusal> firstRefusal = new AtomicReference<>();
        boolean open = false;
        try {
            producer.beginTransaction();
            open = true;
            for (BatchOutputs.Output o : out.outputs()) {
                producer.send(o.record(), (metadata, e) -> {
                    if (e != null) {
                        firstRefusal.compareAndSet(null, new Refusal(o, e));
                    }
                });
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            commitTransaction();
        } catch (WakeupException e) {
            throw e;   // closed while a timed-out commit was being retried: stop, the coordinator settles it
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException | AuthenticationException
                 | UnsupportedVersionException | FencedInstanceIdException e) {
            // Another instance took over this transactional id, or the broker refuses us: nothing safe to do but stop.
            throw new IllegalStateException("rewriter cannot continue: " + e, e);
        } catch (KafkaException e) {
            Refusal r = firstRefusal.get();
            Throwable cause = r != null ? r.exception() : rootCause(e);
            // A retriable send error (timeout, broker unavailable) says nothing about the record: only the record's
            // own refusals (too large, invalid) count towards dead-lettering it.
            boolean recordsFault = r != null && !(r.exception() instanceof RetriableException);
            LOG.warn("transaction of {} record(s) from {} failed: {}{}; aborting, the batch is retried", out.outputs().size(),
                    describe(records), BatchRewriter.describe(cause), r == null ? ""
                            : (recordsFault ? " (refused: a record for " : " (first unsent: a record for ")
                            + r.output().record().topic() + " from input " + RefusedRecords.id(r.output().source()) + ")");
            if (open) {
                abort();
            }
            if (recordsFault && r.exception() instanceof Exception ex) {
                refused.refused(r.output().source(), ex);
            }
            stats.aborted.incrementAndGet();
            observer.aborted();
            return false;
        }
        refused.committed();
        count(out.results(), out.deadLettered());
        observer.committed(out.results(), out.deadLettered());
        return true;
    }

    private record Refusal(BatchOutputs.Output output, Throwable exception) {
    }

    /**
     * Commits the open transaction. A commit that timed out (the broker or its transaction coordinator did not answer
     * within {@code max.block.ms}) may still be completing on the broker, so the client allows nothing but retrying
     * it ({@code KafkaProducer#commitTransaction}; an abort would throw {@code IllegalStateException}). It is retried
     * after a pause, with consumption held, until it completes or fails; a failure is then aborted as usual.
     */
    private void commitTransaction() throws InterruptedException {
        int timeouts = 0;
        while (true) {
            try {
                producer.commitTransaction();
                commitInDoubt = false;
                if (timeouts > 0) {
                    LOG.info("transaction committed after {} timed-out attempt(s)", timeouts);
                }
                return;
            } catch (TimeoutException e) {
                timeouts++;
                commitInDoubt = true;
                stats.commitRetries.incrementAndGet();
                observer.commitRetried();
                Duration d = backoff.next();
                LOG.warn("committing the transaction timed out ({}); it may still complete, so the commit is retried "
                        + "in {} ms (attempt {})", e.getMessage(), d.toMillis(), timeouts + 1);
                sleep(d);
                if (!running) {
                    throw new WakeupException();
                }
            }
        }
    }

    private void initTransactions() throws InterruptedException {
        while (true) {
            try {
                producer.initTransactions();
                return;
            } catch (TimeoutException e) {
                Duration d = backoff.next();
                LOG.warn("initialising transactions timed out ({}); retrying in {} ms", e.getMessage(), d.toMillis());
                sleep(d);
                if (!running) {
                    throw new WakeupException();
                }
            }
        }
    }

    private void abort() {
        try {
            producer.abortTransaction();
            abortPending = false;
        } catch (TimeoutException e) {
            // The broker did not answer in time (e.g. it is down): the abort is retried before the next transaction.
            abortPending = true;
            LOG.warn("aborting the transaction timed out ({}); retrying before the next one", e.getMessage());
        }
    }

    /** Reads the failed batch again: back to its first offset on every partition still assigned to this worker. */
    private void rewind(ConsumerRecords<byte[], byte[]> records) {
        var assigned = consumer.assignment();
        for (TopicPartition tp : records.partitions()) {
            if (assigned.contains(tp)) {
                consumer.seek(tp, records.records(tp).get(0).offset());
            }
        }
    }

    /** Waits {@code d} with consumption paused, polling so that the group keeps this worker. */
    private void pause(Duration d) {
        LOG.info("pausing consumption for {} ms (failure {} in a row)", d.toMillis(), backoff.failures());
        paused = true;
        consumer.pause(consumer.assignment());
        long deadline = System.nanoTime() + d.toNanos();
        try {
            while (running && System.nanoTime() < deadline) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                ConsumerRecords<byte[], byte[]> stray = consumer.poll(Duration.ofMillis(Math.min(left, PAUSED_POLL.toMillis())));
                if (!stray.isEmpty()) {
                    rewind(stray);   // a partition assigned during the pause: read it again later
                }
            }
        } finally {
            consumer.resume(consumer.assignment());
            paused = false;
        }
    }

    /** Partitions assigned while paused stay paused until the pause ends. */
    private final class PauseNewPartitions implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (paused) {
                consumer.pause(partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            // Nothing is open between polls: each batch was committed or aborted before the next poll.
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private static String describe(ConsumerRecords<byte[], byte[]> records) {
        List<String> parts = new ArrayList<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
            parts.add(tp + "@" + rs.get(0).offset() + ".." + rs.get(rs.size() - 1).offset());
        }
        return String.join(", ", parts);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private void count(List<ModerationResult> finals, int dlq) {
        stats.batches.incrementAndGet();
        stats.deadLettered.addAndGet(dlq);
        for (ModerationResult r : finals) {
            switch (r.getAction()) {
                case REWRITE -> stats.rewritten.incrementAndGet();
                case HOLD -> stats.held.incrementAndGet();
                default -> stats.passed.incrementAndGet();
            }
        }
    }

    private void closeClients() {
        try {
            consumer.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                    .withTimeout(settings.closeTimeout()));
        } catch (RuntimeException e) {
            LOG.warn("closing the consumer failed: {}", e.toString());
        } finally {
            producer.close(settings.closeTimeout());
        }
        if (stopRequestedAt != 0) {
            LOG.info("rewriter stopped {} ms after the stop request (left group {}; {})",
                    (System.nanoTime() - stopRequestedAt) / 1_000_000, settings.groupId(), commitInDoubt
                            ? "a timed-out commit was still unanswered: the transaction coordinator completes or "
                            + "aborts it, and an aborted batch is read again"
                            : "no transaction open");
        }
    }

    private void sleep(Duration d) throws InterruptedException {
        long deadline = System.nanoTime() + d.toNanos();
        while (running && System.nanoTime() < deadline) {
            Thread.sleep(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)));
        }
    }

    /** Stops the loop after the batch in hand (committed or aborted) and leaves the group. */
    @Override
    public void close() {
        if (running) {
            stopRequestedAt = System.nanoTime();
            LOG.info("rewriter stopping: finishing the batch in hand, then leaving group {}", settings.groupId());
        }
        running = false;
        if (finished.getCount() > 0) {
            consumer.wakeup();
        }
    }

    /** Waits until the loop has exited (after {@link #close()}); returns at once when called from the loop's thread. */
    public boolean join(Duration timeout) throws InterruptedException {
        if (loopThread == null || loopThread == Thread.currentThread()) {
            return finished.getCount() == 0 || loopThread == null;
        }
        return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
