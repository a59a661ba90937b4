package io.detoxstreams.moderator;

import org.apache.kafka.common.errors.SerializationException;

/**
 * A result whose encoding exceeds the room left for it under {@code records.max.bytes}. Thrown by the sinks' value
 * serializer — before anything reaches the producer, so the open transaction stays healthy — and turned into a dead
 * letter of the input by {@link DeadLetterHandlers.Production}.
 */
final class ResultTooLargeException extends SerializationException {

    ResultTooLargeException(String topic, int bytes, int limit) {
        super("result for " + topic + " is " + bytes + " bytes, more than the " + limit
                + " left for a result under records.max.bytes (less input.max.bytes for its key and headers)");
    }

    /** {@code codec}'s serde, whose serializer refuses values longer than {@code limit} bytes. */
    static <T> org.apache.kafka.common.serialization.Serde<T> bounded(io.detoxstreams.serde.Codec<T> codec, int limit) {
        return org.apache.kafka.common.serialization.Serdes.serdeFrom((topic, value) -> {
            if (value == null) {
                return null;
            }
            byte[] bytes = codec.encode(topic, value);
            if (bytes.length > limit) {
                throw new ResultTooLargeException(topic, bytes.length, limit);
            }
            return bytes;
        }, (topic, bytes) -> bytes == null ? null : codec.decode(topic, bytes));
    }
}
