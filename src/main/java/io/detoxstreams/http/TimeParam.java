package io.detoxstreams.http;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters that are instants: ISO-8601 ({@code 2026-11-25T10:00:00Z}, or with an offset) or epoch millis. */
final class TimeParam {

    private TimeParam() {
    }

    /** @throws IllegalArgumentException (answered as 400) when the value is neither form */
    static Instant parse(String name, String value, Instant fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + "=" + value + " is neither ISO-8601 (2026-11-25T10:00:00Z) "
                    + "nor epoch milliseconds");
        }
    }
}
