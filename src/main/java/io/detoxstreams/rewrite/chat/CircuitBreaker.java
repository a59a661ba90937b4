package io.detoxstreams.rewrite.chat;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Skips a backend while it is down: after {@code failureThreshold} consecutive failed requests the breaker opens and
 * {@link #allow()} says no for {@code openFor}; then one trial request is let through (half-open): its success closes
 * the breaker, its failure opens it again. Thread-safe.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int failureThreshold;
    private final long openNanos;
    private final LongSupplier clock;
    private State state = State.CLOSED;
    private int failures;
    private long openUntil;
    private boolean trialInFlight;

    CircuitBreaker(int failureThreshold, Duration openFor, LongSupplier nanoClock) {
        this.failureThreshold = failureThreshold;
        this.openNanos = openFor.toNanos();
        this.clock = nanoClock;
    }

    /** Whether a request may go out now (in half-open state, only the one trial). */
    synchronized boolean allow() {
        if (state == State.OPEN && clock.getAsLong() - openUntil >= 0) {
            state = State.HALF_OPEN;
            trialInFlight = false;
        }
        if (state == State.HALF_OPEN) {
            if (trialInFlight) {
                return false;
            }
            trialInFlight = true;
            return true;
        }
        return state == State.CLOSED;
    }

    synchronized void success() {
        state = State.CLOSED;
        failures = 0;
        trialInFlight = false;
    }

    synchronized void failure() {
        failures++;
        if (state == State.HALF_OPEN || failures >= failureThreshold) {
            state = State.OPEN;
            openUntil = clock.getAsLong() + openNanos;
            trialInFlight = false;
        }
    }

    synchronized State state() {
        if (state == State.OPEN && clock.getAsLong() - openUntil >= 0) {
            return State.HALF_OPEN;
        }
        return state;
    }
}
