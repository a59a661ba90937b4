package io.detoxstreams.serde;

import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Turns one record type into bytes and back in one wire format. Decoding failures throw
 * {@link org.apache.kafka.common.errors.SerializationException} (the moderator routes such records to the DLQ).
 * Implementations are thread-safe.
 */
public interface Codec<T> {

    byte[] encode(String topic, T value);

    T decode(String topic, byte[] bytes);

    /** This codec as a Kafka serde (for producers, consumers and Streams sinks). */
    default Serde<T> serde() {
        Serializer<T> ser = (topic, value) -> value == null ? null : encode(topic, value);
        Deserializer<T> de = (topic, bytes) -> bytes == null ? null : decode(topic, bytes);
        return Serdes.serdeFrom(ser, de);
    }
}
