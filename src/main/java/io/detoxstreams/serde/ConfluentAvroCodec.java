package io.detoxstreams.serde;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The Confluent wire format: magic byte {@code 0}, the 4-byte big-endian schema id, then Avro binary. Writes register
 * the schema under {@code <topic>-value} (TopicNameStrategy); reads fetch the writer schema by id and resolve it to
 * the current one, so older producers keep working.
 */
public final class ConfluentAvroCodec<T extends SpecificRecord> implements Codec<T> {

    static final byte MAGIC = 0;

    private final Schema schema;
    private final SchemaRegistryClient registry;

    public ConfluentAvroCodec(Schema schema, SchemaRegistryClient registry) {
        this.schema = schema;
        this.registry = registry;
    }

    @Override
    public byte[] encode(String topic, T value) {
        int id = registry.register(topic + "-value", schema);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC);
            out.write(ByteBuffer.allocate(4).putInt(id).array());
            BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<T>(schema, SpecificData.get()).write(value, enc);
            enc.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new SerializationException("cannot encode " + schema.getName(), e);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public T decode(String topic, byte[] bytes) {
        if (bytes == null || bytes.length < 5 || bytes[0] != MAGIC) {
            throw new SerializationException("not in the Confluent wire format (magic byte 0 + schema id)");
        }
        int id = ByteBuffer.wrap(bytes, 1, 4).getInt();
        Schema writer = registry.schemaById(id);
        DatumReader<T> reader = (DatumReader<T>) StrictUtf8SpecificData.INSTANCE.createDatumReader(writer, schema);
        try {
            return reader.read(null, DecoderFactory.get().binaryDecoder(bytes, 5, bytes.length - 5, null));
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("cannot decode schema id " + id + ": " + e.getMessage(), e);
        }
    }
}
