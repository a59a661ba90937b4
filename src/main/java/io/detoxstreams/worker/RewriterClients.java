package io.detoxstreams.worker;

import io.detoxstreams.config.DetoxConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the rewriter worker's Kafka clients from configuration: every {@code kafka.*} setting (security, timeouts)
 * passes through; what exactly-once depends on (read_committed, manual commits, a transactional id, byte serdes) is
 * fixed. Tests hand the worker {@code MockConsumer}/{@code MockProducer} instead.
 */
public final class RewriterClients {

    private RewriterClients() {
    }

    public static Consumer<byte[], byte[]> consumer(DetoxConfig config) {
        return new KafkaConsumer<>(consumerProperties(config));
    }

    public static Producer<byte[], byte[]> producer(DetoxConfig config) {
        return new KafkaProducer<>(producerProperties(config));
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

    public static Map<String, Object> producerProperties(DetoxConfig config) {
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
}
