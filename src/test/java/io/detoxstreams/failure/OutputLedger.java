package io.detoxstreams.failure;

import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.serde.Codec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads the pipeline's outputs ({@code comments.detoxified}, {@code comments.review}, {@code comments.dlq}) the way a
 * downstream application does — {@code read_committed} unless told otherwise — on its own thread, and keeps for each
 * comment id how many times it came out, when it first did, and on which partition; for each dead letter its key
 * and headers. A test asserts "0 lost, 0 duplicated" from it.
 */
final class OutputLedger implements AutoCloseable {

    /** A dead letter as read back. */
    record DeadLetter(String key, byte[] value, Headers headers, int keyBytes) {
        String reason() {
            return DlqHeaders.get(headers, DlqHeaders.REASON);
        }
    }

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicNames topics;
    private final Codec<ModerationResult> codec;
    /** How a comment came out (the first time): action, hold reason, backend, and whether the rewriter decided it. */
    record Outcome(String action, String holdReason, String backend, boolean byRewriter, long nanos) {
    }

    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
    private final List<long[]> arrivals = new ArrayList<>();   // {nanos, partition}
    private final List<DeadLetter> dlq = new ArrayList<>();
    private final AtomicInteger results = new AtomicInteger();
    private final java.util.Set<String> offsetsRead = new java.util.HashSet<>();
    private final Thread thread;
    private volatile boolean running = true;

    OutputLedger(String bootstrap, TopicNames topics, Codec<ModerationResult> codec, boolean readCommitted) {
        this.topics = topics;
        this.codec = codec;
        Map<String, Object> p = new HashMap<>();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, readCommitted ? "read_committed" : "read_uncommitted");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        p.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        // Assigned, not subscribed: a group rebalance (e.g. after a broker restart) must not move the reader back to
        // the start of the topics and make it count records twice.
        List<TopicPartition> partitions = new ArrayList<>();
        for (String t : List.of(topics.detoxified(), topics.review(), topics.dlq())) {
            consumer.partitionsFor(t, Duration.ofSeconds(30)).forEach(i -> partitions.add(new TopicPartition(t, i.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        thread = new Thread(this::read, "output-ledger");
        thread.setDaemon(true);
        thread.start();
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    long now = System.nanoTime();
                    String key = r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8);
                    if (r.topic().equals(topics.dlq())) {
                        synchronized (dlq) {
                            dlq.add(new DeadLetter(key, r.value(), r.headers(), r.key() == null ? -1 : r.key().length));
                        }
                        continue;
                    }
                    if (!offsetsRead.add(r.topic() + "-" + r.partition() + "@" + r.offset())) {
                        continue;   // the same record read twice is not a duplicate in the topic
                    }
                    ModerationResult m = codec.decode(r.topic(), r.value());
                    String id = m.getId();
                    if (counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1) {
                        firstSeenNanos.put(id, now);
                        outcomes.put(id, new Outcome(m.getAction().name(), m.getHoldReason(),
                                m.getExplanation() == null ? null : m.getExplanation().getBackend(),
                                m.getTimings().getRewriteAttempts() > 0, now));
                        synchronized (arrivals) {
                            arrivals.add(new long[] {now, r.partition()});
                        }
                    }
                    results.incrementAndGet();
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(2));
        }
    }

    /** Distinct comment ids that came out. */
    int distinct() {
        return counts.size();
    }

    /** Result records read (duplicates included). */
    int results() {
        return results.get();
    }

    /** Ids that came out more than once, with their counts. */
    Map<String, Integer> duplicates() {
        Map<String, Integer> d = new HashMap<>();
        counts.forEach((id, n) -> {
            if (n.get() > 1) {
                d.put(id, n.get());
            }
        });
        return d;
    }

    /** The first outcome of every comment that came out. */
    Map<String, Outcome> outcomes() {
        return Map.copyOf(outcomes);
    }

    int count(String id) {
        AtomicInteger n = counts.get(id);
        return n == null ? 0 : n.get();
    }

    List<DeadLetter> deadLetters() {
        synchronized (dlq) {
            return List.copyOf(dlq);
        }
    }

    /** Waits until {@code distinct() >= n} (true) or {@code timeout} passes (false). */
    boolean awaitDistinct(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (distinct() < n && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return distinct() >= n;
    }

    /**
     * For a disruption at {@code t0}: per output partition, the longest time without a new result in the
     * {@code window} after {@code t0} (a gap that spans {@code t0} counts from {@code t0}); the largest over all
     * partitions is how long the slowest partition took to recover (ms). A partition whose work was done before
     * {@code t0}, or that had nothing more to deliver, does not count (a lost comment shows in {@link #count}).
     */
    long recoveryMillis(long t0Nanos, int partitions, Duration window) {
        long end = t0Nanos + window.toNanos();
        long worst = 0;
        synchronized (arrivals) {
            for (int p = 0; p < partitions; p++) {
                long prev = -1;
                for (long[] a : arrivals) {
                    if (a[1] != p) {
                        continue;
                    }
                    if (a[0] > t0Nanos && a[0] <= end && prev >= 0) {
                        worst = Math.max(worst, a[0] - Math.max(prev, t0Nanos));
                    }
                    prev = a[0];
                }
            }
        }
        return worst / 1_000_000;
    }

    /** Milliseconds from {@code t0} until the first new result after it, or -1. */
    long firstNewResultMillis(long t0Nanos) {
        synchronized (arrivals) {
            for (long[] a : arrivals) {
                if (a[0] > t0Nanos) {
                    return (a[0] - t0Nanos) / 1_000_000;
                }
            }
        }
        return -1;
    }

    /** The longest time no new result arrived at all, from {@code t0} on (ms). */
    long longestStallMillis(long t0Nanos, long endNanos) {
        long prev = t0Nanos;
        long worst = 0;
        synchronized (arrivals) {
            for (long[] a : arrivals) {
                if (a[0] > t0Nanos && a[0] <= endNanos) {
                    worst = Math.max(worst, a[0] - prev);
                    prev = a[0];
                }
            }
        }
        return worst / 1_000_000;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(5_000);
    }
}
