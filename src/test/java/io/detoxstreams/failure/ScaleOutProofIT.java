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
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scale-out under crashes, each stage in its own JVM from the built jar against a broker in its own JVM: 3 moderators
 * and 2 rewriters on 6-partition topics, 50,000 comments; twice, at a random point, one moderator and one rewriter
 * are killed with SIGKILL and restarted. Read with read_committed, every comment must come out exactly once: 0 lost,
 * 0 duplicated. The comments arrive as a steady stream (~90 s), so both kills land mid-stream (asserted): the producer
 * holds the last fifth back until the second kill, however long the restart after the first took. Reports the
 * time to recover after each crash, each process's memory, and how long each took to stop on SIGTERM at the end (must
 * be at most 5 s, with a clean exit).
 */
class ScaleOutProofIT {

    static final int COMMENTS = 50_000;
    static final int PARTITIONS = 6;
    /** The producer sends the comments from here on only after the second kill. */
    static final int HELD_BACK_FROM = COMMENTS * 4 / 5;

    private final StartedProcesses open = new StartedProcesses();
    private final ProofReport report = new ProofReport("scale-out");

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    @Test
    void shouldDeliverEveryCommentExactlyOnceThroughKilledModeratorsAndRewriters() throws Exception {
        long seed = Long.getLong("proof.seed", System.nanoTime());
        Random random = new Random(seed);
        report.line("seed %d (rerun with -Dproof.seed=%d)", seed, seed);
        BrokerProcess broker = BrokerProcess.create("scale-broker", Map.of());
        open.add(broker);
        broker.start();
        String bootstrap = broker.bootstrapServers();
        TopicNames topics = TopicNames.defaults();
        ProofInputs.createTopics(bootstrap, topics, PARTITIONS);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<StageProcess> moderators = new ArrayList<>();
        List<StageProcess> rewriters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            moderators.add(stage(StageProcess.create("moderator-" + i, "moderator", "640m", bootstrap, Map.of(
                    "application.id", "proof-moderator-" + run,
                    "kafka.state.dir", "target/failure-proofs/state-" + run + "/moderator-" + i,
                    "topics.create", "false", "topics.partitions", String.valueOf(PARTITIONS),
                    "kafka.session.timeout.ms", "10000", "kafka.heartbeat.interval.ms", "1000"))));
        }
        for (int i = 0; i < 2; i++) {
            rewriters.add(stage(StageProcess.create("rewriter-" + i, "rewriter", "512m", bootstrap, Map.of(
                    "rewriter.group.id", "proof-rewriter-" + run,
                    "rewriter.transactional.id", "proof-rewriter-" + run + "-" + i,
                    "topics.create", "false",
                    "kafka.session.timeout.ms", "10000", "kafka.heartbeat.interval.ms", "1000"))));
        }
        long t0 = System.nanoTime();
        for (StageProcess s : all(moderators, rewriters)) {
            s.start();
        }
        for (StageProcess s : all(moderators, rewriters)) {
            s.awaitHealthy(Duration.ofMinutes(3));
        }
        report.line("3 moderators and 2 rewriters healthy %.1f s after start", (System.nanoTime() - t0) / 1e9);

