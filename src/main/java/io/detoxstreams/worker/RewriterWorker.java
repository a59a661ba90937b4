package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RejectReason;
import io.detoxstreams.metrics.OutcomeEvents;
import io.detoxstreams.serde.Codec;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.FencedInstanceIdException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.IsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rewriter stage (DESIGN §2): a transactional consume–transform–produce loop on {@code comments.toxic}. Each poll
 * batch is one {@link BatchRewriter} call and one Kafka transaction holding the results (REWRITE/PASS →
 * {@code comments.detoxified}, HOLD → {@code comments.review}, undecodable → {@code comments.dlq}), one outcome event
 * per result for the moderator's metrics ({@code comments.outcomes}, {@link OutcomeEvents}) and the consumed
 * offsets ({@code sendOffsetsToTransaction}), so every toxic comment yields exactly one result even across crashes
 * and rebalances. Workers with the same {@code rewriter.group.id} share the partitions.
 *
 * <pre>{@code
 * try (RewriterWorker w = new RewriterWorker(config, detoxifier, codec)) {
 *     new Thread(w).start();  ...  // close() stops the loop and leaves the group
 * }
 * }</pre>
 */
public final class RewriterWorker implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RewriterWorker.class);

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;
    private final BatchRewriter rewriter;
    private final Codec<ModerationResult> codec;
    private final TopicNames topics;
    private final Duration pollTimeout;
    private final WorkerStats stats = new WorkerStats();
    private final RewriterObserver observer;
    private volatile boolean running = true;
    private volatile State state = State.CREATED;
    private volatile Thread loopThread;

    /** Where the loop is: {@code RUNNING} once its transactions are initialised and it has subscribed. */
    public enum State { CREATED, RUNNING, STOPPED, FAILED }

    public RewriterWorker(DetoxConfig config, BatchRewriter rewriter, Codec<ModerationResult> codec) {
        this(config, rewriter, codec, RewriterObserver.NONE);
    }

    public RewriterWorker(DetoxConfig config, BatchRewriter rewriter, Codec<ModerationResult> codec,
                          RewriterObserver observer) {
        this.rewriter = rewriter;
        this.codec = codec;
        this.observer = observer;
        this.topics = config.topics();
        this.pollTimeout = Duration.ofMillis(config.getLong(DetoxConfig.REWRITER_POLL_TIMEOUT_MS));
        this.consumer = new KafkaConsumer<>(consumerProperties(config));
        this.producer = new KafkaProducer<>(producerProperties(config));
        observer.clients(producer, consumer);
    }

    static Map<String, Object> consumerProperties(DetoxConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, config.getString(DetoxConfig.REWRITER_GROUP_ID));
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT));
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, config.getInt(DetoxConfig.REWRITER_MAX_BATCH));
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return p;
    }

    static Map<String, Object> producerProperties(DetoxConfig config) {
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        String txId = config.getString(DetoxConfig.REWRITER_TRANSACTIONAL_ID);
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, txId.isBlank()
                ? config.getString(DetoxConfig.REWRITER_GROUP_ID) + "-" + UUID.randomUUID() : txId);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return p;
    }

    public WorkerStats stats() {
        return stats;
    }

    public State state() {
        return state;
    }

    @Override
    public void run() {
        loopThread = Thread.currentThread();
        boolean failed = true;
        try {
            producer.initTransactions();
            consumer.subscribe(List.of(topics.toxic()));
            state = State.RUNNING;
            while (running) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(pollTimeout);
                if (!records.isEmpty()) {
                    processInTransaction(records);
                }
            }
            failed = false;
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
            failed = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed = false;
        } finally {
            state = failed ? State.FAILED : State.STOPPED;
            closeClients();
        }
    }

    private void processInTransaction(ConsumerRecords<byte[], byte[]> records) throws InterruptedException {
        List<ConsumerRecord<byte[], byte[]>> decoded = new ArrayList<>();
        List<ModerationResult> pending = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> undecodable = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : records) {
            try {
                ModerationResult m = codec.decode(r.topic(), r.value());
                if (m.getAction() != ModerationAction.PENDING) {
                    throw new SerializationException("expected action PENDING on " + r.topic() + ", got " + m.getAction());
                }
                pending.add(m);
                decoded.add(r);
            } catch (SerializationException e) {
                undecodable.add(r);
            }
        }
        long t0 = System.nanoTime();
        List<ModerationResult> finals = rewriter.rewrite(pending);
        if (!pending.isEmpty()) {
            observer.batch(pending.size(), System.nanoTime() - t0);
        }
        try {
            producer.beginTransaction();
            for (ConsumerRecord<byte[], byte[]> r : undecodable) {
                producer.send(deadLetter(r));
            }
            for (int i = 0; i < finals.size(); i++) {
                producer.send(output(decoded.get(i), finals.get(i)));
                producer.send(OutcomeEvents.record(topics.outcomes(), finals.get(i)));
            }
            producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
            producer.commitTransaction();
            count(finals, undecodable.size());
            observer.committed(finals, undecodable.size());
        } catch (ProducerFencedException | OutOfOrderSequenceException | AuthorizationException
                 | UnsupportedVersionException | FencedInstanceIdException e) {
            // Another instance took over this transactional id or the broker refuses us: nothing safe to do but stop.
            throw new IllegalStateException("rewriter cannot continue: " + e, e);
        } catch (KafkaException e) {
            LOG.warn("transaction failed, aborting and re-reading the batch: {}", e.toString());
            producer.abortTransaction();
            stats.aborted.incrementAndGet();
            observer.aborted();
            rewindToCommitted(records.partitions());
        }
    }

    private ProducerRecord<byte[], byte[]> output(ConsumerRecord<byte[], byte[]> in, ModerationResult result) {
        String topic = result.getAction() == ModerationAction.HOLD ? topics.review() : topics.detoxified();
        return new ProducerRecord<>(topic, null, in.key(), codec.encode(topic, result), in.headers());
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ConsumerRecord<byte[], byte[]> r) {
        return new ProducerRecord<>(topics.dlq(), null, r.key(), r.value(), DlqHeaders.withError(r.headers(),
                r.topic(), r.partition(), r.offset(), RejectReason.UNDECODABLE, SerializationException.class.getName(),
                "not a pending ModerationResult in the output format"));
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<byte[], byte[]> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition tp : records.partitions()) {
            List<ConsumerRecord<byte[], byte[]>> rs = records.records(tp);
            offsets.put(tp, new OffsetAndMetadata(rs.get(rs.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void rewindToCommitted(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(partitions);
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata o = committed.get(tp);
            if (o == null) {
                consumer.seekToBeginning(List.of(tp));
            } else {
                consumer.seek(tp, o.offset());
            }
        }
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
                    .withTimeout(Duration.ofSeconds(10)));
        } finally {
            producer.close(Duration.ofSeconds(10));
        }
    }

    /** Stops the loop after the batch in hand (committed or aborted) and leaves the group. */
    @Override
    public void close() {
        running = false;
        consumer.wakeup();
    }

    /** Waits until the loop has exited (after {@link #close()}). */
    public void join(Duration timeout) throws InterruptedException {
        Thread t = loopThread;
        if (t != null) {
            t.join(timeout.toMillis());
        }
    }
}
