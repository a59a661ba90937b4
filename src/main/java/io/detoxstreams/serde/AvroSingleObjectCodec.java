package io.detoxstreams.serde;

import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * Avro single-object encoding (magic {@code C3 01}, 8-byte CRC-64-AVRO fingerprint of the writer schema, Avro
 * binary) for one generated class — the embedded default format: self-describing enough to reject foreign bytes and
 * to resolve older schema versions added with {@link #addWriterSchema}, without a registry.
 */
public final class AvroSingleObjectCodec<T extends SpecificRecord> implements Codec<T> {

    private final BinaryMessageEncoder<T> encoder;
    private final BinaryMessageDecoder<T> decoder;

    public AvroSingleObjectCodec(Schema schema) {
        // The encoder writes with the stock model (fast custom coders); the decoder must be strict about UTF-8.
        this.encoder = new BinaryMessageEncoder<>(SpecificData.get(), schema);
        this.decoder = new BinaryMessageDecoder<>(StrictUtf8SpecificData.INSTANCE, schema);
    }

    /** Lets this codec read records written with an earlier version of the schema. */
    public AvroSingleObjectCodec<T> addWriterSchema(Schema older) {
        decoder.addSchema(older);
        return this;
    }

    @Override
    public byte[] encode(String topic, T value) {
        try {
            ByteBuffer buf = encoder.encode(value);
            byte[] out = new byte[buf.remaining()];
            buf.get(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public T decode(String topic, byte[] bytes) {
        if (bytes == null) {
            throw new SerializationException("null value");
        }
        try {
            return decoder.decode(bytes);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SerializationException se) {
                throw se;
            }
            throw new SerializationException("not an Avro single-object record: " + e.getMessage(), e);
        }
    }
}
