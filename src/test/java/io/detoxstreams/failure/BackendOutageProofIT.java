package io.detoxstreams.failure;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.FakeChatServer;
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
 * The rewriter's backend goes away for 30 s mid-stream and comes back. Broker, moderator and rewriter each run in
 * their own JVM from the built jar; the rewriter's chain is {@code chat:fake} alone — an OpenAI-compatible server
 * (the protocol-level {@link FakeChatServer} on 127.0.0.1, in this JVM) with no local fallback, so the only way not to
 * hold a comment during the outage is to stop and wait. (A chain with a local fallback, {@code chat:fake,embedded},
 * degrades to it instead of pausing: {@code BackendUnavailabilityTest}.) The fake answers HTTP 500 for 15 s, then
 * hangs past the client's timeout for 15 s, then answers again. Guarantees:
 * <ul>
 *   <li>every comment comes out exactly once (read_committed): 0 lost, 0 duplicated;</li>
 *   <li>no comment is held because of the outage: not one {@code backend_failed};</li>
 *   <li>consumption pauses instead of spinning: no rewriter result during the outage, a bounded number of requests
 *       reach the server (circuit breaker), {@code detox_rewriter_backend_unavailable_total} grows by a bounded
 *       number of paused batches (exponential backoff), and the rewriter group's lag grows, then drains;</li>
 *   <li>the rewriter recovers on its own (started once); the time to the first result and to a drained lag is
 *       reported.</li>
 * </ul>
 */
class BackendOutageProofIT {

    static final int COMMENTS = 4_000;
    static final int PARTITIONS = 3;
    static final Duration ERRORS = Duration.ofSeconds(15);
    static final Duration HANGS = Duration.ofSeconds(15);
    /** The chat client's timeout per request, and the worker's longest pause. */
    static final long TIMEOUT_MS = 1_000;
    static final long BACKOFF_MAX_MS = 2_000;

