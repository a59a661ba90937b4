package io.detoxstreams.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.serde.AvroJson;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * {@code detox-streams tail --topic comments.detoxified}: prints a topic as JSON lines (read_committed, from the
 * beginning unless {@code --latest}), decoding values by topic: comments → CommentEvent, metrics → LanguageMetrics,
 * DLQ → raw value and headers, anything else → ModerationResult.
 *
 * <pre>
 * java -jar target/detox-streams.jar tail -b localhost:9092 --topic comments.review --max 10 | jq .
 * </pre>
 * Exits 2 with a message naming the address when no broker answers within {@code startup.timeout.ms}, or when the
 * topic does not exist.
 */
@Command(name = "tail", mixinStandardHelpOptions = true, description = "Print a topic as JSON lines.")
public final class TailCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = {"-t", "--topic"}, required = true, paramLabel = "TOPIC")
    String topic;

    @Option(names = "--max", defaultValue = "-1", description = "Stop after this many records (default: no limit).")
    long max;

    @Option(names = "--idle-timeout", defaultValue = "0", paramLabel = "SECONDS",
            description = "Stop when no record arrives for this long (default 0: never).")
    long idleSeconds;

    @Option(names = "--latest", description = "Start at the end of the topic instead of the beginning.")
    boolean latest;

    @Option(names = "--metadata", description = "Wrap each value with topic, partition, offset, key and headers.")
    boolean metadata;

    @Override
    public Integer call() {
        DetoxConfig config = options.load();
        Startup.awaitBroker(config);
        TopicNames topics = config.topics();
        Codecs codecs = Codecs.from(config);
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "detox-tail-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, latest ? "latest" : "earliest");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long printed = 0;
        long lastRecord = System.nanoTime();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Runtime.getRuntime().addShutdownHook(new Thread(consumer::wakeup));
            if (!consumer.listTopics(Startup.startupTimeout(config)).containsKey(topic)) {
                System.err.println("error: topic " + topic + " does not exist at " + config.bootstrapServers());
                return DetoxStreamsCommand.EXIT_UNAVAILABLE;
            }
            consumer.subscribe(List.of(topic));
            while (max < 0 || printed < max) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> r : records) {
                    System.out.println(line(r, topics, codecs));
                    lastRecord = System.nanoTime();
                    if (++printed == max) {
                        break;
                    }
                }
                if (idleSeconds > 0 && System.nanoTime() - lastRecord > idleSeconds * 1_000_000_000L) {
                    break;
                }
            }
        } catch (org.apache.kafka.common.errors.WakeupException e) {
            // Ctrl-C
        }
        System.out.flush();
        return 0;
    }

    private String line(ConsumerRecord<byte[], byte[]> r, TopicNames topics, Codecs codecs) {
        boolean dlq = r.topic().equals(topics.dlq());
        ObjectNode value;
        try {
            if (dlq || r.value() == null) {
                value = raw(r.value());
            } else if (r.topic().equals(topics.comments())) {
                value = AvroJson.toJson(codecs.comments().decode(r.topic(), r.value()));
            } else if (r.topic().equals(topics.metrics())) {
                value = AvroJson.toJson(codecs.metrics().decode(r.topic(), r.value()));
            } else {
                value = AvroJson.toJson(codecs.results().decode(r.topic(), r.value()));
            }
        } catch (RuntimeException e) {
            value = raw(r.value()).put("decode_error", e.getMessage());
        }
        if (!metadata && !dlq) {
            return value.toString();
        }
        ObjectNode o = AvroJson.MAPPER.createObjectNode();
        o.put("topic", r.topic()).put("partition", r.partition()).put("offset", r.offset());
        o.put("key", r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8));
        ObjectNode headers = o.putObject("headers");
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        o.set("value", value);
        return o.toString();
    }

    private static ObjectNode raw(byte[] bytes) {
        ObjectNode o = AvroJson.MAPPER.createObjectNode();
        if (bytes == null) {
            return o.putNull("base64");
        }
        return o.put("base64", Base64.getEncoder().encodeToString(bytes)).put("utf8", new String(bytes, StandardCharsets.UTF_8));
    }
}
