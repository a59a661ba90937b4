package io.detoxstreams.moderator;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.StoreNames;
import io.detoxstreams.metrics.MetricsTopology;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.models.Models;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.Format;
import io.detoxstreams.testing.Comments;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing, DLQ and headers of {@link ModeratorTopology}, on the real embedded models, without a broker. */
class ModeratorTopologyTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final List<String[]> SAMPLES = List.of(
            new String[] {"Thanks for the detailed answer, this helped me a lot.", "en"},
            new String[] {"You are a stupid idiot and everybody hates you.", "en"},
            new String[] {"Danke für die schnelle Hilfe, sehr nett!", "de"},
            new String[] {"Du bist so ein dummer Idiot.", "de"},
            new String[] {"shut up you f u c k i n g 1d10t", "en"},
            new String[] {"Gracias por compartir, muy interesante.", "es"});

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<byte[], byte[]> detoxified;
    private TestOutputTopic<byte[], byte[]> toxic;
    private TestOutputTopic<byte[], byte[]> review;
    private TestOutputTopic<byte[], byte[]> dlq;
    private Codecs codecs;

    private void start(Format inputFormat) {
        start(inputFormat, TestModels.bundle().classifier());
    }

    private void start(Format inputFormat, ToxicityClassifier classifier) {
        start(inputFormat, classifier, ModerationPolicy.defaults(classifier));
    }

    private void start(Format inputFormat, ToxicityClassifier classifier, ModerationPolicy policy) {
        Models models = TestModels.bundle();
        codecs = new Codecs(inputFormat, Format.AVRO, null);
        StreamsBuilder builder = new StreamsBuilder();
        var topology = ModeratorTopology.build(builder, new ModeratorTopology.Deps(TOPICS, codecs,
                models.languageDetector(), classifier, 200, Clock.systemUTC(), null, VerdictObserver.NONE, policy));
        Properties p = ModeratorService.streamsProperties(new DetoxConfig(Map.of()));
        p.remove(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "moderator-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test");
        driver = new TopologyTestDriver(topology, p);
        input = driver.createInputTopic(TOPICS.comments(), new ByteArraySerializer(), new ByteArraySerializer());
        detoxified = driver.createOutputTopic(TOPICS.detoxified(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        toxic = driver.createOutputTopic(TOPICS.toxic(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        review = driver.createOutputTopic(TOPICS.review(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(TOPICS.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
    }

    @Test
    void shouldRouteEachCommentByTheClassifierVerdictAndKeepItsKey() {
        start(Format.AVRO);
        Models models = TestModels.bundle();
        int expectedToxic = 0;
        for (int i = 0; i < SAMPLES.size(); i++) {
            String[] s = SAMPLES.get(i);
            input.pipeInput(key(i), encode(Comments.event("c" + i, s[0], s[1])));
            var guess = models.languageDetector().detect(s[0], s[1]);
            ToxicityResult expected = models.classifier().classify(s[0], guess.lang());
            expectedToxic += ModerationPolicy.defaults(models.classifier()).decide(s[0], guess, expected).route()
                    == ModerationPolicy.Route.REWRITE ? 1 : 0;
        }
        List<TestRecord<byte[], byte[]>> passed = detoxified.readRecordsToList();
        List<TestRecord<byte[], byte[]>> flagged = toxic.readRecordsToList();

        // The samples were chosen so both routes are exercised by any sensible model.
        assertThat(expectedToxic).isBetween(1, SAMPLES.size() - 1);
        assertThat(flagged).hasSize(expectedToxic);
        assertThat(passed).hasSize(SAMPLES.size() - expectedToxic);
        assertThat(dlq.isEmpty()).isTrue();
        assertThat(review.isEmpty()).isTrue();
        for (TestRecord<byte[], byte[]> r : passed) {
            ModerationResult m = decode(r);
            assertThat(m.getAction()).isEqualTo(ModerationAction.PASS);
            assertThat(m.getLanguage().getCoverage())
                    .isEqualTo(m.getLanguage().getLang().equals("es") ? "limited" : "supported");
            assertThat(m.getReviewThreshold()).isBetween(0.0, m.getThreshold());
            assertThat(m.getOutputText()).isEqualTo(m.getOriginalText());
            assertThat(m.getToxicityScore()).isLessThan(m.getThreshold());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo(m.getKey()).isEqualTo("key-" + m.getId().substring(1));
        }
        for (TestRecord<byte[], byte[]> r : flagged) {
            ModerationResult m = decode(r);
            assertThat(m.getAction()).isEqualTo(ModerationAction.PENDING);
            assertThat(m.getOutputText()).isEmpty();
            assertThat(m.getToxicityScore()).isGreaterThanOrEqualTo(m.getThreshold());
            assertThat(m.getModels().getClassifier()).isEqualTo(models.classifier().version());
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("key-" + m.getId().substring(1));
            for (var span : m.getToxicSpans()) {
                assertThat(span.getStart()).isBetween(0, span.getEnd());
                assertThat(span.getEnd()).isLessThanOrEqualTo(m.getOriginalText().length());
            }
        }
    }

    @Test
    void shouldHoldAThreatForReviewWhateverItsScoreNamingThePassage() {
        start(Format.AVRO);
        String text = "If you show up at my house again I will hurt you.";
        input.pipeInput(key(1), encode(Comments.event("t1", text, "en")));
        ModerationResult m = decode(review.readRecord());
        assertThat(m.getAction()).isEqualTo(ModerationAction.HOLD);
        assertThat(m.getHoldReason()).isEqualTo("threat");
        assertThat(m.getOutputText()).isEmpty();
        assertThat(m.getToxicityScore()).as("the classifier alone would pass it").isLessThan(m.getThreshold());
        var span = m.getExplanation().getSpans().get(0);
        assertThat(span.getCategory()).isEqualTo("threat");
        assertThat(text.substring(span.getStart(), span.getEnd())).isEqualTo("I will hurt you");
        assertThat(m.getExplanation().getSummary()).contains("threat", "characters " + span.getStart() + "–"
                + span.getEnd()).doesNotContain("hurt");
        assertThat(m.getExplanation().getBackend()).isEqualTo(ModeratorVerdicts.MODERATOR);
        assertThat(detoxified.isEmpty() && toxic.isEmpty()).isTrue();
    }

    @Test
    void shouldHoldACommentInALanguageTheModelCannotReadUnlessConfiguredToPass() {
        start(Format.AVRO);
        String japanese = "お前は本当にバカだな";
        input.pipeInput(key(1), encode(Comments.event("ja", japanese, null)));
        ModerationResult held = decode(review.readRecord());
        assertThat(held.getHoldReason()).isEqualTo("unsupported_language");
        assertThat(held.getLanguage().getLang()).isEqualTo("ja");
        assertThat(held.getLanguage().getCoverage()).isEqualTo("unsupported");
        close();

        ToxicityClassifier c = TestModels.bundle().classifier();
        start(Format.AVRO, c, ModerationPolicy.from(new DetoxConfig(Map.of(
                DetoxConfig.MODERATION_UNSUPPORTED_ACTION, "pass")), c));
        input.pipeInput(key(1), encode(Comments.event("ja", japanese, null)));
        ModerationResult passed = decode(detoxified.readRecord());
        assertThat(passed.getAction()).isEqualTo(ModerationAction.PASS);
        assertThat(passed.getLanguage().getCoverage()).isEqualTo("unsupported");
    }

    @Test
    void shouldNeverRewriteAnUncertainCommentAndHoldItWhenConfigured() {
        // A review band from 0 up to the threshold makes the clean sample uncertain.
        ToxicityClassifier c = TestModels.bundle().embedded().withReviewThresholds(Map.of("en", 0.0));
        Map<String, String> band = Map.of(DetoxConfig.REVIEW_THRESHOLD_PREFIX + "en", "0.0");
        start(Format.AVRO, c, ModerationPolicy.from(new DetoxConfig(band), c));
        input.pipeInput(key(1), encode(Comments.event("u1", SAMPLES.get(0)[0], "en")));
        ModerationResult passed = decode(detoxified.readRecord());
        assertThat(passed.getAction()).isEqualTo(ModerationAction.PASS);
        assertThat(passed.getReviewThreshold()).isZero();
        close();

        Map<String, String> review = new java.util.HashMap<>(band);
        review.put(DetoxConfig.MODERATION_UNCERTAIN_ACTION, "review");
        start(Format.AVRO, c, ModerationPolicy.from(new DetoxConfig(review), c));
        input.pipeInput(key(1), encode(Comments.event("u1", SAMPLES.get(0)[0], "en")));
        ModerationResult held = decode(this.review.readRecord());
        assertThat(held.getHoldReason()).isEqualTo("uncertain");
        assertThat(held.getExplanation().getSummary()).startsWith("Held for review (uncertain)");
        assertThat(toxic.isEmpty()).isTrue();
    }

    @Test
    void shouldCarryEventFieldsAndTimestampsIntoTheResult() {
        start(Format.AVRO);
        input.pipeInput(new TestRecord<>(key(7), encode(Comments.event("c7", SAMPLES.get(0)[0], "EN-gb")),
                java.time.Instant.ofEpochMilli(1_700_000_123_000L)));
        ModerationResult m = decode(detoxified.readRecord());
        assertThat(m.getId()).isEqualTo("c7");
        assertThat(m.getThreadId()).isEqualTo("t-1");
        assertThat(m.getAuthorId()).isEqualTo("a-c7");
        assertThat(m.getSource()).isEqualTo("test");
        assertThat(m.getAttributes()).containsEntry("k", "v");
        assertThat(m.getCreatedAt().toEpochMilli()).isEqualTo(1_700_000_000_000L);
        assertThat(m.getIngestedAt().toEpochMilli()).isEqualTo(1_700_000_123_000L);
        assertThat(m.getLanguage().getLang()).isEqualTo("en");
        assertThat(m.getTimings().getDetectMicros()).isNotNegative();
        assertThat(m.getProcessedAt()).isEqualTo(m.getModeratedAt());
    }

    @Test
    void shouldRouteUndecodableRecordToDlqUnchangedWithErrorHeaders() {
        start(Format.AVRO);
        byte[] garbage = "definitely not avro".getBytes(StandardCharsets.UTF_8);
        Headers producerHeaders = new RecordHeaders().add("trace-id", "abc".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(new TestRecord<>(key(1), garbage, producerHeaders));

        TestRecord<byte[], byte[]> out = dlq.readRecord();
        assertThat(out.value()).isEqualTo(garbage);
        assertThat(out.key()).isEqualTo(key(1));
        assertThat(DlqHeaders.get(out.headers(), DlqHeaders.REASON)).isEqualTo("undecodable");
        assertThat(DlqHeaders.get(out.headers(), DlqHeaders.TOPIC)).isEqualTo(TOPICS.comments());
        assertThat(DlqHeaders.get(out.headers(), DlqHeaders.PARTITION)).isEqualTo("0");
        assertThat(DlqHeaders.get(out.headers(), DlqHeaders.OFFSET)).isEqualTo("0");
        assertThat(DlqHeaders.get(out.headers(), DlqHeaders.EXCEPTION)).contains("SerializationException");
        assertThat(DlqHeaders.get(out.headers(), DlqHeaders.MESSAGE)).isNotBlank();
        assertThat(DlqHeaders.get(out.headers(), "trace-id")).isEqualTo("abc");
        assertThat(detoxified.isEmpty() && toxic.isEmpty()).isTrue();
    }

    @Test
    void shouldRouteBlankTooLongAndNullRecordsToDlqWithTheirReason() {
        start(Format.AVRO);
        input.pipeInput(key(1), encode(Comments.event("blank", "   ", null)));
        input.pipeInput(key(2), encode(Comments.event("long", "a".repeat(201), null)));
        input.pipeInput(key(3), (byte[]) null);
        input.pipeInput(key(4), encode(Comments.event("ok", SAMPLES.get(0)[0], "en")));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(r -> DlqHeaders.get(r.headers(), DlqHeaders.REASON))
                .containsExactly("missing_text", "too_long", "null_value");
        assertThat(dead).extracting(r -> DlqHeaders.get(r.headers(), DlqHeaders.OFFSET)).containsExactly("0", "1", "2");
        assertThat(dead.get(0).value()).isEqualTo(encode(Comments.event("blank", "   ", null)));
        assertThat(detoxified.readRecordsToList()).hasSize(1);
    }

    @Test
    void shouldRejectInvalidUtf8InJsonInput() {
        start(Format.JSON);
        byte[] bad = "{\"id\":\"x\",\"text\":\"caf\u00e9 \",\"created_at\":1}".getBytes(StandardCharsets.UTF_8);
        bad[bad.length - 4] = (byte) 0xC3;   // a lead byte followed by a quote: malformed UTF-8
        input.pipeInput(key(1), bad);
        input.pipeInput(key(2), "{\"id\":\"y\",\"text\":\"Have a nice day!\",\"created_at\":\"2026-11-25T10:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8));
        input.pipeInput(key(3), "{\"id\":\"z\"}".getBytes(StandardCharsets.UTF_8));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(r -> DlqHeaders.get(r.headers(), DlqHeaders.REASON))
                .containsExactly("invalid_utf8", "missing_text");
        assertThat(dead.get(0).value()).isEqualTo(bad);
        ModerationResult ok = decode(detoxified.readRecord());
        assertThat(ok.getId()).isEqualTo("y");
        assertThat(ok.getCreatedAt().toString()).isEqualTo("2026-11-25T10:00:00Z");
    }

    @Test
    void shouldSendTheRawRecordToTheDlqWhenAModelThrowsAndKeepGoing() {
        // Fault injection in front of the real classifier: it fails on one comment only.
        ToxicityClassifier real = TestModels.bundle().classifier();
        ToxicityClassifier failsOnBoom = new ToxicityClassifier() {
            @Override
            public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
                if (texts.stream().anyMatch(t -> t.contains("BOOM"))) {
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
        start(Format.AVRO, failsOnBoom);
        byte[] boom = encode(Comments.event("boom", "BOOM goes the model", "en"));
        input.pipeInput(key(1), boom);
        input.pipeInput(key(2), encode(Comments.event("ok", SAMPLES.get(0)[0], "en")));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.value()).isEqualTo(boom);
        assertThat(dead.key()).isEqualTo(key(1));
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.EXCEPTION)).contains("IllegalStateException");
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.MESSAGE)).contains("model crashed");
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TOPIC)).isEqualTo(TOPICS.comments());
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.OFFSET)).isEqualTo("0");
        assertThat(decode(detoxified.readRecord()).getId()).isEqualTo("ok");
    }

    @Test
    void shouldNameEveryNode() {
        start(Format.AVRO);
        String description = new StreamsBuilderDescription().describe();
        assertThat(description).contains("comments-source", "decode", "validate", "ingest-rejected", "ingest-valid",
                "dlq-raw", "dlq-sink", "normalize", "detect-language", "classify", "verdict-pass", "verdict-hold",
                "verdict-toxic", "detoxified-sink", "review-sink", "toxic-sink", "observe-verdict", "observe-rejected");
        assertThat(description).contains("metrics-verdict-events", "metrics-verdicts-by-lang-repartition",
                "metrics-outcomes-source", "metrics-dlq-source", "metrics-outcome-events", "metrics-dlq-events", "metrics-outcomes-by-lang-repartition", "metrics-events",
                "metrics-aggregate", "metrics-aggregate-1m", "metrics-sink", "metrics-1m-sink", "metrics-combine-verdicts",
                "metrics-combine-outcomes", StoreNames.METRICS_VERDICTS_BUFFER, StoreNames.METRICS_OUTCOMES_BUFFER,
                "stores: [" + StoreNames.LANGUAGE_METRICS + "]", "stores: [" + StoreNames.LANGUAGE_METRICS_1M + "]");
        assertThat(description).doesNotContain("KSTREAM-", "KTABLE-");
    }

    private final class StreamsBuilderDescription {
        String describe() {
            Models models = TestModels.bundle();
            StreamsBuilder b = new StreamsBuilder();
            return ModeratorTopology.build(b, new ModeratorTopology.Deps(TOPICS, codecs, models.languageDetector(),
                    models.classifier(), 200, Clock.systemUTC(), MetricsTopology.Options.from(new DetoxConfig(Map.of())),
                    VerdictObserver.NONE)).describe().toString();
        }
    }

    private byte[] encode(CommentEvent e) {
        return codecs.comments().encode(TOPICS.comments(), e);
    }

    private ModerationResult decode(TestRecord<byte[], byte[]> r) {
        Codec<ModerationResult> c = codecs.results();
        return c.decode(TOPICS.detoxified(), r.value());
    }

    private static byte[] key(int i) {
        return ("key-" + i).getBytes(StandardCharsets.UTF_8);
    }
}