    private final StartedProcesses open = new StartedProcesses();
    private final ProofReport report = new ProofReport("backend-outage");

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    @Test
    void shouldPauseInsteadOfHoldingOrSpinningWhileTheChatBackendIsDownAndDeliverEveryCommentOnce() throws Exception {
        FakeLlm llm = new FakeLlm(5 * TIMEOUT_MS);
        open.add(llm);
        FakeChatServer fake = llm.server();
        BrokerProcess broker = BrokerProcess.create("backend-broker", Map.of());
        open.add(broker);
        broker.start();
        String bootstrap = broker.bootstrapServers();
        TopicNames topics = TopicNames.defaults();
        ProofInputs.createTopics(bootstrap, topics, PARTITIONS);
        String run = UUID.randomUUID().toString().substring(0, 8);
        StageProcess moderator = stage(StageProcess.create("backend-moderator", "moderator", "640m", bootstrap, Map.of(
                "application.id", "backend-moderator-" + run, "topics.create", "false",
                "topics.partitions", String.valueOf(PARTITIONS),
                "kafka.state.dir", "target/failure-proofs/state-" + run + "/moderator")));
        Map<String, String> settings = new java.util.HashMap<>(llm.rewriterSettings(TIMEOUT_MS, 8));
        settings.putAll(Map.of("rewriter.group.id", "backend-rewriter-" + run,
                "rewriter.transactional.id", "backend-rewriter-" + run, "topics.create", "false",
                "rewriter.retry.backoff.max.ms", String.valueOf(BACKOFF_MAX_MS)));
        StageProcess rewriter = stage(StageProcess.create("backend-rewriter", "rewriter", "512m", bootstrap,
                settings));
        moderator.start();
        rewriter.start();
        moderator.awaitHealthy(Duration.ofMinutes(3));
        rewriter.awaitHealthy(Duration.ofMinutes(3));

        Codec<CommentEvent> codec = Codecs.avro().comments();
        try (OutputLedger ledger = new OutputLedger(bootstrap, topics, Codecs.avro().results(), true);
             ConsumerLag lag = new ConsumerLag(bootstrap, "backend-rewriter-" + run, topics.toxic(), PARTITIONS);
             KafkaProducer<byte[], byte[]> producer = ProofInputs.producer(bootstrap, 1024 * 1024)) {
            // A steady stream of ~80 comments/s for ~50 s, so comments keep arriving through the whole outage.
            CompletableFuture<List<Future<?>>> sending = CompletableFuture.supplyAsync(() -> {
                List<Future<?>> acks = new ArrayList<>();
                for (int i = 0; i < COMMENTS; i++) {
                    acks.add(producer.send(ProofInputs.record(topics.comments(), codec, "b", i, null)));
                    if (i % 40 == 39) {
                        sleep(500);
                    }
                }
                return acks;
            });
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (byRewriter(ledger) < 50 && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(byRewriter(ledger)).as("the rewriter was working before the outage").isGreaterThanOrEqualTo(50);

            double unavailableBefore = rewriter.meter("detox_rewriter_backend_unavailable_total");
            int requestsBefore = fake.requests();
            long down = System.nanoTime();
            llm.mode(FakeLlm.Mode.ERRORS);
            report.line("chat backend down at %d results (%d by the rewriter): HTTP 500 for %d s, then no answer "
                    + "(client timeout %d ms) for %d s", ledger.distinct(), byRewriter(ledger), ERRORS.toSeconds(),
                    TIMEOUT_MS, HANGS.toSeconds());
            Thread.sleep(ERRORS.toMillis());
            int requestsOnErrors = fake.requests() - requestsBefore;
            llm.mode(FakeLlm.Mode.HANGS);
            Thread.sleep(HANGS.toMillis());
            long up = System.nanoTime();
            llm.mode(FakeLlm.Mode.UP);
            int requests = fake.requests() - requestsBefore;
            double unavailable = rewriter.meter("detox_rewriter_backend_unavailable_total") - unavailableBefore;
            long quiet = down + Duration.ofSeconds(5).toNanos();
            int byRewriterDuring = rewriterResultsBetween(ledger, quiet, up, false);
            int rewrittenDuring = rewriterResultsBetween(ledger, quiet, up, true);
            int byModeratorDuring = moderatorResultsBetween(ledger, down, up);
            report.line("during the %d s outage: %d requests reached the server (%d of them in the %d s of 500s), "
                    + "%.0f batches put back (detox_rewriter_backend_unavailable_total), %d rewriter results after "
                    + "its first 5 s (%d REWRITE), %d moderator PASS results", (up - down) / 1_000_000_000, requests,
                    requestsOnErrors, ERRORS.toSeconds(), unavailable, byRewriterDuring, rewrittenDuring,
                    byModeratorDuring);

            for (Future<?> ack : sending.get()) {
                ack.get();
            }
            boolean complete = ledger.awaitDistinct(COMMENTS, Duration.ofMinutes(2));
            Thread.sleep(3_000);
            long end = System.nanoTime();
            long lagAtDown = lag.at(down);
            long lagPeak = lag.max(down, up + Duration.ofSeconds(5).toNanos());
            long caughtUpMillis = lag.millisUntilAtMost(up, Math.max(lagAtDown, PARTITIONS) + 20);
            long lagAtEnd = lag.at(end);
            report.line("rewriter results flowing again %d ms after the backend came back; lag of the rewriter group "
                    + "on %s: %d when it went down, peak %d, back to <= %d %d ms after it came back, %d at the end "
                    + "(1 per partition: the commit marker); all %d comments out %.1f s after it came back",
                    firstRewriterResultAfter(ledger, up), topics.toxic(), lagAtDown, lagPeak,
                    Math.max(lagAtDown, PARTITIONS) + 20, caughtUpMillis, lagAtEnd, COMMENTS,
                    (lastOut(ledger) - up) / 1e9);
            int lost = 0;
            for (int i = 0; i < COMMENTS; i++) {
                lost += ledger.count(ProofInputs.id("b", i)) == 0 ? 1 : 0;
            }
            Map<String, OutputLedger.Outcome> outcomes = ledger.outcomes();
            long backendFailed = outcomes.values().stream().filter(o -> "backend_failed".equals(o.holdReason())).count();
            Map<String, Long> byAction = new java.util.TreeMap<>();
            outcomes.values().stream().filter(OutputLedger.Outcome::byRewriter).forEach(o -> byAction.merge(
                    o.action() + (o.holdReason() == null ? "" : "/" + o.holdReason()), 1L, Long::sum));
            report.line("lost %d, duplicated %d (read_committed), held backend_failed %d; rewriter results %s; "
                    + "rewriter started once: %s", lost, ledger.duplicates().size(), backendFailed, byAction,
                    rewriter.jvm().starts() == 1);
            report.memory(List.of(moderator.jvm(), rewriter.jvm(), broker.jvm()));

            assertThat(complete).as("every comment came out").isTrue();
            assertThat(lost).as("lost").isZero();
            assertThat(ledger.duplicates()).as("duplicated").isEmpty();
            assertThat(backendFailed).as("comments held backend_failed because of the outage").isZero();
            assertThat(outcomes.values()).filteredOn(o -> "REWRITE".equals(o.action())).isNotEmpty()
                    .allSatisfy(o -> assertThat(o.backend()).startsWith("chat:fake"));
            assertThat(rewrittenDuring).as("rewrites published while the only backend was down").isZero();
            assertThat(byModeratorDuring).as("the moderator kept publishing PASS results").isPositive();
            // Breaker: 5 failed requests (x2 with the retry) plus those in flight open it; then one trial (x2) per
            // 2 s. A loop that did not pause or skip would send thousands.
            assertThat(requests).as("requests reaching the down server in 30 s").isBetween(5, 150);
            // Backoff from 200 ms doubling to 2 s, plus 3 quick attempts per try: at most ~15 tries in 30 s.
            assertThat(unavailable).as("batches put back during the outage").isBetween(3.0, 30.0);
            assertThat(lagPeak).as("lag grew while paused").isGreaterThan(lagAtDown + 100);
            assertThat(caughtUpMillis).as("lag back to its level before the outage").isBetween(0L, 90_000L);
            assertThat(lagAtEnd).as("lag drained at the end").isBetween(0L, (long) PARTITIONS);
            assertThat(rewriter.jvm().alive() && rewriter.jvm().starts() == 1).as("rewriter up, never restarted")
                    .isTrue();
            rewriter.awaitHealthy(Duration.ofSeconds(30));
        }
    }

    private static int byRewriter(OutputLedger ledger) {
        return (int) ledger.outcomes().values().stream().filter(OutputLedger.Outcome::byRewriter).count();
    }

    private static int rewriterResultsBetween(OutputLedger ledger, long from, long to, boolean rewritesOnly) {
        return (int) ledger.outcomes().values().stream()
                .filter(o -> o.byRewriter() && o.nanos() >= from && o.nanos() <= to)
                .filter(o -> !rewritesOnly || "REWRITE".equals(o.action())).count();
    }

    private static long lastOut(OutputLedger ledger) {
        return ledger.outcomes().values().stream().mapToLong(OutputLedger.Outcome::nanos).max().orElse(0);
    }

    private static int moderatorResultsBetween(OutputLedger ledger, long from, long to) {
        return (int) ledger.outcomes().values().stream()
                .filter(o -> !o.byRewriter() && o.nanos() >= from && o.nanos() <= to).count();
    }

    private static long firstRewriterResultAfter(OutputLedger ledger, long t0) {
        return ledger.outcomes().values().stream().filter(o -> o.byRewriter() && o.nanos() > t0)
                .mapToLong(o -> (o.nanos() - t0) / 1_000_000).min().orElse(-1);
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
