package io.detoxstreams.it;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.worker.BatchRewriter;
import io.detoxstreams.worker.RewriterObserver;
import io.detoxstreams.worker.RewriterWorker;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The end-to-end scenario of issue 4, against any broker: 10,000 valid comments (the bundled multilingual sample,
 * cycled) and 50 malformed records through the moderator and two rewriter workers with exactly-once; then every valid
 * comment must appear exactly once in {@code comments.detoxified} ∪ {@code comments.review} (read_committed) — even
 * though a rewriter worker is replaced a third of the way through — every
 * malformed one exactly once in the DLQ with its headers, and every REWRITE/HOLD must carry an explanation.
 */
final class PipelineScenario {

    static final int VALID = 10_000;
    static final int MALFORMED = 50;
    private static final String TOXIC_GARBAGE_KEY = "k-garbage-on-toxic";

    private PipelineScenario() {
    }

    static void run(String bootstrap, String stateDir, Models models) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DetoxConfig config = new DetoxConfig(Map.of(
                DetoxConfig.BOOTSTRAP_SERVERS, bootstrap,
                DetoxConfig.APPLICATION_ID, "it-moderator-" + run,
                DetoxConfig.REWRITER_GROUP_ID, "it-rewriter-" + run,
                DetoxConfig.MODERATOR_THREADS, "2",
                "kafka.state.dir", stateDir));
        TopicNames topics = config.topics();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicCreator.ensure(admin, topics.all(), 4, (short) -1, Duration.ofSeconds(30));
        }
        Codecs codecs = Codecs.from(config);
        List<RewriterWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long t0 = System.nanoTime();
        try (ModeratorService moderator = new ModeratorService(config, models)) {
            moderator.start(Duration.ofSeconds(60));
            for (int i = 0; i < 2; i++) {
                startWorker(config, models, codecs, workers, threads);
            }
            Map<String, byte[]> malformed = produce(bootstrap, topics, codecs);
            // A third of the way through, one worker leaves and a new one joins: two rebalances mid-stream.
            Runnable replaceWorker = () -> {
                workers.get(0).close();
                startWorker(config, models, codecs, workers, threads);
            };
            Outputs out = IntegrationTestUtils.collect(bootstrap, topics, codecs, VALID, MALFORMED + 1,
                    Duration.ofMinutes(5), VALID / 3, replaceWorker);
            System.out.printf("pipeline scenario: %d results, %d DLQ records in %.1f s%n",
                    out.results().size(), out.dlq().size(), (System.nanoTime() - t0) / 1e9);
            verify(out, malformed, topics);
        } finally {
            workers.forEach(RewriterWorker::close);
            for (Thread t : threads) {
                t.join(30_000);
            }
        }
    }

    private static void startWorker(DetoxConfig config, Models models, Codecs codecs, List<RewriterWorker> workers,
                                    List<Thread> threads) {
        RewriterWorker w = RewriterWorker.create(config, new BatchRewriter(models.detoxifier(), 3, 100, Clock.systemUTC()),
                codecs.results(), RewriterObserver.NONE);
        workers.add(w);
        Thread t = new Thread(w, "rewriter-" + threads.size());
        threads.add(t);
        t.start();
    }

    private static Map<String, byte[]> produce(String bootstrap, TopicNames topics, Codecs codecs) throws Exception {
        Instant now = Instant.now();
        List<CommentEvent> sample = SampleComments.comments(now);
        List<SampleComments.Malformed> bad = SampleComments.malformed(codecs.comments(), topics.comments(), now);
        Map<String, byte[]> malformed = new HashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(VALID + MALFORMED);
        for (int i = 0; i < VALID; i++) {
            CommentEvent e = CommentEvent.newBuilder(sample.get(i % sample.size())).setId(id(i)).build();
            records.add(new ProducerRecord<>(topics.comments(), key(id(i)), codecs.comments().encode(topics.comments(), e)));
            if (i % (VALID / MALFORMED) == 0) {
                int n = malformed.size();
                String badId = "bad-" + n;
                byte[] value = bad.get(n % bad.size()).bytes();
                malformed.put(new String(key(badId), StandardCharsets.UTF_8), value);
                records.add(new ProducerRecord<>(topics.comments(), key(badId), value));
            }
        }
        assertThat(malformed).hasSize(MALFORMED);
        // One foreign record on the internal topic: the rewriter must dead-letter it, not skip or crash on it.
        byte[] foreign = "not a pending result".getBytes(StandardCharsets.UTF_8);
        malformed.put(TOXIC_GARBAGE_KEY, foreign);
        records.add(new ProducerRecord<>(topics.toxic(), TOXIC_GARBAGE_KEY.getBytes(StandardCharsets.UTF_8), foreign));
        IntegrationTestUtils.produceSynchronously(bootstrap, records);
        return malformed;
    }

    private static void verify(Outputs out, Map<String, byte[]> malformed, TopicNames topics) {
        Map<String, Integer> seen = new HashMap<>();
        Map<ModerationAction, Integer> actions = new HashMap<>();
        for (Outputs.Result r : out.results()) {
            ModerationResult m = r.value();
            seen.merge(m.getId(), 1, Integer::sum);
            actions.merge(m.getAction(), 1, Integer::sum);
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).as("key of %s", m.getId()).isEqualTo("k-" + m.getId());
            if (r.topic().equals(topics.review())) {
                assertThat(m.getAction()).isEqualTo(ModerationAction.HOLD);
                assertThat(m.getOutputText()).isEmpty();
                assertThat(m.getHoldReason()).isNotBlank();
            } else {
                assertThat(m.getAction()).isIn(ModerationAction.PASS, ModerationAction.REWRITE);
            }
            if (m.getAction() != ModerationAction.PASS) {
                assertThat(m.getExplanation()).as("explanation of %s %s", m.getAction(), m.getId()).isNotNull();
                assertThat(m.getExplanation().getSummary()).isNotBlank();
                assertThat(m.getExplanation().getSpans()).isNotNull();
                if (m.getTimings().getRewriteAttempts() == 0) {
                    // Held by the moderator itself (threat, self-harm, unsupported language): never rewritten.
                    assertThat(m.getAction()).isEqualTo(ModerationAction.HOLD);
                    assertThat(m.getHoldReason()).isIn("threat", "self_harm", "unsupported_language", "uncertain");
                    assertThat(m.getModels().getRewriter()).isNull();
                }
            } else {
                assertThat(m.getOutputText()).isEqualTo(m.getOriginalText());
            }
        }
        System.out.println("pipeline scenario actions: " + actions);
        assertThat(seen).hasSize(VALID);
        for (int i = 0; i < VALID; i++) {
            assertThat(seen.get(id(i))).as("results for %s", id(i)).isEqualTo(1);
        }
        assertThat(actions.getOrDefault(ModerationAction.PASS, 0)).isPositive();
        assertThat(actions.getOrDefault(ModerationAction.REWRITE, 0) + actions.getOrDefault(ModerationAction.HOLD, 0))
                .isPositive();

        Map<String, Integer> dead = new HashMap<>();
        for (ConsumerRecord<byte[], byte[]> r : out.dlq()) {
            String k = new String(r.key(), StandardCharsets.UTF_8);
            dead.merge(k, 1, Integer::sum);
            assertThat(r.value()).as("DLQ value of %s is unchanged", k).isEqualTo(malformed.get(k));
            assertThat(DlqHeaders.get(r.headers(), DlqHeaders.TOPIC))
                    .isEqualTo(k.equals(TOXIC_GARBAGE_KEY) ? topics.toxic() : topics.comments());
            assertThat(DlqHeaders.get(r.headers(), DlqHeaders.PARTITION)).isNotNull();
            assertThat(DlqHeaders.get(r.headers(), DlqHeaders.OFFSET)).isNotNull();
            assertThat(DlqHeaders.get(r.headers(), DlqHeaders.EXCEPTION)).isNotBlank();
            assertThat(DlqHeaders.get(r.headers(), DlqHeaders.REASON)).isNotBlank();
        }
        assertThat(dead).hasSize(MALFORMED + 1).allSatisfy((k, n) -> assertThat(n).as("DLQ copies of %s", k).isEqualTo(1));
    }

    static String id(int i) {
        return String.format("it-%05d", i);
    }

    private static byte[] key(String id) {
        return ("k-" + id).getBytes(StandardCharsets.UTF_8);
    }
}
