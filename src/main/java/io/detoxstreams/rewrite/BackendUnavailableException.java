package io.detoxstreams.rewrite;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The rewrite backend itself is down or overloaded (connection refused, HTTP 5xx or 429, timeout, circuit breaker
 * open) — as opposed to failing on one comment. A {@link Detoxifier} throws it (or lets an {@link IOException} or
 * {@link TimeoutException} through) so that the rewriter worker pauses consumption and retries later instead of
 * holding comments for review: nothing is held or lost because of an outage (DESIGN §2).
 * {@link VerifyingDetoxifier} throws it when, for some comment of the batch, every backend of its chain was
 * unavailable; {@link #served()} then says how many other comments of the batch a backend did serve, which tells an
 * outage (none) from a backend that is up but keeps failing particular comments.
 */
public class BackendUnavailableException extends RuntimeException {

    private final int served;

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
        this.served = 0;
    }

    public BackendUnavailableException(String message) {
        this(message, 0);
    }

    /** @param served comments of the same batch that a backend did serve (a proposal, or a failure of their own) */
    public BackendUnavailableException(String message, int served) {
        super(message);
        this.served = served;
    }

    /** Comments of the same batch that a backend did serve despite it; 0 when none or unknown. */
    public int served() {
        return served;
    }

    /** Whether {@code t} (or a cause) says the backend is unavailable rather than that one request was bad. */
    public static boolean isOutage(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BackendUnavailableException || c instanceof IOException || c instanceof TimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** {@link #served()} of {@code t} when it is one, else 0. */
    public static int served(Throwable t) {
        return t instanceof BackendUnavailableException b ? b.served() : 0;
    }
}
