package io.detoxstreams.metrics;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.StoreNames;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.moderator.ModeratorTopology;
import io.detoxstreams.moderator.VerdictObserver;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.Comments;
import io.detoxstreams.testing.TestModels;
import io.detoxstreams.worker.BatchRewriter;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics sub-topology on {@link TopologyTestDriver} with the real models: records with controlled timestamps
 * land in the right 1-minute buckets, the windowed query returns exactly the buckets asked for, late records count in
 * the all-time store but not in closed windows, and a toxic comment counts once as toxic and once as its outcome
 * event, which the rewriter writes beside its result.
 */
class MetricsTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    private static final String CLEAN = "Thanks for the detailed answer, this helped me a lot.";
    private static final String TOXIC = "You are a stupid idiot and everybody hates you.";
    private static final Duration GRACE = Duration.ofMinutes(2);
    private static final Duration FLUSH = Duration.ofSeconds(1);

    private final Codecs codecs = Codecs.avro();
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> comments;
    private TestInputTopic<byte[], byte[]> outcomes;
    private TestOutputTopic<byte[], byte[]> toxic;
    private int ids;

    @BeforeEach
    void start() {
        Models models = TestModels.bundle();
        var topology = ModeratorTopology.build(new StreamsBuilder(), new ModeratorTopology.Deps(TOPICS, codecs,
                models.languageDetector(), models.classifier(), 200, Clock.systemUTC(),
                new MetricsTopology.Options(3, GRACE, Duration.ofHours(24), FLUSH), VerdictObserver.NONE));
        Properties p = ModeratorService.streamsProperties(new DetoxConfig(Map.of()));
        p.remove(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "metrics-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test");
        driver = new TopologyTestDriver(topology, p, T0);
        ByteArraySerializer bytes = new ByteArraySerializer();
        comments = driver.createInputTopic(TOPICS.comments(), bytes, bytes);
        outcomes = driver.createInputTopic(TOPICS.outcomes(), bytes, bytes);
        toxic = driver.createOutputTopic(TOPICS.toxic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        driver.close();
    }

    @Test
    void shouldCountEachCommentInTheMinuteOfItsTimestampAndReturnOnlyTheBucketsAsked() {
        comment(CLEAN, T0.plusSeconds(5));
        comment(CLEAN, T0.plusSeconds(59));
        comment(TOXIC, T0.plusSeconds(70));
        comment(CLEAN, T0.plusSeconds(185));

        List<LanguageMetrics> all = windows("en", T0.minusSeconds(600), T0.plusSeconds(600));
        assertThat(all).extracting(LanguageMetrics::getWindowStart)
                .containsExactly(T0, T0.plusSeconds(60), T0.plusSeconds(180));
        assertThat(all).extracting(LanguageMetrics::getWindowEnd)
                .containsExactly(T0.plusSeconds(60), T0.plusSeconds(120), T0.plusSeconds(240));
        assertThat(all).extracting(LanguageMetrics::getTotal).containsExactly(2L, 1L, 1L);
        assertThat(all).extracting(LanguageMetrics::getPass).containsExactly(2L, 0L, 1L);
        assertThat(all).extracting(LanguageMetrics::getToxic).containsExactly(0L, 1L, 0L);

        // Window starts in [from, to], both inclusive.
        assertThat(windows("en", T0.plusSeconds(60), T0.plusSeconds(179))).extracting(LanguageMetrics::getWindowStart)
                .containsExactly(T0.plusSeconds(60));
        assertThat(windows("en", T0.plusSeconds(61), T0.plusSeconds(179))).isEmpty();
        assertThat(windows("de", T0, T0.plusSeconds(600))).isEmpty();
    }

    @Test
    void shouldCountAToxicCommentOnceAsToxicAndOnceAsItsRewriterOutcomeInTheOutcomesMinute() throws Exception {
        // The moderator's own PASS results on comments.detoxified are not read at all: only verdicts and outcomes count.
        comment(TOXIC, T0.plusSeconds(10));
        ModerationResult pending = codecs.results().decode(TOPICS.toxic(), toxic.readValue());
        ModerationResult outcome = new BatchRewriter(TestModels.bundle().detoxifier(), 1, 0, Clock.systemUTC())
                .rewrite(List.of(pending)).get(0);
        assertThat(outcome.getAction()).isIn(ModerationAction.REWRITE, ModerationAction.HOLD);
        // The rewriter's result arrives two minutes later, as the outcome event it writes beside the result.
        var event = OutcomeEvents.record(TOPICS.outcomes(), outcome);
        outcomes.pipeInput(new TestRecord<>(event.key(), event.value(), null, T0.plusSeconds(130)));
        // Foreign records on the outcomes topic count nothing: junk, and a verdict-shaped delta.
        outcomes.pipeInput(new TestRecord<>(event.key(), "junk".getBytes(StandardCharsets.UTF_8), null, T0.plusSeconds(131)));
        outcomes.pipeInput(new TestRecord<>(event.key(), new LanguageStatsSerde().serialize("t",
                MetricsEvents.verdict(pending)), null, T0.plusSeconds(132)));
        flush();

        LanguageStats total = allTime().get("en");
        assertThat(total.total()).isEqualTo(1);
        assertThat(total.toxic()).isEqualTo(1);
        assertThat(total.rewrite() + total.hold()).isEqualTo(1);
        assertThat(total.pending()).isZero();
        assertThat(total.backends()).hasSize(1);
        assertThat(total.latencyHistogram()).containsOnlyOnce(1L);
        List<LanguageMetrics> w = windows("en", T0, T0.plusSeconds(600));
        assertThat(w).extracting(LanguageMetrics::getWindowStart).containsExactly(T0, T0.plusSeconds(120));
        assertThat(w.get(0).getToxic()).isEqualTo(1);
        assertThat(w.get(0).getRewrite() + w.get(0).getHold()).isZero();
        assertThat(w.get(1).getTotal()).isZero();
        assertThat(w.get(1).getRewrite() + w.get(1).getHold()).isEqualTo(1);
    }

    @Test
    void shouldCountLateRecordsInTheAllTimeStoreButNotInWindowsPastTheirGrace() {
        comment(CLEAN, T0.plusSeconds(10));
        comment(CLEAN, T0.plusSeconds(10).plus(GRACE).plusSeconds(120));   // advances stream time past T0's grace
        comment(CLEAN, T0.plusSeconds(20));                                  // too late for the T0 window

        assertThat(allTime().get("en").total()).isEqualTo(3);
        assertThat(windows("en", T0, T0).get(0).getTotal()).isEqualTo(1);
    }

    @Test
    void shouldHoldPartialSumsUntilTheFlushAndThenCountThemOnce() {
        comments.pipeInput(new TestRecord<>(key(), encode(Comments.event("a", CLEAN, "en")), null, T0.plusSeconds(1)));
        comments.pipeInput(new TestRecord<>(key(), encode(Comments.event("b", CLEAN, "en")), null, T0.plusSeconds(2)));
        assertThat(allTime()).isEmpty();
        flush();
        assertThat(allTime().get("en").total()).isEqualTo(2);
        flush();
        assertThat(allTime().get("en").total()).isEqualTo(2);
        assertThat(windows("en", T0, T0).get(0).getTotal()).isEqualTo(2);
    }

    @Test
    void shouldCountDeadLettersUnderTheirHintOrUndAndPublishLanguageMetricsRecords() {
        comments.pipeInput(new TestRecord<>(key(), "garbage".getBytes(StandardCharsets.UTF_8), null, T0));
        comments.pipeInput(new TestRecord<>(key(), encode(Comments.event("long", "a".repeat(201), "DE-at")), null, T0));
        comment(CLEAN, T0.plusSeconds(1));
        flush();

        Map<String, LanguageStats> all = allTime();
        assertThat(all.get("und").dlq()).isEqualTo(1);
        assertThat(all.get("und").dlqByReason()).containsExactly(Map.entry("undecodable", 1L));
        assertThat(all.get("und").total()).isZero();
        assertThat(all.get("de").dlqByReason()).containsExactly(Map.entry("too_long", 1L));

        TestOutputTopic<String, byte[]> published = driver.createOutputTopic(TOPICS.metrics(), new StringDeserializer(),
                new ByteArrayDeserializer());
        Map<String, LanguageMetrics> latestAllTime = new java.util.TreeMap<>();
        for (var kv : published.readKeyValuesToList()) {
            LanguageMetrics m = codecs.metrics().decode(TOPICS.metrics(), kv.value);
            assertThat(m.getLang()).isEqualTo(kv.key);
            if (m.getWindowStart() == null) {
                latestAllTime.put(kv.key, m);
            }
        }
        assertThat(latestAllTime.keySet()).containsExactlyInAnyOrder("und", "de", "en");
        assertThat(MetricsRecords.fromAvro(latestAllTime.get("en"))).isEqualTo(all.get("en"));
    }

    private void comment(String text, Instant at) {
        comments.pipeInput(new TestRecord<>(key(), encode(Comments.event("c" + ids, text, "en")), null, at));
        flush();
    }

    /** Lets the tasks hand their partial sums on (wall-clock punctuation), as they do every flush interval. */
    private void flush() {
        driver.advanceWallClockTime(FLUSH);
    }

    private byte[] encode(CommentEvent e) {
        return codecs.comments().encode(TOPICS.comments(), e);
    }

    private byte[] key() {
        return ("key-" + ids++).getBytes(StandardCharsets.UTF_8);
    }

    private List<LanguageMetrics> windows(String lang, Instant from, Instant to) {
        WindowStore<String, LanguageStats> store = driver.getWindowStore(StoreNames.LANGUAGE_METRICS_1M);
        return MetricsStoreReader.windows(store, lang, from, to);
    }

    private Map<String, LanguageStats> allTime() {
        KeyValueStore<String, LanguageStats> store = driver.getKeyValueStore(StoreNames.LANGUAGE_METRICS);
        Map<String, LanguageStats> out = new java.util.TreeMap<>();
        for (LanguageMetrics m : MetricsStoreReader.allTime(store, null)) {
            out.put(m.getLang(), MetricsRecords.fromAvro(m));
        }
        return out;
    }
}
