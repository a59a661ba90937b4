package io.detoxstreams.demo;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.ingest.CommentDecoder;
import io.detoxstreams.ingest.CommentValidator;
import io.detoxstreams.ingest.Ingest;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.serde.Format;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The bundled demo sample is what the README promises, and its malformed records really are malformed. */
class SampleCommentsTest {

    @Test
    void shouldCoverManyLanguagesAndScripts() {
        List<CommentEvent> comments = SampleComments.comments(Instant.now());
        assertThat(comments).hasSizeGreaterThanOrEqualTo(40);
        assertThat(comments).extracting(CommentEvent::getId).doesNotHaveDuplicates();
        Set<String> hints = comments.stream().map(CommentEvent::getLangHint).filter(Objects::nonNull).collect(Collectors.toSet());
        assertThat(hints).contains("en", "de", "es", "pt", "fr", "it", "nl", "pl", "ru", "uk", "tr", "ar", "el", "zh",
                "ko", "hi", "ja", "sv");
        String all = comments.stream().map(CommentEvent::getText).collect(Collectors.joining(" "));
        for (Character.UnicodeScript script : List.of(Character.UnicodeScript.CYRILLIC, Character.UnicodeScript.GREEK,
                Character.UnicodeScript.ARABIC, Character.UnicodeScript.DEVANAGARI, Character.UnicodeScript.HAN,
                Character.UnicodeScript.HANGUL, Character.UnicodeScript.HIRAGANA)) {
            assertThat(all.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script)).as("%s", script).isTrue();
        }
        assertThat(all).contains("f u c k", "1d10t", "st*pid", "ѕtupіd");   // spaced, leet, masked, homoglyphs
    }

    @ParameterizedTest
    @EnumSource(value = Format.class, names = {"AVRO", "JSON"})
    void shouldRejectEveryMalformedRecordForItsOwnReason(Format format) {
        Codec<CommentEvent> codec = new Codecs(format, format, null).comments();
        CommentDecoder decoder = new CommentDecoder(codec);
        CommentValidator validator = new CommentValidator(5000);
        List<SampleComments.Malformed> bad = SampleComments.malformed(codec, "comments", Instant.now());
        assertThat(bad).hasSizeGreaterThanOrEqualTo(5);
        List<String> reasons = bad.stream()
                .map(m -> validator.validate(decoder.decode("comments", m.bytes())))
                .map(i -> i instanceof Ingest.Rejected r ? r.reason().code() : "accepted")
                .toList();
        assertThat(reasons).containsExactly("undecodable", "missing_text", "too_long", "invalid_utf8", "undecodable");
    }

    @Test
    void shouldAcceptEveryValidSampleComment() {
        Codec<CommentEvent> codec = Codecs.avro().comments();
        CommentDecoder decoder = new CommentDecoder(codec);
        CommentValidator validator = new CommentValidator(5000);
        for (CommentEvent e : SampleComments.comments(Instant.now())) {
            assertThat(validator.validate(decoder.decode("comments", codec.encode("comments", e))))
                    .as(e.getId()).isInstanceOf(Ingest.Valid.class);
        }
    }
}
