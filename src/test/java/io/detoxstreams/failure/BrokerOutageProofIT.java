package io.detoxstreams.failure;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broker, in its own JVM, is killed with SIGKILL mid-stream, stays down for 30 s, and comes back on the same
 * ports and data. The moderator and the rewriter (each in its own JVM) must recover on their own — no restart — and
 * every comment, including those produced while the broker was down, must come out exactly once (read_committed).
 */
class BrokerOutageProofIT {

    static final int COMMENTS = 20_000;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final ProofReport report = new ProofReport("broker-outage");

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    @Test
    void shouldRecoverOnTheirOwnAndDeliverEveryCommentExactlyOnceAfterA30SecondBrokerOutage() throws Exception {
        BrokerProcess broker = BrokerProcess.create("outage-broker", Map.of());
        open.add(broker);
        broker.start();
        String bootstrap = broker.bootstrapServers();
        TopicNames topics = TopicNames.defaults();
        ProofInputs.createTopics(bootstrap, topics, 3);
        String run = UUID.randomUUID().toString().substring(0, 8);
        StageProcess moderator = stage(StageProcess.create("moderator", "moderator", "640m", bootstrap, Map.of(
                "application.id", "outage-moderator-" + run, "topics.create", "false", "topics.partitions", "3",
                "kafka.state.dir", "target/failure-proofs/state-" + run + "/moderator")));
        StageProcess rewriter = stage(StageProcess.create("rewriter", "rewriter", "512m", bootstrap, Map.of(
                "rewriter.group.id", "outage-rewriter-" + run, "rewriter.transactional.id", "outage-rewriter-" + run,
                "topics.create", "false")));
        moderator.start();
        rewriter.start();
        moderator.awaitHealthy(Duration.ofMinutes(3));
        rewriter.awaitHealthy(Duration.ofMinutes(3));

        Codec<CommentEvent> codec = Codecs.avro().comments();
        try (OutputLedger ledger = new OutputLedger(bootstrap, topics, Codecs.avro().results(), true);
             KafkaProducer<byte[], byte[]> producer = ProofInputs.producer(bootstrap, 1024 * 1024)) {
            // A steady stream of ~500 comments/s that keeps going while the broker is down (the producer buffers).
            CompletableFuture<List<Future<?>>> sending = CompletableFuture.supplyAsync(() -> {
                List<Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < COMMENTS; i++) {
                    acks.add(producer.send(ProofInputs.record(topics.comments(), codec, "o", i, null)));
                    if (i % 50 == 49) {
                        sleep(100);
                    }
                }
                return acks;
            });
            assertThat(ledger.awaitDistinct(COMMENTS / 5, Duration.ofMinutes(3))).isTrue();
            long down = System.nanoTime();
            broker.kill();
            report.line("broker killed (SIGKILL) at %d results; down for %d s", ledger.distinct(), OUTAGE.toSeconds());
            Thread.sleep(OUTAGE.toMillis());
            assertThat(moderator.jvm().alive() && rewriter.jvm().alive()).as("both stages survive the outage").isTrue();
            int before = ledger.distinct();
            long up = System.nanoTime();
            broker.start();
            report.line("broker back %.1f s after the kill", (up - down) / 1e9);
            for (Future<?> ack : sending.get()) {
                ack.get();
            }
            boolean complete = ledger.awaitDistinct(COMMENTS, Duration.ofMinutes(4));
            Thread.sleep(3_000);
            long end = System.nanoTime();
            report.line("results flowing again %d ms after the broker came back (longest stall of a partition after it: %d ms); "
                    + "%d of %d out %.1f s after the restart", firstAfter(ledger, up, before),
                    ledger.recoveryMillis(up, 3, Duration.ofSeconds(90)), ledger.distinct(), COMMENTS, (end - up) / 1e9);
            int lost = 0;
            for (int i = 0; i < COMMENTS; i++) {
                lost += ledger.count(ProofInputs.id("o", i)) == 0 ? 1 : 0;
            }
            report.line("lost %d, duplicated %d (read_committed); moderator and rewriter started once each: %s",
                    lost, ledger.duplicates().size(), moderator.jvm().starts() == 1 && rewriter.jvm().starts() == 1);
            report.memory(List.of(moderator.jvm(), rewriter.jvm(), broker.jvm()));
            assertThat(complete).as("every comment came out").isTrue();
            assertThat(lost).as("lost").isZero();
            assertThat(ledger.duplicates()).as("duplicated").isEmpty();
            assertThat(moderator.jvm().alive() && rewriter.jvm().alive()).as("both stages still running").isTrue();
            moderator.awaitHealthy(Duration.ofMinutes(1));
            rewriter.awaitHealthy(Duration.ofMinutes(1));
        }
    }

    /** Milliseconds from {@code t0} until the first new result. */
    private static long firstAfter(OutputLedger ledger, long t0, int before) {
        return ledger.firstNewResultMillis(t0);
    }

    private StageProcess stage(StageProcess s) {
        open.add(s);
        return s;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
