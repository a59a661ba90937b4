package io.detoxstreams.serde;

import org.apache.kafka.common.errors.SerializationException;

/** A required field is absent (or null) in a JSON record; {@link #field()} names it, e.g. {@code text}. */
public class MissingFieldException extends SerializationException {

    private final String field;

    public MissingFieldException(String path, String field) {
        super(path + ": missing required field '" + field + "'");
        this.field = field;
    }

    /** The field's name (without the record path). */
    public String field() {
        return field;
    }
}
