package io.detoxstreams.demo;

import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.models.Models;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Everything in one JVM: an embedded KRaft broker, the topics, the moderator (with its HTTP server), one rewriter
 * worker and a reader that prints each result as it arrives; then the bundled sample (plus its malformed records) is
 * published. Ends when every sample record is accounted for (unless {@code keepRunning}), when {@code duration} has
 * passed, or on {@link #stop()} (Ctrl-C), printing the per-language table it fetches from the moderator's metrics
 * API ({@code GET /v1/languages}) — the stores, not the demo's own count.
 */
public final class DemoRunner {

    /** How the demo runs. */
    public record Options(Duration duration, boolean keepRunning, int partitions, Path dataDir) {
    }

    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final long start = System.nanoTime();

    public DemoRunner(PrintStream out) {
        this.out = out;
    }

    /** Asks a running demo to finish (prints the summary, then closes everything). */
    public void stop() {
        stop.countDown();
    }

    public int run(DetoxConfig base, Supplier<Models> modelLoader, Options o) throws Exception {
        ResultPrinter printer = new ResultPrinter(out, start);
        LanguageSummary summary = new LanguageSummary();
        long deadline = start + o.duration().toNanos();
        printer.info("Detox Streams demo: starting an embedded Kafka broker and loading the models…");
        CompletableFuture<Models> models = CompletableFuture.supplyAsync(modelLoader);
        try (EmbeddedKafka kafka = EmbeddedKafka.start(o.dataDir())) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            DetoxConfig config = base.with(Map.of(
                    DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    DetoxConfig.APPLICATION_ID, "detox-demo-" + run,
                    DetoxConfig.REWRITER_GROUP_ID, "detox-demo-rewriter-" + run,
                    DetoxConfig.SCHEMA_REGISTRY_URL, "",
                    DetoxConfig.INPUT_FORMAT, "avro",
                    DetoxConfig.OUTPUT_FORMAT, "avro",
                    DetoxConfig.TOPICS_PARTITIONS, String.valueOf(o.partitions()),
                    "kafka.state.dir", o.dataDir().resolve("streams").toString()));
            TopicNames topics = config.topics();
            printer.info("broker up on " + kafka.bootstrapServers() + "; creating topics " + topics.all());
            try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
                TopicCreator.ensure(admin, topics.all(), o.partitions(), (short) 1, Duration.ofSeconds(30));
            }
            boolean tablePrinted = false;
            try (Models bundle = models.get();
                 ModeratorNode moderator = ModeratorNode.create(config, bundle, Telemetry.create(), true);
                 OutputReader reader = new OutputReader(config, printer, summary)) {
                printer.info("models loaded (classifier " + bundle.classifier().version() + "); starting moderator and rewriter…");
                moderator.start(Duration.ofSeconds(60));
                // One process, one /metrics: the rewriter's meters join the moderator's registry.
                try (RewriterNode rewriter = RewriterNode.create(config, bundle, moderator.telemetry(), false)) {
                    rewriter.start("demo-rewriter");
                    String url = moderator.url().orElse(null);
                    if (url != null) {
                        printer.info("metrics API up: curl -s " + url + "/v1/languages   (also /v1/languages/en, "
                                + "/v1/languages/en/windows, /health, /metrics)");
                    }
                    reader.start();
                    int[] expected = publish(config, topics, printer);
                    awaitEnd(summary, expected, o.keepRunning(), deadline, printer, kafka.bootstrapServers());
                    if (url != null) {
                        tablePrinted = MetricsTable.fetchAndPrint(out, printer, url, config.httpAuthToken(), summary,
                                Duration.ofSeconds(30));
                    }
                }
            }
            if (!tablePrinted) {
                summary.print(out);
            }
        }
        printer.info(String.format("demo finished: %d comments moderated, %d records in the DLQ",
                summary.results(), summary.dlq()));
        return 0;
    }

    private int[] publish(DetoxConfig config, TopicNames topics, ResultPrinter printer) throws Exception {
        Codecs codecs = Codecs.from(config);
        Instant now = Instant.now();
        List<CommentEvent> sample = SampleComments.comments(now);
        List<SampleComments.Malformed> bad = SampleComments.malformed(codecs.comments(), topics.comments(), now);
        Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (CommentEvent e : sample) {
                producer.send(new ProducerRecord<>(topics.comments(), utf8(e.getId()), codecs.comments().encode(topics.comments(), e)));
            }
            for (SampleComments.Malformed m : bad) {
                producer.send(new ProducerRecord<>(topics.comments(), utf8(m.id()), m.bytes()));
            }
            producer.flush();
        }
        printer.info("published " + sample.size() + " sample comments and " + bad.size()
                + " malformed records to '" + topics.comments() + "'; results follow as they arrive:");
        return new int[] {sample.size(), bad.size()};
    }

    private void awaitEnd(LanguageSummary summary, int[] expected, boolean keepRunning, long deadline,
                          ResultPrinter printer, String bootstrap) throws InterruptedException {
        boolean announced = false;
        while (System.nanoTime() < deadline && !stop.await(200, TimeUnit.MILLISECONDS)) {
            boolean complete = summary.results() >= expected[0] && summary.dlq() >= expected[1];
            if (complete && !keepRunning) {
                return;
            }
            if (complete && !announced) {
                printer.info("all sample records accounted for; still running (broker " + bootstrap
                        + "): try `produce`/`tail` against it, Ctrl-C to stop");
                announced = true;
            }
        }
        if (System.nanoTime() >= deadline) {
            printer.info("--duration reached");
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
