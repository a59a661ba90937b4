package io.detoxstreams.demo;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.avro.ModerationResult;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The demo's subscriber: reads the result topics and the DLQ (read_committed) and prints each record. */
final class OutputReader implements Runnable, AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final TopicNames topics;
    private final Codec<ModerationResult> codec;
    private final ResultPrinter printer;
    private final LanguageSummary summary;
    private final Thread thread = new Thread(this, "demo-reader");
    private volatile boolean running = true;

    OutputReader(DetoxConfig config, ResultPrinter printer, LanguageSummary summary) {
        this.topics = config.topics();
        this.codec = Codecs.from(config).results();
        this.printer = printer;
        this.summary = summary;
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "detox-demo-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    void start() {
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(topics.detoxified(), topics.review(), topics.dlq()));
            while (running) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    handle(r);
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    private void handle(ConsumerRecord<byte[], byte[]> r) {
        if (r.topic().equals(topics.dlq())) {
            String reason = DlqHeaders.get(r.headers(), DlqHeaders.REASON);
            summary.addDlq(reason);
            printer.dlq(r.key() == null ? "(no key)" : new String(r.key(), StandardCharsets.UTF_8), reason,
                    DlqHeaders.get(r.headers(), DlqHeaders.MESSAGE));
            return;
        }
        ModerationResult m = codec.decode(r.topic(), r.value());
        summary.add(m);
        printer.result(m);
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        consumer.wakeup();
        thread.join(10_000);
    }
}
