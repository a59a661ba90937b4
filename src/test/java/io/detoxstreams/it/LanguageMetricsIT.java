package io.detoxstreams.it;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.http.LanguagesClient;
import io.detoxstreams.models.Models;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.streams.KafkaStreams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics stores and their HTTP API with two moderator instances in one JVM, on a real in-process broker:
 * after 5,000 comments (and some dead letters), the per-language counts either instance answers equal the counts
 * computed from the input; they still do after one instance leaves (its tasks move to the other, which kept standby
 * replicas) and after the survivor hands everything to a fresh instance (which restores the stores from their
 * changelogs). Also: the cross-instance query latency, and {@code /health} flipping to 503 during a rebalance.
 */
class LanguageMetricsIT {

    private static final int COMMENTS = 5_000;
    private static final int MALFORMED = 20;
    private static final Duration CONVERGE = Duration.ofMinutes(3);

    private static EmbeddedKafka kafka;
    private final Models models = TestModels.bundle();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(Path.of("target", "kafka-it-metrics"));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldAnswerExactPerLanguageCountsFromEitherInstanceAndAfterItsTasksMove() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TopicNames topics = createTopics(config(run, "a", Map.of()));
        List<AutoCloseable> open = new ArrayList<>();
        try {
            ModeratorNode a = moderator(run, "a", Map.of(), open);
            ModeratorNode b = moderator(run, "b", Map.of(), open);
            a.start(Duration.ofSeconds(90));
            b.start(Duration.ofSeconds(90));
            RewriterNode rewriter = RewriterNode.create(config(run, "rw", Map.of()), models, Telemetry.create(), true);
            open.add(rewriter);
            rewriter.start("it-rewriter");

            Map<String, ExpectedMetrics.Counts> expected = produce(config(run, "a", Map.of()), topics);
            long t0 = System.nanoTime();
            JsonNode fromA = awaitCounts(a, expected, "instance a");
            System.out.printf("metrics IT: stores complete %.1f s after producing; languages %s%n",
                    (System.nanoTime() - t0) / 1e9, expected.keySet());
            JsonNode fromB = awaitCounts(b, expected, "instance b");
            assertThat(fromA.path("instances")).hasSize(2);
            assertThat(fromB.path("all")).isEqualTo(fromA.path("all"));
            assertThat(MetricsApiChecks.rewriterHealth(rewriter)).isEqualTo(200);
            MetricsApiChecks.measureQueryLatency(a, b);

            // b leaves the group: a takes over its tasks, from its standby replicas.
            b.close();
            awaitRunning(a);
            JsonNode afterFailover = awaitCounts(a, expected, "instance a after b left");
            assertThat(afterFailover.path("instances")).hasSize(1);
            assertThat(afterFailover.path("partitions").path("answered")).hasSize(4);

            // A fresh instance joins, then a leaves: c must rebuild the stores from the changelogs.
            ModeratorNode c = moderator(run, "c", Map.of(), open);
            c.start(Duration.ofSeconds(90));
            a.close();
            awaitRunning(c);
            awaitCounts(c, expected, "fresh instance c after a left");
            assertThat(Path.of("target", "it-metrics", run, "c")).isDirectory();
        } finally {
            closeAll(open);
        }
    }

    @Test
    void shouldReport503WhileRebalancingAnd200WhenRunning() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, String> own = ownTopics(run);
        createTopics(config(run, "x", own));
        List<AutoCloseable> open = new ArrayList<>();
        try {
            ModeratorNode x = moderator(run, "x", own, open);
            x.start(Duration.ofSeconds(90));
            LanguagesClient client = new LanguagesClient(x.url().orElseThrow(), null);
            assertThat(MetricsApiChecks.health(client)).isEqualTo("200 RUNNING");

            // Asked from inside the state listener, the answer is the state of that very moment.
            List<String> seenWhileRebalancing = new CopyOnWriteArrayList<>();
            x.service().addStateListener((now, before) -> {
                if (now == KafkaStreams.State.REBALANCING) {
                    seenWhileRebalancing.add(MetricsApiChecks.health(client));
                }
            });
            ModeratorNode y = moderator(run, "y", own, open);
            y.start(Duration.ofSeconds(90));
            long seen = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seenWhileRebalancing.isEmpty() && System.nanoTime() < seen) {
                Thread.sleep(50);   // x may take its part of the rebalance a moment after y is running
            }

            assertThat(seenWhileRebalancing).isNotEmpty().allMatch(s -> s.equals("503 REBALANCING"));
            // The group may take a follow-up round; once it settles both instances are healthy again (asserted on
            // one observation of both: a later round may start again at any moment).
            LanguagesClient yClient = new LanguagesClient(y.url().orElseThrow(), null);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            String xHealth;
            String yHealth;
            do {
                xHealth = MetricsApiChecks.health(client);
                yHealth = MetricsApiChecks.health(yClient);
                if (xHealth.equals("200 RUNNING") && yHealth.equals("200 RUNNING")) {
                    break;
                }
                Thread.sleep(100);
            } while (System.nanoTime() < deadline);
            assertThat(xHealth).isEqualTo("200 RUNNING");
            assertThat(yHealth).isEqualTo("200 RUNNING");
        } finally {
            closeAll(open);
        }
    }

    private Map<String, ExpectedMetrics.Counts> produce(DetoxConfig config, TopicNames topics) throws Exception {
        Codecs codecs = Codecs.from(config);
        List<CommentEvent> sample = SampleComments.comments(Instant.now());
        List<SampleComments.Malformed> bad = SampleComments.malformed(codecs.comments(), topics.comments(), Instant.now());
        ExpectedMetrics expected = new ExpectedMetrics();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < COMMENTS; i++) {
            CommentEvent e = CommentEvent.newBuilder(sample.get(i % sample.size())).setId("m-" + i).build();
            records.add(new ProducerRecord<>(topics.comments(), utf8("k-" + i), codecs.comments().encode(topics.comments(), e)));
            expected.comment(e, models);
        }
        for (int i = 0; i < MALFORMED; i++) {
            byte[] value = bad.get(i % bad.size()).bytes();
            records.add(new ProducerRecord<>(topics.comments(), utf8("bad-" + i), value));
            expected.deadLetter(value, codecs.comments());
        }
        // A foreign record on the rewriter's input: the rewriter dead-letters it, and it counts under und.
        byte[] foreign = utf8("not a pending result");
        records.add(new ProducerRecord<>(topics.toxic(), utf8("foreign"), foreign));
        expected.deadLetter(foreign, codecs.comments());
        IntegrationTestUtils.produceSynchronously(config.bootstrapServers(), records);
        return expected.counts();
    }

    /** Polls {@code GET /v1/languages} until the answer is complete and equals the expected counts. */
    private static JsonNode awaitCounts(ModeratorNode node, Map<String, ExpectedMetrics.Counts> expected, String who)
            throws Exception {
        LanguagesClient client = new LanguagesClient(node.url().orElseThrow(), null);
        long deadline = System.nanoTime() + CONVERGE.toNanos();
        JsonNode body = null;
        while (System.nanoTime() < deadline) {
            body = client.languages();
            if (!body.path("partial").asBoolean(true) && ExpectedMetrics.fromApi(body).equals(expected)) {
                assertThat(body.path("all").path("pending").asLong()).isZero();
                return body;
            }
            Thread.sleep(500);
        }
        assertThat(body).as("last answer of %s", who).isNotNull();
        assertThat(body.path("partial").asBoolean()).as("%s: partial; %s", who, body.path("partitions")).isFalse();
        assertThat(ExpectedMetrics.fromApi(body)).as("per-language counts from %s", who).isEqualTo(expected);
        return body;
    }

    private static void awaitRunning(ModeratorNode node) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (node.service().state() != KafkaStreams.State.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(node.service().state()).isEqualTo(KafkaStreams.State.RUNNING);
    }

    private ModeratorNode moderator(String run, String instance, Map<String, String> extra, List<AutoCloseable> open) {
        ModeratorNode node = ModeratorNode.create(config(run, instance, extra), models, Telemetry.create(), false);
        open.add(0, node);
        return node;
    }

    private static DetoxConfig config(String run, String instance, Map<String, String> extra) {
        Map<String, Object> m = new HashMap<>();
        m.put(DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        m.put(DetoxConfig.APPLICATION_ID, "it-metrics-" + run);
        m.put(DetoxConfig.REWRITER_GROUP_ID, "it-metrics-rewriter-" + run);
        m.put(DetoxConfig.TOPICS_PARTITIONS, "4");
        m.put(DetoxConfig.MODERATOR_STANDBY_REPLICAS, "1");
        m.put(DetoxConfig.HTTP_BIND_ADDRESS, "127.0.0.1");
        m.put(DetoxConfig.HTTP_PORT, "0");
        m.put(DetoxConfig.REWRITER_HTTP_PORT, "0");
        m.put("kafka.state.dir", Path.of("target", "it-metrics", run, instance).toString());
        m.putAll(extra);
        return new DetoxConfig(m);
    }

    private static Map<String, String> ownTopics(String run) {
        String p = "health-" + run + ".";
        return Map.of(DetoxConfig.TOPIC_COMMENTS, p + "comments", DetoxConfig.TOPIC_DETOXIFIED, p + "detoxified",
                DetoxConfig.TOPIC_TOXIC, p + "toxic", DetoxConfig.TOPIC_REVIEW, p + "review",
                DetoxConfig.TOPIC_DLQ, p + "dlq", DetoxConfig.TOPIC_METRICS, p + "metrics");
    }

    private static TopicNames createTopics(DetoxConfig config) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.bootstrapServers()))) {
            TopicCreator.ensure(admin, config.topics().all(), 4, (short) -1, Duration.ofSeconds(30));
        }
        return config.topics();
    }

    private static void closeAll(List<AutoCloseable> open) {
        for (AutoCloseable c : open) {
            try {
                c.close();
            } catch (Exception e) {
                System.out.println("close: " + e);
            }
        }
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
