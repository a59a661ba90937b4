package io.detoxstreams.it;

import io.detoxstreams.config.TopicNames;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/** Produce synchronously and read back outputs, for broker tests (as apache/kafka's IntegrationTestUtils). */
public final class IntegrationTestUtils {

    private IntegrationTestUtils() {
    }

    /** Sends all records and waits for every acknowledgement. One in-flight request: see KAFKA-15591. */
    public static void produceSynchronously(String bootstrap, List<ProducerRecord<byte[], byte[]>> records) throws Exception {
        Map<String, Object> p = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1,
                ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            List<Future<?>> acks = new ArrayList<>(records.size());
            for (ProducerRecord<byte[], byte[]> r : records) {
                acks.add(producer.send(r));
            }
            for (Future<?> f : acks) {
                f.get();
            }
        }
    }

    /**
     * Reads {@code detoxified}, {@code review} and {@code dlq} with read_committed until the expected counts arrive
     * (or the timeout passes), then keeps reading a little longer so that duplicates would show. {@code midway} runs
     * once, on the reader's thread, when {@code midwayAt} results have been read.
     */
    static Outputs collect(String bootstrap, TopicNames topics, Codecs codecs, int expectedResults, int expectedDlq,
                           Duration timeout, int midwayAt, Runnable midway) {
        Map<String, Object> p = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "it-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<Outputs.Result> results = new ArrayList<>();
        List<ConsumerRecord<byte[], byte[]>> dlq = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topics.detoxified(), topics.review(), topics.dlq()));
            long deadline = System.nanoTime() + timeout.toNanos();
            long graceEnd = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, graceEnd)) {
                for (ConsumerRecord<byte[], byte[]> r : c.poll(Duration.ofMillis(200))) {
                    if (r.topic().equals(topics.dlq())) {
                        dlq.add(r);
                    } else {
                        results.add(new Outputs.Result(r.topic(), r.key(), codecs.results().decode(r.topic(), r.value())));
                    }
                }
                if (midway != null && results.size() >= midwayAt) {
                    midway.run();
                    midway = null;
                }
                if (graceEnd == Long.MAX_VALUE && results.size() >= expectedResults && dlq.size() >= expectedDlq) {
                    graceEnd = System.nanoTime() + Duration.ofSeconds(3).toNanos();
                }
            }
        }
        return new Outputs(results, dlq);
    }
}
