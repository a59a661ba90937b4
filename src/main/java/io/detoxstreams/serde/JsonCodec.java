package io.detoxstreams.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.nio.ByteBuffer;

/** The {@code json} format: one UTF-8 JSON object per record, mapped by {@link AvroJson}. */
public final class JsonCodec<T extends SpecificRecord> implements Codec<T> {

    private final Schema schema;

    public JsonCodec(Schema schema) {
        this.schema = schema;
    }

    @Override
    public byte[] encode(String topic, T value) {
        try {
            return AvroJson.MAPPER.writeValueAsBytes(AvroJson.toJson(value));
        } catch (JsonProcessingException e) {
            throw new SerializationException("cannot write JSON", e);
        }
    }

    @Override
    public T decode(String topic, byte[] bytes) {
        // Validate first: Jackson would accept some malformed sequences inside strings.
        String text;
        try {
            text = StrictUtf8SpecificData.decodeStrict(ByteBuffer.wrap(bytes));
        } catch (InvalidUtf8Exception e) {
            // Only JSON with a bad string inside is "invalid UTF-8"; Avro, random or other binary bytes are not JSON.
            if (looksLikeJsonObject(bytes)) {
                throw e;
            }
            throw new SerializationException("not JSON: the bytes are not UTF-8 text");
        }
        JsonNode node;
        try {
            node = AvroJson.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new SerializationException("not JSON: " + e.getMessage());
        }
        return AvroJson.fromJson(node, schema);
    }

    /** Whether {@code bytes} start like a JSON object (after whitespace): text, not Avro or random binary. */
    private static boolean looksLikeJsonObject(byte[] bytes) {
        for (byte b : bytes) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return b == '{';
            }
        }
        return false;
    }
}
