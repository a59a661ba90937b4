package io.detoxstreams.bench.pipeline;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.train.Progress;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Publishes the corpus to an input topic the way an application would (idempotent producer, {@code acks=all}):
 * {@link #bulk} as fast as it can before a throughput run, {@link #paced} at a fixed rate for the latency runs.
 * Record {@code i} has key {@code k-i}; its Kafka timestamp and {@code created_at} are the same instant.
 */
final class InputProducer implements AutoCloseable {

    private final KafkaProducer<byte[], byte[]> producer;
    private final PipelineCorpus corpus;
    private final Codec<CommentEvent> codec;
    private final AtomicReference<Exception> failure = new AtomicReference<>();

    InputProducer(Map<String, Object> clientProperties, PipelineCorpus corpus, Codec<CommentEvent> codec) {
        Map<String, Object> p = new HashMap<>(clientProperties);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 10);
        p.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        this.producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
        this.corpus = corpus;
        this.codec = codec;
    }

    /** Records {@code from} (inclusive) to {@code to} (exclusive), as fast as the broker takes them; then flushes. */
    void bulk(String topic, long from, long to, Progress progress, String phase) {
        for (long i = from; i < to; i++) {
            send(topic, i, System.currentTimeMillis());
            if ((i - from) % 10_000 == 0) {
                progress.update(phase, i - from, to - from);
            }
        }
        producer.flush();
        progress.update(phase, to - from, to - from);
        check();
    }

    /**
     * {@code ratePerSecond} records per second for {@code nanos}, from {@code startMillis} on (waits for it), numbered
     * from 0; each one's timestamp is the instant it was <em>due</em>, so a producer that falls behind shows up as
     * latency instead of hiding it. Returns how many were sent.
     */
    long paced(String topic, double ratePerSecond, long startMillis, long nanos) {
        try {
            Thread.sleep(Math.max(0, startMillis - System.currentTimeMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
        long start = System.nanoTime();
        long n = 0;
        while (true) {
            long due = (long) (n * 1e9 / ratePerSecond);
            if (due >= nanos) {
                break;
            }
            long wait = start + due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            send(topic, n, startMillis + due / 1_000_000);
            n++;
        }
        producer.flush();
        check();
        return n;
    }

    private void send(String topic, long i, long millis) {
        byte[] value = codec.encode(topic, corpus.event(i, millis));
        producer.send(new ProducerRecord<>(topic, null, millis, ("k-" + i).getBytes(StandardCharsets.UTF_8), value),
                (meta, e) -> {
                    if (e != null) {
                        failure.compareAndSet(null, e);
                    }
                });
    }

    private void check() {
        Exception e = failure.get();
        if (e != null) {
            throw new IllegalStateException("producing the benchmark input failed: " + e, e);
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
