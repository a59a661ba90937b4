package io.detoxstreams.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.serde.AvroJson;
import io.detoxstreams.serde.Codec;
import io.detoxstreams.serde.CommentJsonLines;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The demo's bundled sample, written by the project: {@code demo/comments.jsonl} (clean, toxic and obfuscated
 * comments in many languages and scripts) and {@code demo/malformed.jsonl} (records that must end in the DLQ: garbage
 * bytes, no text, too long, invalid UTF-8, truncated), turned into the bytes a producer would send.
 */
public final class SampleComments {

    /** A malformed input record and why it is malformed. */
    public record Malformed(String id, String why, byte[] bytes) {
    }

    private SampleComments() {
    }

    public static List<CommentEvent> comments(Instant now) {
        return lines("/demo/comments.jsonl").stream().map(l -> CommentJsonLines.parse(l, now)).toList();
    }

    public static List<Malformed> malformed(Codec<CommentEvent> codec, String topic, Instant now) {
        List<Malformed> out = new ArrayList<>();
        int i = 0;
        for (String line : lines("/demo/malformed.jsonl")) {
            JsonNode m = read(line);
            String why = m.path("why").asText();
            if (m.has("raw")) {
                out.add(new Malformed("raw-" + i++, why, m.get("raw").asText().getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            JsonNode event = m.get("event").deepCopy();
            if (m.has("repeat")) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) event).put("text",
                        event.get("text").asText().repeat(m.get("repeat").asInt()));
            }
            CommentEvent e = CommentJsonLines.parse(event.toString(), now);
            byte[] bytes = codec.encode(topic, e);
            if (m.path("corrupt_utf8").asBoolean()) {
                bytes = corruptUtf8(bytes, e.getText());
            }
            if (m.has("truncate")) {
                bytes = Arrays.copyOf(bytes, Math.min(bytes.length, m.get("truncate").asInt()));
            }
            out.add(new Malformed(e.getId(), why, bytes));
        }
        return out;
    }

    /**
     * Breaks the UTF-8 of the text's first non-ASCII character (its continuation byte becomes {@code X}); the
     * search looks for the text's own bytes so the schema fingerprint in the header is never touched.
     */
    static byte[] corruptUtf8(byte[] bytes, String text) {
        int cp = text.codePoints().filter(c -> c > 0x7F).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no non-ASCII character to corrupt in: " + text));
        int at = text.indexOf(cp);
        byte[] needle = text.substring(0, at + Character.charCount(cp)).getBytes(StandardCharsets.UTF_8);
        byte[] b = bytes.clone();
        outer:
        for (int i = 0; i + needle.length <= b.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (b[i + j] != needle[j]) {
                    continue outer;
                }
            }
            b[i + needle.length - 1] = 'X';
            return b;
        }
        throw new IllegalArgumentException("text bytes not found in the encoded record");
    }

    private static JsonNode read(String line) {
        try {
            return AvroJson.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> lines(String resource) {
        try (InputStream in = SampleComments.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return r.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
