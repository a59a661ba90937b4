package io.detoxstreams.serde;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.LanguageInfo;
import io.detoxstreams.avro.ModelVersions;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.avro.SpanEditInfo;
import io.detoxstreams.avro.Timings;
import io.detoxstreams.avro.ToxicSpanInfo;
import io.detoxstreams.testing.Comments;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CodecsTest {

    static ModerationResult sampleResult() {
        return ModerationResult.newBuilder()
                .setId("c1").setKey("k1").setThreadId(null).setAuthorId("a").setSource("s").setAttributes(Map.of("x", "y"))
                .setAction(ModerationAction.REWRITE).setHoldReason(null)
                .setOriginalText("you 🤬 idiot").setOutputText("you 🤬 person")
                .setLanguage(new LanguageInfo("en", "Latin", 0.93, "lingua", "supported"))
                .setToxicityScore(0.91).setThreshold(0.5).setCategories(Map.of("insult", 0.88))
                .setToxicSpans(List.of(new ToxicSpanInfo(7, 12, "insult", 0.8, "embedded")))
                .setExplanation(ExplanationInfo.newBuilder()
                        .setSpans(List.of(new SpanEditInfo(7, 12, "insult", 0.8, "replaced", "person")))
                        .setCategories(List.of("insult")).setScoreBefore(0.91).setScoreAfter(0.1).setSimilarity(null)
                        .setMethod("span-substitution").setBackend("embedded/1").setClassifier("embedded/1")
                        .setSummary("Replaced an insult.").build())
                .setModels(new ModelVersions("embedded/1", "embedded/1"))
                .setTimings(new Timings(12L, 34L, 56L, 1))
                .setCreatedAt(Instant.ofEpochMilli(1000)).setIngestedAt(Instant.ofEpochMilli(2000))
                .setModeratedAt(Instant.ofEpochMilli(3000)).setProcessedAt(Instant.ofEpochMilli(4000))
                .build();
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"AVRO", "JSON"})
    void shouldRoundTripEveryRecordType(Format format) {
        Codecs codecs = new Codecs(format, format, null);
        CommentEvent e = Comments.event("id-1", "Grüße 👋 Ünïcödé", "de");
        assertThat(codecs.comments().decode("t", codecs.comments().encode("t", e))).isEqualTo(e);
        ModerationResult r = sampleResult();
        assertThat(codecs.results().decode("t", codecs.results().encode("t", r))).isEqualTo(r);
    }

    @Test
    void shouldReadAResultWrittenWithTheReleasedVersion1Schema() throws Exception {
        // A rolling upgrade leaves records of the previous release on comments.toxic: they must still decode.
        org.apache.avro.Schema v1;
        try (var in = CodecsTest.class.getResourceAsStream("/schema-history/v1/ModerationResult.avsc")) {
            v1 = new org.apache.avro.Schema.Parser().parse(in);
        }
        ModerationResult current = sampleResult();
        var bytes = new java.io.ByteArrayOutputStream();
        var enc = org.apache.avro.io.EncoderFactory.get().binaryEncoder(bytes, null);
        new org.apache.avro.specific.SpecificDatumWriter<ModerationResult>(ModerationResult.getClassSchema())
                .write(current, enc);
        enc.flush();
        var dec = org.apache.avro.io.DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null);
        org.apache.avro.generic.GenericRecord old = new org.apache.avro.generic.GenericDatumReader<
                org.apache.avro.generic.GenericRecord>(ModerationResult.getClassSchema(), v1).read(null, dec);
        java.nio.ByteBuffer buf = new org.apache.avro.message.BinaryMessageEncoder<org.apache.avro.generic.GenericRecord>(
                org.apache.avro.generic.GenericData.get(), v1).encode(old);
        byte[] v1Bytes = new byte[buf.remaining()];
        buf.get(v1Bytes);

        ModerationResult read = Codecs.avro().results().decode("comments.toxic", v1Bytes);
        assertThat(read.getId()).isEqualTo("c1");
        assertThat(read.getLanguage().getLang()).isEqualTo("en");
        assertThat(read.getLanguage().getCoverage()).as("not in version 1").isNull();
        assertThat(read.getReviewThreshold()).isNull();
    }

    @Test
    void shouldWritePlainJsonWithIsoTimestampsAndBareUnions() {
        String json = new String(new JsonCodec<ModerationResult>(ModerationResult.getClassSchema())
                .encode("t", sampleResult()), StandardCharsets.UTF_8);
        assertThat(json).contains("\"action\":\"REWRITE\"", "\"key\":\"k1\"", "\"thread_id\":null",
                "\"created_at\":\"1970-01-01T00:00:01Z\"", "\"score_after\":0.1");
    }

    @Test
    void shouldAcceptJsonWithEpochMillisAndOptionalFieldsLeftOut() {
        byte[] json = "{\"id\":\"a\",\"text\":\"hi\",\"created_at\":5}".getBytes(StandardCharsets.UTF_8);
        CommentEvent e = new JsonCodec<CommentEvent>(CommentEvent.getClassSchema()).decode("t", json);
        assertThat(e.getCreatedAt()).isEqualTo(Instant.ofEpochMilli(5));
        assertThat(e.getLangHint()).isNull();
        assertThat(e.getAttributes()).isEmpty();
    }

    @Test
    void shouldRejectInvalidUtf8InAvroStringsInsteadOfReplacingIt() {
        AvroSingleObjectCodec<CommentEvent> codec = new AvroSingleObjectCodec<>(CommentEvent.getClassSchema());
        byte[] ok = codec.encode("t", Comments.event("x", "café", null));
        byte[] bad = ok.clone();
        for (int i = 0; i + 1 < bad.length; i++) {
            if (bad[i] == (byte) 0xC3 && bad[i + 1] == (byte) 0xA9) {
                bad[i + 1] = 'X';
            }
        }
        assertThat(codec.decode("t", ok).getText()).isEqualTo("café");
        assertThatThrownBy(() -> codec.decode("t", bad)).isInstanceOf(SerializationException.class)
                .hasStackTraceContaining("not valid UTF-8");
    }

    @Test
    void shouldRejectForeignBytesInEveryFormat() {
        byte[] garbage = {1, 2, 3, 4, 5, 6, 7};
        assertThatThrownBy(() -> new AvroSingleObjectCodec<CommentEvent>(CommentEvent.getClassSchema()).decode("t", garbage))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> new JsonCodec<CommentEvent>(CommentEvent.getClassSchema()).decode("t", garbage))
                .isInstanceOf(SerializationException.class);
        assertThatThrownBy(() -> new JsonCodec<CommentEvent>(CommentEvent.getClassSchema()).decode("t", "[1]".getBytes()))
                .isInstanceOf(SerializationException.class);
    }
}
