package io.detoxstreams.failure;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.DlqHeaders;
import io.detoxstreams.ingest.RecordSize;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.Format;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Poison pills interleaved with valid comments, against a broker, two moderators (one reading JSON, one Avro) and a
 * rewriter, each in its own JVM from the built jar. Every pill — random bytes, truncated JSON and Avro, wrong types,
 * missing and empty text, a 2 MB comment (sent compressed), invalid UTF-8, a null key and value, 1 MB of headers,
 * a 600 KB key, JSON nested 10,000 deep, an Avro record of another schema, foreign bytes on the rewriter's input —
 * must land in the DLQ once, with its reason and within records.max.bytes; every valid comment around them must come
 * out exactly once; and no process may die or restart.
 */
class PoisonPillProofIT {

    private static final String JSON_TOPIC = "comments.json";
    private static final int VALID_PER_TOPIC = 200;
    private static final int RECORDS_MAX_BYTES = 1_000_000;

    private final StartedProcesses open = new StartedProcesses();
    private final ProofReport report = new ProofReport("poison-pills");

    @AfterEach
    void closeAll() throws Exception {
        open.close();
    }

    @Test
    void shouldDeadLetterEveryPillWithItsReasonAndDeliverEveryValidCommentWithNoProcessDying() throws Exception {
        BrokerProcess broker = BrokerProcess.create("pill-broker", Map.of());
        open.add(broker);
        broker.start();
        String bootstrap = broker.bootstrapServers();
        TopicNames topics = TopicNames.defaults();
        ProofInputs.createTopics(bootstrap, topics, 3);
        ProofInputs.createTopics(bootstrap, new TopicNames(JSON_TOPIC, topics.detoxified(), topics.toxic(),
                topics.review(), topics.dlq(), topics.metrics(), topics.outcomes()), 3);

        String run = UUID.randomUUID().toString().substring(0, 8);
        List<StageProcess> stages = List.of(
                moderator("moderator-avro", bootstrap, run, "avro", topics.comments()),
                moderator("moderator-json", bootstrap, run, "json", JSON_TOPIC),
                stage(StageProcess.create("rewriter", "rewriter", "512m", bootstrap, Map.of(
                        "rewriter.group.id", "pill-rewriter-" + run, "topics.create", "false"))));
        for (StageProcess s : stages) {
            s.start();
        }
        for (StageProcess s : stages) {
            s.awaitHealthy(Duration.ofMinutes(3));
        }

        Codec<CommentEvent> avro = Codecs.avro().comments();
        Codec<CommentEvent> json = new Codecs(Format.JSON, Format.AVRO, null).comments();
        Map<String, String> expected = new LinkedHashMap<>();   // pill key -> reason
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> jsonPills = jsonPills(avro, expected);
        List<ProducerRecord<byte[], byte[]>> avroPills = avroPills(avro, topics.comments(), expected);
        interleave(records, jsonPills, JSON_TOPIC, json, "j");
        interleave(records, avroPills, topics.comments(), avro, "a");
        records.add(new ProducerRecord<>(topics.toxic(), key("pill-toxic-garbage"),
                "not a pending result".getBytes(StandardCharsets.UTF_8)));
        expected.put("pill-toxic-garbage", "undecodable");
        report.line("%d pills among %d valid comments on %s (json) and %s (avro), 1 on %s", expected.size() - 1,
                2 * VALID_PER_TOPIC, JSON_TOPIC, topics.comments(), topics.toxic());

        try (OutputLedger ledger = new OutputLedger(bootstrap, topics, Codecs.avro().results(), true);
             KafkaProducer<byte[], byte[]> producer = ProofInputs.producer(bootstrap, 4 * 1024 * 1024)) {
            for (ProducerRecord<byte[], byte[]> r : records) {
                producer.send(r).get();
            }
            boolean results = ledger.awaitDistinct(2 * VALID_PER_TOPIC, Duration.ofMinutes(3));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (ledger.deadLetters().size() < expected.size() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            Thread.sleep(3_000);

            Map<String, List<String>> seen = new HashMap<>();
            for (OutputLedger.DeadLetter d : ledger.deadLetters()) {
                String k = d.keyBytes() == 600_000 ? "pill-600kb-key" : d.key() == null ? "pill-null" : d.key();
                seen.computeIfAbsent(k, x -> new ArrayList<>()).add(d.reason());
                assertThat(RecordSize.of(d.key() == null ? null : new byte[d.keyBytes()], d.value(), d.headers()))
                        .as("DLQ copy of %s is bounded", k).isLessThanOrEqualTo(RECORDS_MAX_BYTES);
                assertThat(DlqHeaders.get(d.headers(), DlqHeaders.TOPIC)).as("topic header of %s", k).isNotBlank();
                assertThat(DlqHeaders.get(d.headers(), DlqHeaders.OFFSET)).as("offset header of %s", k).isNotBlank();
                assertThat(d.headers().lastHeader(DlqHeaders.STACKTRACE)).isNull();
                for (var h : d.headers()) {
                    if (DlqHeaders.ERROR_HEADERS.contains(h.key())) {
                        assertThat(h.value().length).as("header %s of %s", h.key(), k).isLessThanOrEqualTo(3 * DlqHeaders.MAX_VALUE_CHARS);
                    }
                }
            }
            expected.forEach((k, reason) -> report.line("  %-28s -> %s", k, seen.getOrDefault(k, List.of("MISSING"))));
            int lost = 0;
            for (int i = 0; i < VALID_PER_TOPIC; i++) {
                lost += ledger.count(ProofInputs.id("j", i)) == 1 ? 0 : 1;
                lost += ledger.count(ProofInputs.id("a", i)) == 1 ? 0 : 1;
            }
            report.line("valid comments out exactly once: %d of %d; dead letters %d (expected %d)",
                    2 * VALID_PER_TOPIC - lost, 2 * VALID_PER_TOPIC, ledger.deadLetters().size(), expected.size());
            report.memory(stages.stream().map(StageProcess::jvm).toList());
            for (StageProcess s : stages) {
                assertThat(s.jvm().alive()).as("%s is still running", s.name()).isTrue();
                assertThat(s.jvm().starts()).isEqualTo(1);
                assertThat(s.healthy()).as("%s is healthy", s.name()).isTrue();
                assertThat(s.jvm().logText()).as("%s log", s.name()).doesNotContain("stream thread failed",
                        "rewriter stopped:", "Exception in thread");
            }
            assertThat(results).as("every valid comment came out").isTrue();
            assertThat(lost).as("valid comments lost or duplicated").isZero();
            Map<String, List<String>> want = new HashMap<>();
            expected.forEach((k, reason) -> want.put(k, List.of(reason)));
            assertThat(seen).as("each pill once in the DLQ with its reason").isEqualTo(want);
        }
    }

    private StageProcess moderator(String name, String bootstrap, String run, String format, String topic)
            throws Exception {
        return stage(StageProcess.create(name, "moderator", "640m", bootstrap, Map.of(
                "application.id", "pill-" + name + "-" + run, "input.format", format, "topic.comments", topic,
                "kafka.state.dir", "target/failure-proofs/state-" + run + "/" + name, "topics.create", "false",
                "topics.partitions", "3")));
    }

    private StageProcess stage(StageProcess s) {
        open.add(s);
        return s;
    }

    /** Valid comment i, pill, valid, pill, … then the remaining valid comments. */
    private static void interleave(List<ProducerRecord<byte[], byte[]>> out, List<ProducerRecord<byte[], byte[]>> pills,
                                   String topic, Codec<CommentEvent> codec, String prefix) {
        int p = 0;
        for (int i = 0; i < VALID_PER_TOPIC; i++) {
            out.add(ProofInputs.record(topic, codec, prefix, i, null));
            if (i % 10 == 5 && p < pills.size()) {
                out.add(pills.get(p++));
            }
        }
        while (p < pills.size()) {
            out.add(pills.get(p++));
        }
    }

    private static List<ProducerRecord<byte[], byte[]>> jsonPills(Codec<CommentEvent> avro, Map<String, String> expected) {
        List<ProducerRecord<byte[], byte[]>> pills = new ArrayList<>();
        Random random = new Random(11);
        byte[] noise = new byte[500];
        random.nextBytes(noise);
        pill(pills, expected, JSON_TOPIC, "pill-json-random", noise, "undecodable");
        pill(pills, expected, JSON_TOPIC, "pill-json-truncated", utf8("{\"id\":\"t\",\"text\":\"you are"), "undecodable");
        pill(pills, expected, JSON_TOPIC, "pill-json-types", utf8("{\"id\":7,\"text\":42,\"created_at\":\"later\"}"),
                "undecodable");
        pill(pills, expected, JSON_TOPIC, "pill-json-no-text", utf8("{\"id\":\"n\",\"created_at\":1}"), "missing_text");
        pill(pills, expected, JSON_TOPIC, "pill-json-empty-text", utf8("{\"id\":\"e\",\"text\":\"\",\"created_at\":1}"),
                "missing_text");
        pill(pills, expected, JSON_TOPIC, "pill-json-2mb", utf8("{\"id\":\"big\",\"text\":\"" + "ab ".repeat(700_000)
                + "\",\"created_at\":1}"), "too_large");
        byte[] bad = utf8("{\"id\":\"u\",\"text\":\"caf\u00e9 au lait\",\"created_at\":1}");
        bad[indexOf(bad, (byte) 0xA9)] = '(';
        pill(pills, expected, JSON_TOPIC, "pill-json-invalid-utf8", bad, "invalid_utf8");
        pills.add(new ProducerRecord<>(JSON_TOPIC, null, (byte[]) null));
        expected.put("pill-null", "null_value");
        pill(pills, expected, JSON_TOPIC, "pill-json-deep", utf8("{\"id\":\"d\",\"text\":\"x\",\"created_at\":1,\"attributes\":"
                + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}"), "undecodable");
        pill(pills, expected, JSON_TOPIC, "pill-json-avro-bytes", avro.encode(JSON_TOPIC, event("av", "hello there")),
                "undecodable");
        RecordHeaders headers = new RecordHeaders();
        for (int i = 0; i < 16; i++) {
            headers.add("h" + i, new byte[65_536]);
        }
        pills.add(new ProducerRecord<>(JSON_TOPIC, null, key("pill-json-1mb-headers"),
                utf8("{\"id\":\"h\",\"text\":\"hello\",\"created_at\":1}"), headers));
        expected.put("pill-json-1mb-headers", "too_large");
        byte[] bigKey = new byte[600_000];
        random.nextBytes(bigKey);
        pills.add(new ProducerRecord<>(JSON_TOPIC, bigKey, utf8("{\"id\":\"k\",\"text\":\"hello\",\"created_at\":1}")));
        expected.put("pill-600kb-key", "too_large");
        return pills;
    }

    private static List<ProducerRecord<byte[], byte[]>> avroPills(Codec<CommentEvent> avro, String topic,
                                                                  Map<String, String> expected) {
        List<ProducerRecord<byte[], byte[]>> pills = new ArrayList<>();
        byte[] noise = new byte[300];
        new Random(12).nextBytes(noise);
        pill(pills, expected, topic, "pill-avro-random", noise, "undecodable");
        byte[] good = avro.encode(topic, event("tr", "a perfectly fine comment that gets cut"));
        pill(pills, expected, topic, "pill-avro-truncated", Arrays.copyOf(good, good.length / 2), "undecodable");
        pill(pills, expected, topic, "pill-avro-other-schema", Codecs.avro().results().encode(topic,
                io.detoxstreams.avro.ModerationResult.newBuilder(sampleResult()).build()), "undecodable");
        pill(pills, expected, topic, "pill-avro-empty-text", avro.encode(topic, event("e", "")), "missing_text");
        byte[] bad = avro.encode(topic, event("u", "caf\u00e9 au lait"));
        bad[indexOf(bad, (byte) 0xA9)] = '(';
        pill(pills, expected, topic, "pill-avro-invalid-utf8", bad, "invalid_utf8");
        pill(pills, expected, topic, "pill-avro-2mb", avro.encode(topic, event("big", "ab ".repeat(700_000))), "too_large");
        pill(pills, expected, topic, "pill-avro-json-bytes", utf8("{\"id\":\"j\",\"text\":\"hi\",\"created_at\":1}"),
                "undecodable");
        return pills;
    }

    private static io.detoxstreams.avro.ModerationResult sampleResult() {
        return io.detoxstreams.avro.ModerationResult.newBuilder()
                .setId("r").setKey(null).setThreadId(null).setAuthorId(null).setSource(null).setAttributes(Map.of())
                .setAction(io.detoxstreams.avro.ModerationAction.PASS).setHoldReason(null).setOriginalText("x")
                .setOutputText("x").setLanguage(new io.detoxstreams.avro.LanguageInfo("en", "Latn", 1.0, "hint", "supported"))
                .setToxicityScore(0.1).setThreshold(0.5).setCategories(Map.of()).setToxicSpans(List.of())
                .setExplanation(null).setModels(new io.detoxstreams.avro.ModelVersions("m", null))
                .setTimings(new io.detoxstreams.avro.Timings(1L, 1L, null, 0)).setCreatedAt(Instant.EPOCH)
                .setIngestedAt(Instant.EPOCH).setModeratedAt(Instant.EPOCH).setProcessedAt(Instant.EPOCH).build();
    }

    private static void pill(List<ProducerRecord<byte[], byte[]>> pills, Map<String, String> expected, String topic,
                             String name, byte[] value, String reason) {
        pills.add(new ProducerRecord<>(topic, key(name), value));
        expected.put(name, reason);
    }

    private static CommentEvent event(String id, String text) {
        return CommentEvent.newBuilder().setId(id).setText(text).setCreatedAt(Instant.now()).setAttributes(Map.of()).build();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        throw new IllegalArgumentException("byte not found");
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] key(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
