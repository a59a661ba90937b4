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
 *
 * <p>The kill lands while the rewriter holds a batch it has not committed: its backend is a chat model
 * ({@link FakeLlm}) that is made slow just before the kill, and the broker is killed once requests of a batch are in
 * flight. That batch's transaction then fails ({@code kafka.max.block.ms=10000} on the rewriter, shorter than the
 * outage, so the producer gives up instead of blocking through it), is aborted, and the batch is read again: the
 * proof asserts that transactions were aborted ({@code detox_rewriter_aborted_total}, and the worker's log).
 */
class BrokerOutageProofIT {

    static final int COMMENTS = 20_000;
    static final Duration OUTAGE = Duration.ofSeconds(30);

    private final StartedProcesses open = new StartedProcesses();
    private final ProofReport report = new ProofReport("broker-outage");

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    @Test
    void shouldRecoverOnTheirOwnAndDeliverEveryCommentExactlyOnceAfterA30SecondBrokerOutage() throws Exception {
        FakeLlm llm = new FakeLlm(0);
        open.add(llm);
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
        Map<String, String> settings = new java.util.HashMap<>(llm.rewriterSettings(10_000, 16));
        settings.putAll(Map.of("rewriter.group.id", "outage-rewriter-" + run,
                "rewriter.transactional.id", "outage-rewriter-" + run, "topics.create", "false",
                "kafka.max.block.ms", "10000"));
        StageProcess rewriter = stage(StageProcess.create("rewriter", "rewriter", "512m", bootstrap, settings));
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
            // The model turns slow, so the batch the rewriter is rewriting when the broker dies is committed after.
            llm.delay(2_000);
            int[] inFlight = {0};
            long waitUntil = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while ((inFlight[0] = llm.server().inFlight()) == 0 && System.nanoTime() < waitUntil) {
                Thread.sleep(5);
            }
            double abortedBefore = rewriter.meter("detox_rewriter_aborted_total");
            long down = System.nanoTime();
            broker.kill();
            llm.delay(0);
            report.line("broker killed (SIGKILL) at %d results, with %d request(s) of a rewriter batch in flight; "
                    + "down for %d s", ledger.distinct(), inFlight[0], OUTAGE.toSeconds());
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
            double aborted = rewriter.meter("detox_rewriter_aborted_total") - abortedBefore;
            String failedTx = rewriter.jvm().logText().lines().filter(l -> l.contains("transaction of")
                    && l.contains("failed")).findFirst().orElse("(none)");
            report.line("rewriter transactions aborted during the outage: %.0f; first: %s", aborted,
                    failedTx.length() > 300 ? failedTx.substring(0, 300) + "…" : failedTx);
            String firstError = (moderator.jvm().logText() + "\n" + rewriter.jvm().logText()).lines()
                    .filter(l -> l.contains(" ERROR ")).findFirst().orElse("(none)");
            report.line("first ERROR logged by a stage: %s",
                    firstError.length() > 300 ? firstError.substring(0, 300) + "…" : firstError);
            report.line("lost %d, duplicated %d (read_committed); moderator and rewriter started once each: %s",
                    lost, ledger.duplicates().size(), moderator.jvm().starts() == 1 && rewriter.jvm().starts() == 1);
            report.memory(List.of(moderator.jvm(), rewriter.jvm(), broker.jvm()));
            assertThat(inFlight[0]).as("the kill landed while the rewriter held a batch").isPositive();
            assertThat(aborted).as("rewriter transactions aborted (the abort/rewind path ran)").isGreaterThanOrEqualTo(1);
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
