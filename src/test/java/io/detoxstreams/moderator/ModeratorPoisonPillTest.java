package io.detoxstreams.moderator;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RecordLimits;
import io.detoxstreams.ingest.RecordSize;
import io.detoxstreams.models.Models;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.Format;
import io.detoxstreams.testing.Comments;
import io.detoxstreams.testing.TestModels;
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
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Records that once stopped moderation (issue 11): oversized values, keys and headers, foreign bytes, absent text,
 * deep JSON, a result too large to write. Each must reach the DLQ with its reason and a bounded copy, and the
 * comments after it must still be moderated.
 */
class ModeratorPoisonPillTest {

    private static final TopicNames TOPICS = TopicNames.defaults();
    private static final String CLEAN = "Thanks for the detailed answer, this helped me a lot.";

    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> input;
    private TestOutputTopic<byte[], byte[]> detoxified;
    private TestOutputTopic<byte[], byte[]> dlq;
    private Codecs codecs;
    private RecordLimits limits;

    private void start(Format inputFormat, RecordLimits limits) {
        Models models = TestModels.bundle();
        this.limits = limits;
        codecs = new Codecs(inputFormat, Format.AVRO, null);
        var topology = ModeratorTopology.build(new StreamsBuilder(), new ModeratorTopology.Deps(TOPICS, codecs,
                models.languageDetector(), models.classifier(), 5000, Clock.systemUTC(), null, VerdictObserver.NONE,
                limits));
        Map<String, Object> cfg = new HashMap<>();
        cfg.put(DetoxConfig.INPUT_MAX_BYTES, String.valueOf(limits.inputMaxBytes()));
        cfg.put(DetoxConfig.RECORDS_MAX_BYTES, String.valueOf(limits.recordsMaxBytes()));
        Properties p = ModeratorService.streamsProperties(new DetoxConfig(cfg));
        p.remove(StreamsConfig.PROCESSING_GUARANTEE_CONFIG);
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, "poison-test");
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
        p.put(StreamsConfig.STATE_DIR_CONFIG, "target/kafka-streams-test");
        driver = new TopologyTestDriver(topology, p);
        input = driver.createInputTopic(TOPICS.comments(), new ByteArraySerializer(), new ByteArraySerializer());
        detoxified = driver.createOutputTopic(TOPICS.detoxified(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
        dlq = driver.createOutputTopic(TOPICS.dlq(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
        }
    }

    @Test
    void shouldCutATwoMegabyteCommentToFitTheDlqAndSayHowToFindTheOriginal() throws Exception {
        start(Format.JSON, RecordLimits.defaults());
        byte[] huge = json("x", "a".repeat(2_000_000));
        input.pipeInput(key("huge"), huge);
        input.pipeInput(key("ok"), json("ok", CLEAN));

        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(reason(dead)).isEqualTo("too_large");
        assertThat(RecordSize.of(dead.key(), dead.value(), dead.headers())).isLessThanOrEqualTo(limits.recordsMaxBytes());
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TRUNCATED)).isEqualTo("value");
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.ORIGINAL_VALUE_BYTES)).isEqualTo(String.valueOf(huge.length));
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.ORIGINAL_VALUE_SHA256)).isEqualTo(sha256(huge));
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TOPIC)).isEqualTo(TOPICS.comments());
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.OFFSET)).isEqualTo("0");
        assertThat(dead.value()).startsWith(java.util.Arrays.copyOf(huge, 1000));
        assertThat(dead.key()).isEqualTo(key("huge"));
        assertThat(decode(detoxified.readRecord()).getId()).isEqualTo("ok");
    }

    @Test
    void shouldDeadLetterAHugeKeyOrHugeHeadersAsTooLargeAndNeverCopyThemWhole() {
        start(Format.AVRO, RecordLimits.defaults());
        byte[] bigKey = new byte[600_000];
        new Random(1).nextBytes(bigKey);
        byte[] value = encode(Comments.event("k", CLEAN, "en"));
        input.pipeInput(bigKey, value);
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < 16; i++) {
            headers.add("h" + i, new byte[65_536]);
        }
        input.pipeInput(new TestRecord<>(key("h"), value, headers));
        input.pipeInput(key("ok"), encode(Comments.event("ok", CLEAN, "en")));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(ModeratorPoisonPillTest::reason).containsExactly("too_large", "too_large");
        TestRecord<byte[], byte[]> keyed = dead.get(0);
        // 600 KB of key plus the value fits in one DLQ record: kept whole, so the record can be replayed as it was.
        assertThat(keyed.key()).isEqualTo(bigKey);
        assertThat(keyed.value()).isEqualTo(value);
        TestRecord<byte[], byte[]> headed = dead.get(1);
        assertThat(headed.value()).isEqualTo(value);
        assertThat(RecordSize.of(headed.key(), headed.value(), headed.headers())).isLessThanOrEqualTo(limits.recordsMaxBytes());
        assertThat(headed.headers().lastHeader("h0")).as("1 MB of producer headers is not copied").isNull();
        assertThat(DlqHeaders.get(headed.headers(), DlqHeaders.TRUNCATED)).isEqualTo("headers");
        assertThat(Long.parseLong(DlqHeaders.get(headed.headers(), DlqHeaders.ORIGINAL_HEADERS_BYTES))).isGreaterThan(1_000_000);
        assertThat(decode(detoxified.readRecord()).getId()).isEqualTo("ok");
    }

    @Test
    void shouldCutAKeyThatDoesNotFitBesideItsValue() throws Exception {
        start(Format.AVRO, new RecordLimits(262_144, 400_000));
        byte[] bigKey = new byte[500_000];
        input.pipeInput(bigKey, encode(Comments.event("k", CLEAN, "en")));
        TestRecord<byte[], byte[]> dead = dlq.readRecord();
        assertThat(dead.key()).hasSize(1024);
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.TRUNCATED)).isEqualTo("key");
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.ORIGINAL_KEY_BYTES)).isEqualTo("500000");
        assertThat(DlqHeaders.get(dead.headers(), DlqHeaders.ORIGINAL_KEY_SHA256)).isEqualTo(sha256(bigKey));
    }

    @Test
    void shouldCopyOnlyShortKeysIntoTheResultValue() {
        start(Format.AVRO, RecordLimits.defaults());
        byte[] longKey = "k".repeat(5_000).getBytes(StandardCharsets.UTF_8);
        input.pipeInput(longKey, encode(Comments.event("long", CLEAN, "en")));
        input.pipeInput(key("short"), encode(Comments.event("short", CLEAN, "en")));
        List<TestRecord<byte[], byte[]>> out = detoxified.readRecordsToList();
        assertThat(out.get(0).key()).isEqualTo(longKey);
        assertThat(decode(out.get(0)).getKey()).isNull();
        assertThat(decode(out.get(1)).getKey()).isEqualTo("key-short");
    }

    @Test
    void shouldTellMissingTextFromBytesThatAreNotJson() {
        start(Format.JSON, RecordLimits.defaults());
        byte[] random = new byte[300];
        new Random(7).nextBytes(random);
        byte[] avro = new Codecs(Format.AVRO, Format.AVRO, null).comments().encode(TOPICS.comments(),
                Comments.event("avro", CLEAN, "en"));
        input.pipeInput(key("absent"), "{\"id\":\"a\",\"created_at\":1}".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(key("null"), "{\"id\":\"n\",\"text\":null,\"created_at\":1}".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(key("empty"), json("e", ""));
        input.pipeInput(key("random"), random);
        input.pipeInput(key("avro"), avro);
        input.pipeInput(key("truncated"), "{\"id\":\"t\",\"text\":\"hel".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(key("types"), "{\"id\":\"w\",\"text\":42,\"created_at\":\"yesterday\"}".getBytes(StandardCharsets.UTF_8));
        input.pipeInput(key("deep"), ("{\"id\":\"d\",\"text\":\"x\",\"created_at\":1,\"attributes\":" + "[".repeat(10_000)
                + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8));
        input.pipeInput(key("ok"), json("ok", CLEAN));

        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(dead).extracting(ModeratorPoisonPillTest::reason).containsExactly("missing_text", "missing_text",
                "missing_text", "undecodable", "undecodable", "undecodable", "undecodable", "undecodable");
        for (TestRecord<byte[], byte[]> d : dead) {
            assertThat(DlqHeaders.get(d.headers(), DlqHeaders.MESSAGE).length()).isLessThanOrEqualTo(DlqHeaders.MAX_VALUE_CHARS);
        }
        assertThat(decode(detoxified.readRecord()).getId()).isEqualTo("ok");
    }

    @Test
    void shouldDeadLetterTheInputOfAResultTooLargeToWriteAndKeepGoing() {
        // 40 KB of attributes fit the input limit (100 KB), but the result carrying them does not fit the 30 KB left.
        start(Format.AVRO, new RecordLimits(100_000, 130_000));
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < 40; i++) {
            attributes.put("a" + i, "v".repeat(1_000));
        }
        CommentEvent fat = CommentEvent.newBuilder(Comments.event("fat", CLEAN, "en")).setAttributes(attributes).build();
        byte[] fatBytes = encode(fat);
        assertThat(fatBytes.length).isBetween(40_000, 100_000);
        input.pipeInput(key("fat"), fatBytes);
        input.pipeInput(key("ok"), encode(Comments.event("ok", CLEAN, "en")));

        List<TestRecord<byte[], byte[]>> out = detoxified.readRecordsToList();
        List<TestRecord<byte[], byte[]>> dead = dlq.readRecordsToList();
        assertThat(out).extracting(r -> decode(r).getId()).containsExactly("ok");
        assertThat(dead).hasSize(1);
        assertThat(reason(dead.get(0))).isEqualTo("too_large");
        assertThat(dead.get(0).value()).isEqualTo(fatBytes);
        assertThat(dead.get(0).key()).isEqualTo(key("fat"));
        assertThat(DlqHeaders.get(dead.get(0).headers(), DlqHeaders.MESSAGE)).contains("records.max.bytes");
    }

    private byte[] encode(CommentEvent e) {
        return codecs.comments().encode(TOPICS.comments(), e);
    }

    private ModerationResult decode(TestRecord<byte[], byte[]> r) {
        return codecs.results().decode(TOPICS.detoxified(), r.value());
    }

    private static String reason(TestRecord<byte[], byte[]> r) {
        return DlqHeaders.get(r.headers(), DlqHeaders.REASON);
    }

    private static byte[] json(String id, String text) {
        return ("{\"id\":\"" + id + "\",\"text\":\"" + text + "\",\"created_at\":1}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key(String s) {
        return ("key-" + s).getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
