package io.detoxstreams.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A record's text is not valid UTF-8. */
public class InvalidUtf8Exception extends SerializationException {

    public InvalidUtf8Exception(String message) {
        super(message);
    }
}
