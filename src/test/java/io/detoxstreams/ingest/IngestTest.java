package io.detoxstreams.ingest;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.serde.JsonCodec;
import io.detoxstreams.testing.Comments;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class IngestTest {

    private final CommentDecoder decoder = new CommentDecoder(new JsonCodec<>(CommentEvent.getClassSchema()));
    private final CommentValidator validator = new CommentValidator(10);

    @Test
    void shouldRejectWithTheRightReason() {
        assertThat(reason(decoder.decode("t", null))).isEqualTo(RejectReason.NULL_VALUE);
        assertThat(reason(decoder.decode("t", "nope".getBytes(StandardCharsets.UTF_8)))).isEqualTo(RejectReason.UNDECODABLE);
        assertThat(reason(validator.validate(decoder.decode("t", json("  "))))).isEqualTo(RejectReason.MISSING_TEXT);
        assertThat(reason(validator.validate(decoder.decode("t", json("12345678901"))))).isEqualTo(RejectReason.TOO_LONG);
        assertThat(validator.validate(decoder.decode("t", json("1234567890")))).isInstanceOf(Ingest.Valid.class);
    }

    @Test
    void shouldKeepTheRawBytesOfRejectedRecords() {
        byte[] raw = json(" ");
        Ingest.Rejected r = (Ingest.Rejected) validator.validate(decoder.decode("t", raw));
        assertThat(r.raw()).isSameAs(raw);
    }

    @Test
    void shouldNormalizeIdsTimestampsAndHintsButNeverTheText() {
        CommentEvent e = CommentEvent.newBuilder(Comments.event(" ", "  Hi  there ", "PT_br"))
                .setCreatedAt(Instant.ofEpochMilli(0)).build();
        Comment c = new CommentNormalizer().normalize(e, "k".getBytes(StandardCharsets.UTF_8), "comments", 2, 40, 99L);
        assertThat(c.id()).isEqualTo("comments-2-40");
        assertThat(c.createdAt()).isEqualTo(99L);
        assertThat(c.ingestedAt()).isEqualTo(99L);
        assertThat(c.langHint()).isEqualTo("pt");
        assertThat(c.text()).isEqualTo("  Hi  there ");
        assertThat(c.key()).isEqualTo("k");
        assertThat(CommentNormalizer.langHint("english please")).isNull();
        assertThat(CommentNormalizer.langHint(null)).isNull();
    }

    private static RejectReason reason(Ingest i) {
        return ((Ingest.Rejected) i).reason();
    }

    private static byte[] json(String text) {
        return ("{\"id\":\"x\",\"text\":\"" + text + "\",\"created_at\":1}").getBytes(StandardCharsets.UTF_8);
    }
}
