package io.detoxstreams.failure;

import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModerationPolicy;
import io.detoxstreams.moderator.ModeratorVerdicts;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.TestModels;
import io.detoxstreams.worker.BatchRewriter;
import io.detoxstreams.worker.RewriterClients;
import io.detoxstreams.worker.RewriterObserver;
import io.detoxstreams.worker.RewriterWorker;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker (its own JVM) is killed with SIGKILL exactly while the rewriter commits a transaction, and comes back
 * 15 s later. The real client's commit then times out ({@code kafka.max.block.ms=5000}); it may still complete on the
 * broker, so the client allows only retrying it — an abort throws {@code IllegalStateException}, which stopped the
 * worker before it retried commits (the cause of a {@link BrokerOutageProofIT} failure in CI, where the broker's
 * transaction coordinator took longer than {@code max.block.ms} to load after the restart). Asserted: the worker
 * retried the commit, lives on, and every pending comment comes out exactly once (read_committed).
 *
 * <p>The worker runs in this JVM with real Kafka clients; the only hook is a {@link KafkaProducer} subclass that kills
 * the broker just before its first {@code commitTransaction}.
 */
class CommitTimeoutProofIT {

    static final int COMMENTS = 300;
    static final Duration OUTAGE = Duration.ofSeconds(15);

    private final StartedProcesses open = new StartedProcesses();
    private final ProofReport report = new ProofReport("commit-timeout");

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    @Test
    void shouldRetryACommitTheBrokerDidNotAnswerAndDeliverTheBatchExactlyOnce() throws Exception {
        BrokerProcess broker = BrokerProcess.create("commit-broker", Map.of());
        open.add(broker);
        broker.start();
        String bootstrap = broker.bootstrapServers();
        TopicNames topics = TopicNames.defaults();
        ProofInputs.createTopics(bootstrap, topics, 2);
        Codec<ModerationResult> codec = Codecs.avro().results();
        produceToxic(bootstrap, topics, codec);

        String run = UUID.randomUUID().toString().substring(0, 8);
        DetoxConfig config = new DetoxConfig(Map.of(DetoxConfig.BOOTSTRAP_SERVERS, bootstrap,
                DetoxConfig.REWRITER_GROUP_ID, "commit-rewriter-" + run,
                DetoxConfig.REWRITER_TRANSACTIONAL_ID, "commit-rewriter-" + run, "kafka.max.block.ms", "5000"));
        AtomicBoolean killed = new AtomicBoolean();
        AtomicReference<Throwable> restartFailure = new AtomicReference<>();
        Thread restarter = new Thread(() -> {
            try {
                Thread.sleep(OUTAGE.toMillis());
                broker.start();
            } catch (Exception e) {
                restartFailure.set(e);
            }
        }, "broker-restarter");
        KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(RewriterClients.producerProperties(config)) {
            @Override
            public void commitTransaction() {
                if (killed.compareAndSet(false, true)) {
                    try {
                        broker.kill();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    report.line("broker killed (SIGKILL) just before the rewriter's first commit; back in %d s",
                            OUTAGE.toSeconds());
                    restarter.start();
                }
                super.commitTransaction();
            }
        };
        Models models = TestModels.bundle();
        RewriterWorker worker = new RewriterWorker(RewriterWorker.Settings.from(config),
                RewriterClients.consumer(config), producer,
                new BatchRewriter(models.detoxifier(), 3, 200, Clock.systemUTC()), codec, RewriterObserver.NONE);
        Thread loop = new Thread(worker, "rewriter");
        try (OutputLedger ledger = new OutputLedger(bootstrap, topics, codec, true)) {
            long t0 = System.nanoTime();
            loop.start();
            boolean complete = ledger.awaitDistinct(COMMENTS, Duration.ofMinutes(3));
            restarter.join(Duration.ofMinutes(2).toMillis());
            Thread.sleep(2_000);
            int lost = 0;
            for (int i = 0; i < COMMENTS; i++) {
                lost += ledger.count(ProofInputs.id("t", i)) == 0 ? 1 : 0;
            }
            report.line("commits that timed out and were retried: %d; transactions aborted: %d; worker %s; "
                            + "%d of %d out after %.1f s; lost %d, duplicated %d (read_committed)",
                    worker.stats().commitRetries(), worker.stats().aborted(), worker.state(), ledger.distinct(),
                    COMMENTS, (System.nanoTime() - t0) / 1e9, lost, ledger.duplicates().size());
            assertThat(killed).as("the broker was killed during a commit").isTrue();
            assertThat(restartFailure.get()).as("the broker came back").isNull();
            assertThat(worker.stats().commitRetries()).as("the timed-out commit was retried").isPositive();
            assertThat(worker.state()).as("the worker lives on").isEqualTo(RewriterWorker.State.RUNNING);
            assertThat(complete).as("every comment came out").isTrue();
            assertThat(lost).as("lost").isZero();
            assertThat(ledger.duplicates()).as("duplicated").isEmpty();
        } finally {
            worker.close();
            worker.join(Duration.ofSeconds(30));
        }
    }

    /** {@code COMMENTS} pending results (what the moderator writes for a toxic comment) on comments.toxic. */
    private static void produceToxic(String bootstrap, TopicNames topics, Codec<ModerationResult> codec)
            throws Exception {
        Models m = TestModels.bundle();
        String[] toxic = {"You are a stupid idiot and everybody hates you.", "shut up you worthless moron",
            "what a dumb idiot you are", "you are such a pathetic loser", "this idiot has no clue"};
        try (KafkaProducer<byte[], byte[]> producer = ProofInputs.producer(bootstrap, 1024 * 1024)) {
            for (int i = 0; i < COMMENTS; i++) {
                String text = toxic[i % toxic.length];
                String id = ProofInputs.id("t", i);
                LanguageGuess g = m.languageDetector().detect(text, "en");
                Comment c = new Comment(id, "k" + i, null, null, text, "en", 1L, 2L, null, Map.of());
                var tox = m.classifier().classify(text, g.lang());
                ModerationResult pending = ModeratorVerdicts.of(c, g, tox,
                        ModerationPolicy.defaults(m.classifier()).decide(text, g, tox), 1, 1, 3L);
                producer.send(new ProducerRecord<>(topics.toxic(), ("k" + i).getBytes(StandardCharsets.UTF_8),
                        codec.encode(topics.toxic(), pending))).get();
            }
        }
    }
}
