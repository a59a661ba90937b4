package io.detoxstreams.worker;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.RecordLimits;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.moderator.ModeratorTopology;
import io.detoxstreams.moderator.VerdictObserver;
import io.detoxstreams.rewrite.BackendUnavailableException;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.Format;
import io.detoxstreams.testing.Comments;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Comment text is personal data: it must never reach the logs at INFO or above, on any path — clean and toxic
 * comments, every kind of rejection, a model that throws, a result too large to write, a backend outage, held
 * comments. Every comment here carries a marker word; no log event (message or exception) may contain it.
 */
class NoCommentTextInLogsTest {

    private static final String MARKER = "zebrafinchquux";
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        logs.start();
        root.addAppender(logs);
    }

    @AfterEach
    void release() {
        root.detachAppender(logs);
    }

    @Test
    void shouldNeverLogCommentTextInTheModerator() {
        Models models = TestModels.bundle();
        ToxicityClassifier real = models.classifier();
        ToxicityClassifier throwsOnSome = new ToxicityClassifier() {
            @Override
            public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
                if (texts.stream().anyMatch(t -> t.contains("explode"))) {
                    throw new IllegalStateException("model crashed");
                }
                return real.classifyBatch(texts, langs);
            }

            @Override
            public double threshold(String lang) {
                return real.threshold(lang);
            }

            @Override
            public String version() {
                return real.version();
            }
        };
        Codecs codecs = new Codecs(Format.JSON, Format.AVRO, null);
        var topology = ModeratorTopology.build(new StreamsBuilder(), new ModeratorTopology.Deps(TopicNames.defaults(),
                codecs, models.languageDetector(), throwsOnSome, 200, Clock.systemUTC(), null, VerdictObserver.NONE,
                new RecordLimits(20_000, 40_000)));
        Properties p = ModeratorService.streamsProperties(new DetoxConfig(Map.of(DetoxConfig.INPUT_MAX_BYTES, "20000",
                DetoxConfig.RECORDS_MAX_BYTES, "40000")));
        p.remove(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "privacy-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test");
        try (TopologyTestDriver driver = new TopologyTestDriver(topology, p)) {
            TestInputTopic<byte[], byte[]> in = driver.createInputTopic("comments", new ByteArraySerializer(),
                    new ByteArraySerializer());
            for (String text : List.of("Thanks " + MARKER + ", that helped", "you stupid " + MARKER + " idiot",
                    "explode " + MARKER, MARKER + " ".repeat(300), "{broken " + MARKER)) {
                in.pipeInput(key(), json(text));
            }
            in.pipeInput(key(), ("{\"id\":\"x\",\"text\":\"" + MARKER.repeat(2_000) + "\",\"created_at\":1}")
                    .getBytes(StandardCharsets.UTF_8));
            in.pipeInput(key(), ("{\"id\":\"y\",\"text\":\"caf\u00e9 " + MARKER + "\",\"created_at\":1}")
                    .getBytes(StandardCharsets.ISO_8859_1));
            in.pipeInput(key(), ("{\"id\":\"z\",\"text\":\"hi " + MARKER + "\",\"created_at\":1,\"attributes\":{\"a\":\""
                    + MARKER.repeat(1_400) + "\"}}").getBytes(StandardCharsets.UTF_8));
            TestOutputTopic<byte[], byte[]> dlq = driver.createOutputTopic("comments.dlq", new ByteArrayDeserializer(),
                    new ByteArrayDeserializer());
            assertThat(dlq.readRecordsToList()).hasSizeGreaterThanOrEqualTo(4);
        }
        assertNoMarkerLogged();
    }

    @Test
    void shouldNeverLogCommentTextInTheRewriter() throws Exception {
        Models m = TestModels.bundle();
        Detoxifier real = m.detoxifier();
        AtomicInteger calls = new AtomicInteger();
        Detoxifier flaky = requests -> {
            int n = calls.incrementAndGet();
            if (n <= 2) {
                throw new BackendUnavailableException("HTTP 503");
            }
            if (n <= 6) {
                throw new IllegalArgumentException("bad request");
            }
            return real.detoxifyBatch(requests);
        };
        ReplayingConsumer consumer = new ReplayingConsumer();
        MockProducer<byte[], byte[]> producer = new MockProducer<>(true, null, new ByteArraySerializer(),
                new ByteArraySerializer());
        TopicNames topics = TopicNames.defaults();
        TopicPartition tp = new TopicPartition(topics.toxic(), 0);
        RewriterWorker worker = new RewriterWorker(new RewriterWorker.Settings(topics, "g", Duration.ofMillis(5), 2, 10,
                50, 1_000_000, Duration.ofSeconds(1)), consumer, producer, new BatchRewriter(flaky, 2, 1, Clock.systemUTC()),
                Codecs.avro().results(), RewriterObserver.NONE);
        consumer.schedulePollTask(() -> {
            consumer.rebalance(List.of(tp));
            consumer.updateBeginningOffsets(Map.of(tp, 0L));
            int offset = 0;
            for (String text : List.of("you stupid " + MARKER + " idiot", "shut up " + MARKER + " moron")) {
                CommentEvent e = Comments.event("c" + offset, text, "en");
                var c = new io.detoxstreams.ingest.CommentNormalizer().normalize(e, key(), "comments", 0, offset, 1L);
                var g = m.languageDetector().detect(text, "en");
                var tox = m.classifier().classify(text, g.lang());
                ModerationResult pending = io.detoxstreams.moderator.ModeratorVerdicts.of(c, g, tox,
                        io.detoxstreams.moderator.ModerationPolicy.defaults(m.classifier()).decide(text, g, tox),
                        1, 1, 2L);
                consumer.addRecord(new ConsumerRecord<>(topics.toxic(), 0, offset++, key(),
                        Codecs.avro().results().encode(topics.toxic(), pending)));
            }
            consumer.addRecord(new ConsumerRecord<>(topics.toxic(), 0, offset, key(),
                    ("garbage " + MARKER).getBytes(StandardCharsets.UTF_8)));
        });
        Thread t = new Thread(worker);
        t.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (producer.commitCount() < 1 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        worker.close();
        t.join(5_000);
        assertThat(producer.commitCount()).isPositive();
        assertThat(calls.get()).as("the outage and the failing calls were exercised").isGreaterThanOrEqualTo(4);
        assertNoMarkerLogged();
    }

    private void assertNoMarkerLogged() {
        List<String> leaks = new ArrayList<>();
        for (ILoggingEvent e : logs.list) {
            if (!e.getLevel().isGreaterOrEqual(Level.INFO)) {
                continue;
            }
            StringBuilder all = new StringBuilder(e.getFormattedMessage());
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                all.append(' ').append(t.getMessage());
            }
            if (all.toString().contains(MARKER)) {
                leaks.add(e.getLevel() + " " + e.getLoggerName() + ": " + all);
            }
        }
        assertThat(logs.list).as("something was logged, so the check can fail").isNotEmpty();
        assertThat(leaks).as("log events at INFO+ quoting comment text").isEmpty();
    }

    private static byte[] json(String text) {
        return ("{\"id\":\"i\",\"text\":\"" + text + "\",\"created_at\":1}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key() {
        return "k".getBytes(StandardCharsets.UTF_8);
    }
}
