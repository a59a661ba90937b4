package io.detoxstreams.worker;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RecordSize;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorVerdicts;
import io.detoxstreams.rewrite.BackendUnavailableException;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.FakeChatServer;
import io.detoxstreams.testing.FakeChatServer.Reply;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewriter's transactional loop with the real embedded detoxifier and Kafka's mock clients (handed in), so the
 * failure paths can be driven: a backend outage (consumption pauses, nothing held), a transaction the broker keeps
 * failing (cause logged, the culprit dead-lettered after rewriter.max.attempts), a result too large to write, and a
 * prompt stop.
 */
class RewriterWorkerTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final TopicPartition TP = new TopicPartition(TOPICS.toxic(), 0);
    private static final String[] TOXIC = {
        "You are a stupid idiot and everybody hates you.", "shut up you worthless moron", "what a dumb idiot you are",
        "you are such a pathetic loser", "this idiot has no clue", "stop being a moron"};

    private final Codec<ModerationResult> codec = Codecs.avro().results();
    private final ReplayingConsumer consumer = new ReplayingConsumer();
    private final MockProducer<byte[], byte[]> mock = new MockProducer<>(true, null, new ByteArraySerializer(),
            new ByteArraySerializer());
    private Thread thread;
    private RewriterWorker worker;

    @AfterEach
    void stop() throws Exception {
        if (worker != null) {
            worker.close();
            thread.join(5_000);
        }
    }

    @Test
    void shouldCommitEveryResultWithItsOutcomeAndOffsetsInOneTransaction() throws Exception {
        start(TestModels.bundle().detoxifier(), mock, 1_000_000);
        feed(3, 0);
        await(() -> mock.commitCount() == 1);
        assertThat(results()).extracting(ModerationResult::getId).containsExactly("c0", "c1", "c2");
        assertThat(mock.history()).filteredOn(r -> r.topic().equals(TOPICS.outcomes())).hasSize(3);
        assertThat(mock.consumerGroupOffsetsHistory().get(0).values().iterator().next().get(TP).offset()).isEqualTo(3);
    }

    @Test
    void shouldPauseConsumptionAndHoldNothingWhileTheBackendIsUnavailable() throws Exception {
        Detoxifier real = TestModels.bundle().detoxifier();
        long outageEnds = System.nanoTime() + Duration.ofMillis(1_500).toNanos();
        AtomicInteger calls = new AtomicInteger();
        boolean[] sawPaused = {false};
        Detoxifier failing = requests -> {
            calls.incrementAndGet();
            if (System.nanoTime() < outageEnds) {
                throw new BackendUnavailableException("HTTP 503 from the chat backend");
            }
            return real.detoxifyBatch(requests);
        };
        start(failing, mock, 1_000_000);
        feed(4, 0);
        while (System.nanoTime() < outageEnds) {
            sawPaused[0] |= worker.paused();
            assertThat(mock.history()).as("nothing is written during the outage").isEmpty();
            Thread.sleep(5);
        }
        await(() -> mock.commitCount() == 1);
        assertThat(sawPaused[0]).as("consumption was paused").isTrue();
        List<ModerationResult> out = results();
        assertThat(out).extracting(ModerationResult::getId).containsExactly("c0", "c1", "c2", "c3");
        assertThat(out).noneMatch(r -> "backend_failed".equals(r.getHoldReason()));
        // Backoff 20 ms doubling to 200 ms (and one retry inside BatchRewriter per try): a few dozen calls in 1.5 s
        // at most, where a spinning loop would make thousands.
        assertThat(calls.get()).isBetween(3, 40);
    }

    @Test
    void shouldPauseAndHoldNothingWhileTheChatBackendOfAChatOnlyChainAnswers500s() throws Exception {
        java.util.concurrent.atomic.AtomicLong outageEnds = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        try (FakeChatServer server = FakeChatServer.start((comment, attempt) -> System.nanoTime() < outageEnds.get()
                ? Reply.status(500, Map.of()) : Reply.rewrite(comment.replaceAll("(?i)(stupid|dumb|idiot|moron) ?", ""),
                "Removed the insult."));
             Models models = ModelFactory.load(new DetoxConfig(Map.of("rewriter.chain", "chat:fake",
                     "chat.fake.url", server.url(), "chat.fake.model", "fake-llm", "chat.fake.max.retries", "0",
                     "chat.fake.breaker.failures", "2", "chat.fake.breaker.open.ms", "100")), null, Map.of())) {
            Detoxifier chatOnly = models.detoxifier();
            start(chatOnly, mock, 1_000_000);
            feed(6, 0);
            outageEnds.set(System.nanoTime() + Duration.ofMillis(1_500).toNanos());
            while (System.nanoTime() < outageEnds.get()) {
                assertThat(mock.history()).as("nothing is written during the outage").isEmpty();
                Thread.sleep(5);
            }
            int duringOutage = server.requests();
            await(() -> mock.commitCount() == 1);
            List<ModerationResult> out = results();
            assertThat(out).extracting(ModerationResult::getId).containsExactly("c0", "c1", "c2", "c3", "c4", "c5");
            assertThat(out).noneMatch(r -> "backend_failed".equals(r.getHoldReason()));
            assertThat(out).filteredOn(r -> r.getAction() == ModerationAction.REWRITE).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.getExplanation().getBackend()).startsWith("chat:fake"));
            // The breaker opens after 2 failed requests and lets one trial through every 100 ms; the worker pauses
            // 20 ms doubling to 200 ms between tries: some dozens of requests in 1.5 s, not thousands.
            assertThat(duringOutage).isBetween(2, 80);
        }
    }

    @Test
    void shouldLogTheCauseAndDeadLetterTheInputWhoseOutputTheBrokerKeepsRefusing() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        ((Logger) LoggerFactory.getLogger(RewriterWorker.class)).addAppender(logs);
        try {
            RefusingProducer refusing = new RefusingProducer(mock, "k2", Integer.MAX_VALUE,
                    () -> new RecordTooLargeException("The message is 1200000 bytes when serialized"));
            start(TestModels.bundle().detoxifier(), refusing, 1_000_000);
            feed(4, 0);
            await(() -> mock.commitCount() == 1);
            assertThat(worker.stats().aborted()).isEqualTo(3);
            assertThat(results()).extracting(ModerationResult::getId).containsExactly("c0", "c1", "c3");
            List<ProducerRecord<byte[], byte[]>> dead = dlq();
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("k2");
            assertThat(DlqHeaders.get(dead.get(0).headers(), DlqHeaders.REASON)).isEqualTo("too_large");
            assertThat(DlqHeaders.get(dead.get(0).headers(), DlqHeaders.OFFSET)).isEqualTo("2");
            assertThat(logs.list).filteredOn(e -> e.getFormattedMessage().contains("transaction of")).hasSize(3)
                    .allSatisfy(e -> assertThat(e.getFormattedMessage())
                            .contains("RecordTooLargeException", "from input " + TOPICS.toxic() + "-0@2"));
        } finally {
            ((Logger) LoggerFactory.getLogger(RewriterWorker.class)).detachAppender(logs);
        }
    }

    @Test
    void shouldNeverDeadLetterARecordWhoseSendsTimedOutWhileTheBrokerWasAway() throws Exception {
        // Five transactions in a row fail with a retriable timeout on k1's output (more than rewriter.max.attempts):
        // the broker's trouble, not the record's. It must come out as a result once the broker answers again.
        RefusingProducer timingOut = new RefusingProducer(mock, "k1", 5,
                () -> new org.apache.kafka.common.errors.TimeoutException("Topic comments.review not present in "
                        + "metadata after 10000 ms."));
        start(TestModels.bundle().detoxifier(), timingOut, 1_000_000);
        feed(3, 0);
        await(() -> mock.commitCount() == 1);
        assertThat(worker.stats().aborted()).isEqualTo(5);
        assertThat(dlq()).isEmpty();
        assertThat(results()).extracting(ModerationResult::getId).containsExactly("c0", "c1", "c2");
    }

    @Test
    void shouldRetryATimedOutCommitInsteadOfAbortingIt() throws Exception {
        // The broker went away during the commit: the client allows only retrying it (an abort throws
        // IllegalStateException). The batch must come out once, committed by the retried commit, and the worker live on.
        CommitTimingOutProducer timingOut = new CommitTimingOutProducer(mock, 2);
        start(TestModels.bundle().detoxifier(), timingOut, 1_000_000);
        feed(3, 0);
        await(() -> mock.commitCount() == 1);
        Thread.sleep(100);
        assertThat(worker.stats().commitRetries()).isEqualTo(2);
        assertThat(worker.stats().aborted()).isZero();
        assertThat(worker.state()).isEqualTo(RewriterWorker.State.RUNNING);
        assertThat(mock.commitCount()).isEqualTo(1);
        assertThat(results()).extracting(ModerationResult::getId).containsExactly("c0", "c1", "c2");
    }

    @Test
    void shouldDeadLetterAPendingRecordWhoseResultWouldNotFitRecordsMaxBytes() throws Exception {
        start(TestModels.bundle().detoxifier(), mock, 20_000);
        feed(2, 19_500);
        await(() -> mock.commitCount() == 1);
        assertThat(results()).isEmpty();
        assertThat(dlq()).hasSize(2).allSatisfy(d -> {
            assertThat(DlqHeaders.get(d.headers(), DlqHeaders.REASON)).isEqualTo("too_large");
            assertThat(RecordSize.of(d.key(), d.value(), d.headers())).isLessThanOrEqualTo(20_000);
        });
    }

    @Test
    void shouldStopPromptlyLeavingTheGroupAndClosingBothClients() throws Exception {
        start(TestModels.bundle().detoxifier(), mock, 1_000_000);
        feed(2, 0);
        await(() -> mock.commitCount() == 1);
        long t0 = System.nanoTime();
        worker.close();
        assertThat(worker.join(Duration.ofSeconds(5))).isTrue();
        assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(1_000);
        assertThat(consumer.closed()).isTrue();
        assertThat(mock.closed()).isTrue();
        assertThat(worker.state()).isEqualTo(RewriterWorker.State.STOPPED);
        worker = null;
    }

    private void start(Detoxifier detoxifier, org.apache.kafka.clients.producer.Producer<byte[], byte[]> producer,
                       int recordsMaxBytes) {
        RewriterWorker.Settings s = new RewriterWorker.Settings(TOPICS, "test-group", Duration.ofMillis(5), 3, 20, 200,
                recordsMaxBytes, Duration.ofSeconds(1));
        worker = new RewriterWorker(s, consumer, producer, new BatchRewriter(detoxifier, 2, 1, Clock.systemUTC()),
                codec, RewriterObserver.NONE);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(TP));
            consumer.updateBeginningOffsets(Map.of(TP, 0L));
        });
        thread = new Thread(worker, "test-rewriter");
        thread.start();
    }

    /** {@code n} pending results at offsets 0..n-1, keys k0.., each key padded to {@code keyBytes} when positive. */
    private void feed(int n, int keyBytes) {
        Models m = TestModels.bundle();
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = TOXIC[i % TOXIC.length];
            LanguageGuess g = m.languageDetector().detect(text, "en");
            Comment c = new Comment("c" + i, "k" + i, null, null, text, "en", 1L, 2L, null, Map.of());
            var tox = m.classifier().classify(text, g.lang());
            ModerationResult pending = ModeratorVerdicts.of(c, g, tox,
                    io.detoxstreams.moderator.ModerationPolicy.defaults(m.classifier()).decide(text, g, tox), 1, 1, 3L);
            String key = keyBytes > 0 ? "k" + i + "x".repeat(keyBytes) : "k" + i;
            records.add(new ConsumerRecord<>(TOPICS.toxic(), 0, i, key.getBytes(StandardCharsets.UTF_8),
                    codec.encode(TOPICS.toxic(), pending)));
        }
        consumer.schedulePollTask(() -> records.forEach(consumer::addRecord));
    }

    private List<ModerationResult> results() {
        List<ModerationResult> out = new ArrayList<>();
        for (ProducerRecord<byte[], byte[]> r : mock.history()) {
            if (r.topic().equals(TOPICS.detoxified()) || r.topic().equals(TOPICS.review())) {
                ModerationResult m = codec.decode(r.topic(), r.value());
                assertThat(m.getAction()).isNotEqualTo(ModerationAction.PENDING);
                out.add(m);
            }
        }
        return out;
    }

    private List<ProducerRecord<byte[], byte[]>> dlq() {
        return mock.history().stream().filter(r -> r.topic().equals(TOPICS.dlq())).toList();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    /**
     * A broker that does not answer the first {@code timeouts} commits in time, with the real client's contract for
     * that ({@code KafkaProducer#commitTransaction}): the commit may be retried, but an abort after a timed-out commit
     * throws {@code IllegalStateException}, as {@code TransactionManager} does.
     */
    private static final class CommitTimingOutProducer extends DelegatingProducer {
        private int timeouts;
        private boolean commitPending;

        CommitTimingOutProducer(MockProducer<byte[], byte[]> delegate, int timeouts) {
            super(delegate);
            this.timeouts = timeouts;
        }

        @Override
        public void commitTransaction() {
            if (timeouts > 0) {
                timeouts--;
                commitPending = true;
                throw new org.apache.kafka.common.errors.TimeoutException(
                        "Timeout expired after 10000ms while awaiting EndTxn(true)");
            }
            commitPending = false;
            super.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            if (commitPending) {
                throw new IllegalStateException("Cannot attempt operation `abortTransaction` because the previous call "
                        + "to `commitTransaction` timed out and must be retried");
            }
            super.abortTransaction();
        }
    }

    /**
     * A broker that fails every output of one input in the first {@code transactions} transactions with
     * {@code error}, the way a real transactional producer reports it: the send's callback gets the error, and the
     * commit then fails because the transaction is in an error state.
     */
    private static final class RefusingProducer extends DelegatingProducer {
        private final String key;
        private final int transactions;
        private final java.util.function.Supplier<RuntimeException> error;
        private final Map<String, Boolean> failed = new HashMap<>();
        private int begun;

        RefusingProducer(MockProducer<byte[], byte[]> delegate, String key, int transactions,
                         java.util.function.Supplier<RuntimeException> error) {
            super(delegate);
            this.key = key;
            this.transactions = transactions;
            this.error = error;
        }

        @Override
        public void beginTransaction() {
            failed.clear();
            begun++;
            super.beginTransaction();
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            boolean poison = record.key() != null && key.equals(new String(record.key(), StandardCharsets.UTF_8))
                    && !record.topic().equals(TOPICS.dlq()) && begun <= transactions;
            if (poison) {
                RuntimeException e = error.get();
                failed.put("x", true);
                callback.onCompletion(null, e);
                return CompletableFuture.failedFuture(e);
            }
            return super.send(record, callback);
        }

        @Override
        public void commitTransaction() {
            if (!failed.isEmpty()) {
                throw new KafkaException("Cannot execute transactional method because we are in an error state");
            }
            super.commitTransaction();
        }
    }

    /** A producer that hands every transactional call to {@code delegate}, whose history the tests read. */
    private static class DelegatingProducer extends MockProducer<byte[], byte[]> {
        private final MockProducer<byte[], byte[]> delegate;

        DelegatingProducer(MockProducer<byte[], byte[]> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void initTransactions() {
            delegate.initTransactions();
        }

        @Override
        public void beginTransaction() {
            delegate.beginTransaction();
        }

        @Override
        public synchronized Future<RecordMetadata> send(ProducerRecord<byte[], byte[]> record, Callback callback) {
            return delegate.send(record, callback);
        }

        @Override
        public void sendOffsetsToTransaction(Map<TopicPartition, org.apache.kafka.clients.consumer.OffsetAndMetadata> offsets,
                                             org.apache.kafka.clients.consumer.ConsumerGroupMetadata metadata) {
            delegate.sendOffsetsToTransaction(offsets, metadata);
        }

        @Override
        public void commitTransaction() {
            delegate.commitTransaction();
        }

        @Override
        public void abortTransaction() {
            delegate.abortTransaction();
        }

        @Override
        public void close(Duration timeout) {
            delegate.close(timeout);
        }
    }
}
