package io.detoxstreams.failure;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.serde.Codec;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Topics and input comments for the failure proofs. */
final class ProofInputs {

    private ProofInputs() {
    }

    static void createTopics(String bootstrap, TopicNames topics, int partitions) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicCreator.ensure(admin, topics.all(), partitions, (short) 1, Duration.ofSeconds(60));
        }
    }

    static String id(String prefix, int i) {
        return String.format("%s-%06d", prefix, i);
    }

    /** The bundled multilingual sample (clean and toxic), cycled, with unique ids {@code prefix-000000}… */
    static CommentEvent comment(String prefix, int i) {
        List<CommentEvent> sample = Sample.COMMENTS;
        return CommentEvent.newBuilder(sample.get(i % sample.size())).setId(id(prefix, i)).build();
    }

    /**
     * A producer as a careful application would use: idempotent, acks=all, one request in flight (KAFKA-15591),
     * large records allowed when {@code maxRequestBytes} says so, compressed (so a 2 MB comment reaches the broker).
     */
    static KafkaProducer<byte[], byte[]> producer(String bootstrap, int maxRequestBytes) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxRequestBytes);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000);
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Sends {@code count} comments {@code from..} and waits for every acknowledgement. */
    static void produce(KafkaProducer<byte[], byte[]> producer, String topic, Codec<CommentEvent> codec, String prefix,
                        int from, int count) throws Exception {
        List<java.util.concurrent.Future<?>> acks = new java.util.ArrayList<>(count);
        for (int i = from; i < from + count; i++) {
            acks.add(producer.send(record(topic, codec, prefix, i, null)));
        }
        for (var a : acks) {
            a.get();
        }
    }

    static ProducerRecord<byte[], byte[]> record(String topic, Codec<CommentEvent> codec, String prefix, int i,
                                                 Iterable<Header> headers) {
        CommentEvent e = comment(prefix, i);
        return new ProducerRecord<>(topic, null, key(e.getId()), codec.encode(topic, e), headers);
    }

    static byte[] key(String id) {
        return ("k-" + id).getBytes(StandardCharsets.UTF_8);
    }

    private static final class Sample {
        static final List<CommentEvent> COMMENTS = SampleComments.comments(Instant.now());
    }
}
