package io.detoxstreams.it;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.SafetySets;
import io.detoxstreams.testing.TestModels;
import io.detoxstreams.worker.BatchRewriter;
import io.detoxstreams.worker.RewriterWorker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threat set and the clean set through the whole pipeline on a real Kafka broker (moderator + rewriter worker,
 * exactly-once, no language hints): every threat must come out HOLD {@code threat} on {@code comments.review} — held
 * by the moderator itself, whatever its toxicity score — at a recall of at least 0.9 per language, and at most one
 * clean comment per language may be anything but PASS, unchanged.
 */
class SafetySetsIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(Path.of("target", "kafka-it-safety"));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldHoldThreatsAndLeaveCleanCommentsAloneThroughThePipeline() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DetoxConfig config = new DetoxConfig(Map.of(
                DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                DetoxConfig.APPLICATION_ID, "it-safety-" + run,
                DetoxConfig.REWRITER_GROUP_ID, "it-safety-rewriter-" + run,
                "kafka.state.dir", "target/kafka-streams-it-safety"));
        TopicNames topics = config.topics();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, topics.all(), 2, (short) -1, Duration.ofSeconds(30));
        }
        Codecs codecs = Codecs.from(config);
        Map<String, SafetySets.Item> byId = new HashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        add("threat", SafetySets.threats(), byId, records, topics, codecs);
        add("clean", SafetySets.clean(), byId, records, topics, codecs);

        RewriterWorker worker = RewriterWorker.create(config, new BatchRewriter(TestModels.bundle().detoxifier(), 3,
                100, Clock.systemUTC()), codecs.results(), io.detoxstreams.worker.RewriterObserver.NONE);
        Thread t = new Thread(worker, "it-safety-rewriter");
        Outputs out;
        try (ModeratorService moderator = new ModeratorService(config, TestModels.bundle())) {
            moderator.start(Duration.ofSeconds(60));
            t.start();
            IntegrationTestUtils.produceSynchronously(kafka.bootstrapServers(), records);
            out = IntegrationTestUtils.collect(kafka.bootstrapServers(), topics, codecs, byId.size(), 0,
                    Duration.ofMinutes(3), Integer.MAX_VALUE, null);
        } finally {
            worker.close();
            t.join(30_000);
        }

        Map<String, int[]> threats = new TreeMap<>();
        Map<String, int[]> clean = new TreeMap<>();
        Map<String, Integer> seen = new HashMap<>();
        for (Outputs.Result r : out.results()) {
            ModerationResult m = r.value();
            seen.merge(m.getId(), 1, Integer::sum);
            SafetySets.Item item = byId.get(m.getId());
            if (m.getId().startsWith("threat-")) {
                int[] c = threats.computeIfAbsent(item.lang(), k -> new int[2]);
                c[0]++;
                boolean held = m.getAction() == ModerationAction.HOLD && "threat".equals(m.getHoldReason())
                        && r.topic().equals(topics.review());
                if (held) {
                    c[1]++;
                    var span = m.getExplanation().getSpans().get(0);
                    assertThat(span.getCategory()).isEqualTo("threat");
                    assertThat(span.getEnd()).isGreaterThan(span.getStart());
                    assertThat(m.getModels().getRewriter()).as("held by the moderator, not rewritten").isNull();
                } else {
                    System.out.printf("threat not held (%s): %s -> %s %s%n", item.lang(), item.text(),
                            m.getAction(), m.getHoldReason());
                }
            } else {
                int[] c = clean.computeIfAbsent(item.lang(), k -> new int[2]);
                c[0]++;
                if (m.getAction() != ModerationAction.PASS) {
                    c[1]++;
                    System.out.printf("clean comment flagged (%s): %s -> %s %s%n", item.lang(), item.text(),
                            m.getAction(), m.getHoldReason());
                } else {
                    assertThat(m.getOutputText()).isEqualTo(item.text());
                }
            }
        }
        System.out.println("pipeline, threats held as threats: " + threats.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0]).toList());
        System.out.println("pipeline, clean comments flagged: " + clean.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0]).toList());
        assertThat(seen).hasSize(byId.size()).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(threats).hasSize(17);
        threats.forEach((lang, c) -> assertThat(c[1] / (double) c[0]).as("threat recall %s", lang)
                .isGreaterThanOrEqualTo(0.9));
        clean.forEach((lang, c) -> assertThat(c[1]).as("clean comments flagged in %s", lang)
                .isLessThanOrEqualTo(SafetySets.cleanFlaggedAllowed(lang)));
    }

    private static void add(String prefix, List<SafetySets.Item> items, Map<String, SafetySets.Item> byId,
                            List<ProducerRecord<byte[], byte[]>> records, TopicNames topics, Codecs codecs) {
        Instant now = Instant.now();
        for (int i = 0; i < items.size(); i++) {
            String id = prefix + "-" + i;
            byId.put(id, items.get(i));
            CommentEvent e = CommentEvent.newBuilder().setId(id).setText(items.get(i).text()).setCreatedAt(now)
                    .build();
            records.add(new ProducerRecord<>(topics.comments(), id.getBytes(StandardCharsets.UTF_8),
                    codecs.comments().encode(topics.comments(), e)));
        }
    }
}