        Codec<CommentEvent> comments = Codecs.avro().comments();
        try (OutputLedger ledger = new OutputLedger(bootstrap, topics, Codecs.avro().results(), true);
             KafkaProducer<byte[], byte[]> producer = ProofInputs.producer(bootstrap, 1024 * 1024)) {
            // A steady stream (about 90 s at ~550 comments/s), so that both kill rounds land mid-stream even though a
            // restarted instance takes a while to become healthy on 2 busy cores.
            long p0 = System.nanoTime();
            CountDownLatch secondKill = new CountDownLatch(1);
            CompletableFuture<List<Future<?>>> sending = CompletableFuture.supplyAsync(() -> {
                List<Future<?>> acks = new ArrayList<>(COMMENTS);
                for (int i = 0; i < COMMENTS; i++) {
                    if (i == HELD_BACK_FROM) {
                        await(secondKill);
                    }
                    acks.add(producer.send(ProofInputs.record(topics.comments(), comments, "s", i, null)));
                    if (i % 50 == 49) {
                        pause(90);
                    }
                }
                return acks;
            });

            double[] killAt = {0.15 + 0.2 * random.nextDouble(), 0.55 + 0.2 * random.nextDouble()};
            List<long[]> kills = new ArrayList<>();
            try {
                for (int k = 0; k < killAt.length; k++) {
                    double f = killAt[k];
                    // A slow restart after the first kill may have let the stream run past the second point: kill
                    // then a little later than now, still before the held-back fifth, so that comments are in flight.
                    int at = k == 0 ? (int) (COMMENTS * f) : Math.min(Math.max((int) (COMMENTS * f),
                            ledger.distinct() + 1_000), HELD_BACK_FROM - 1_000);
                    assertThat(ledger.awaitDistinct(at, Duration.ofMinutes(4))).as("%d results before the kill", at).isTrue();
                    assertThat(ledger.distinct()).as("the kill lands mid-stream, or this run proves nothing")
                            .isLessThan(COMMENTS * 9 / 10);
                    StageProcess m = moderators.get(random.nextInt(moderators.size()));
                    StageProcess r = rewriters.get(random.nextInt(rewriters.size()));
                    long killed = System.nanoTime();
                    m.jvm().kill();
                    r.jvm().kill();
                    if (k == killAt.length - 1) {
                        secondKill.countDown();
                    }
                    report.line("kill -9 %s and %s at %d results (%.0f %%)", m.name(), r.name(), ledger.distinct(),
                            100.0 * at / COMMENTS);
                    m.start();
                    r.start();
                    m.awaitHealthy(Duration.ofMinutes(3));
                    r.awaitHealthy(Duration.ofMinutes(3));
                    report.line("  restarted %s and %s healthy %.1f s after the kill", m.name(), r.name(),
                            (System.nanoTime() - killed) / 1e9);
                    kills.add(new long[] {killed});
                }
            } finally {
                secondKill.countDown(); // also when a round failed: the producer must not wait for it
            }
            for (Future<?> ack : sending.get()) {
                ack.get();
            }
            report.line("produced %d comments in %.1f s", COMMENTS, (System.nanoTime() - p0) / 1e9);
            boolean complete = ledger.awaitDistinct(COMMENTS, Duration.ofMinutes(5));
            Thread.sleep(3_000);   // duplicates, if any, would arrive now
            long end = System.nanoTime();
            report.line("%d of %d comments out in %.1f s; %d result records read", ledger.distinct(), COMMENTS,
                    (end - p0) / 1e9, ledger.results());
            for (long[] k : kills) {
                report.line("  recovery after a kill: longest stall of a partition %d ms (of all output %d ms)",
                        ledger.recoveryMillis(k[0], PARTITIONS, Duration.ofSeconds(90)),
                        ledger.longestStallMillis(k[0], Math.min(end, k[0] + Duration.ofSeconds(90).toNanos())));
            }
            report.memory(all(moderators, rewriters).stream().map(StageProcess::jvm).toList());
            report.memory(List.of(broker.jvm()));

            int lost = 0;
            for (int i = 0; i < COMMENTS; i++) {
                lost += ledger.count(ProofInputs.id("s", i)) == 0 ? 1 : 0;
            }
            Map<String, Integer> duplicated = ledger.duplicates();
            report.line("lost %d, duplicated %d (read_committed)", lost, duplicated.size());
            assertThat(complete).as("every comment came out").isTrue();
            assertThat(lost).as("lost").isZero();
            assertThat(duplicated).as("duplicated").isEmpty();
            assertThat(ledger.deadLetters()).as("no valid comment is dead-lettered").isEmpty();
        }
        for (StageProcess s : all(moderators, rewriters)) {
            long ms = s.jvm().terminate(Duration.ofSeconds(30));
            report.line("SIGTERM %s: exited %d in %d ms", s.name(), ms < 0 ? -1 : s.jvm().exitCode(), ms);
            assertThat(ms).as("%s stops within 5 s", s.name()).isBetween(0L, 5_000L);
            assertThat(s.jvm().exitCode()).as("%s exit code", s.name()).isZero();
            assertThat(s.jvm().logText()).as("%s logs its stop", s.name()).containsPattern("(moderator|rewriter) stopped");
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("the second kill never came");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private StageProcess stage(StageProcess s) {
        open.add(s);
        return s;
    }

    private static List<StageProcess> all(List<StageProcess> a, List<StageProcess> b) {
        List<StageProcess> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
