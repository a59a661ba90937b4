package io.detoxstreams.worker;

import java.time.Duration;

/** Exponential backoff: {@code initial}, doubling on each {@link #next()}, never above {@code max}; reset on success. */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private int failures;

    Backoff(long initialMillis, long maxMillis) {
        this.initialMillis = Math.max(1, initialMillis);
        this.maxMillis = Math.max(this.initialMillis, maxMillis);
    }

    /** The pause before the next try, and one more failure counted. */
    Duration next() {
        long d = initialMillis << Math.min(failures, 30);
        failures++;
        return Duration.ofMillis(d <= 0 || d > maxMillis ? maxMillis : d);
    }

    /** Consecutive failures so far. */
    int failures() {
        return failures;
    }

    void reset() {
        failures = 0;
    }
}
