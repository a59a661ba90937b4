package io.detoxstreams.cli;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.CommentJsonLines;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code detox-streams produce --input comments.jsonl}: publishes one CommentEvent per JSON line, encoded in the
 * configured {@code input.format}, to {@code topic.comments} (or {@code --topic}). {@code -} reads standard input.
 * Missing {@code id}/{@code created_at} are filled in; the record key is the comment's {@code --key-field}. It waits
 * for every send: exit 0 only when all were delivered; 1 with the count not delivered; 2 when no broker answers
 * within {@code startup.timeout.ms} (or lines were skipped).
 *
 * <pre>
 * echo '{"text":"you are an idiot","lang_hint":"en"}' | java -jar target/detox-streams.jar produce -b localhost:9092 --input -
 * </pre>
 */
@Command(name = "produce", mixinStandardHelpOptions = true,
        description = "Publish comments from a JSON-lines file to the comments topic in the configured format.")
public final class ProduceCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = {"-i", "--input"}, required = true, paramLabel = "FILE", description = "JSON lines, or - for stdin.")
    String input;

    @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic (default: topic.comments).")
    String topic;

    @Option(names = "--key-field", defaultValue = "id", paramLabel = "FIELD",
            description = "Field used as record key: id, thread_id or author_id (default: ${DEFAULT-VALUE}).")
    String keyField;

    @Override
    public Integer call() throws Exception {
        DetoxConfig config = options.load();
        String target = topic != null ? topic : config.topics().comments();
        Codec<CommentEvent> codec = Codecs.from(config).comments();
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        Startup.awaitBroker(config);
        int sent = 0;
        int skipped = 0;
        AtomicInteger failed = new AtomicInteger();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        try (BufferedReader in = "-".equals(input)
                ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
                : Files.newBufferedReader(Path.of(input), StandardCharsets.UTF_8);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            String line;
            int lineNo = 0;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                CommentEvent e;
                try {
                    e = CommentJsonLines.parse(line, Instant.now());
                } catch (RuntimeException ex) {
                    System.err.println("line " + lineNo + " skipped: " + ex.getMessage());
                    skipped++;
                    continue;
                }
                producer.send(new ProducerRecord<>(target, key(e), codec.encode(target, e)), (metadata, ex) -> {
                    if (ex != null) {
                        failed.incrementAndGet();
                        firstError.compareAndSet(null, ex);
                    }
                });
                sent++;
            }
            producer.flush();   // every send has completed, delivered or failed, when flush returns
        }
        int delivered = sent - failed.get();
        System.err.printf("published %d of %d comment(s) to %s (%s)%s%n", delivered, sent, target,
                config.getString(DetoxConfig.INPUT_FORMAT), skipped > 0 ? ", skipped " + skipped + " bad line(s)" : "");
        if (failed.get() > 0) {
            System.err.printf("error: %d comment(s) not delivered to %s at %s: %s%n", failed.get(), target,
                    config.bootstrapServers(), firstError.get());
            return 1;
        }
        return skipped > 0 ? 2 : 0;
    }

    private byte[] key(CommentEvent e) {
        Object v = e.get(keyField);
        return v == null ? null : v.toString().getBytes(StandardCharsets.UTF_8);
    }
}
