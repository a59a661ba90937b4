package io.detoxstreams.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detoxstreams.avro.CommentEvent;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/**
 * Reads one comment from a JSON line as typed by a person ({@code produce --input comments.jsonl}, the demo sample):
 * field names as in the CommentEvent schema; {@code id} and {@code created_at} may be left out (a random UUID and
 * the current time are filled in). Unknown fields are ignored.
 */
public final class CommentJsonLines {

    private CommentJsonLines() {
    }

    public static CommentEvent parse(String line, Instant now) {
        JsonNode node;
        try {
            node = AvroJson.MAPPER.readTree(line);
        } catch (IOException e) {
            throw new SerializationException("not a JSON object: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new SerializationException("not a JSON object");
        }
        ObjectNode o = ((ObjectNode) node).deepCopy();
        if (!o.hasNonNull("id")) {
            o.put("id", UUID.randomUUID().toString());
        }
        if (!o.hasNonNull("created_at")) {
            o.put("created_at", now.toEpochMilli());
        }
        return AvroJson.fromJson(o, CommentEvent.getClassSchema());
    }
}
