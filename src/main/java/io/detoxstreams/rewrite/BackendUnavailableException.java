package io.detoxstreams.rewrite;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * The rewrite backend itself is down or overloaded (connection refused, HTTP 5xx or 429, timeout) — as opposed to
 * failing on one comment. A {@link Detoxifier} throws it (or lets an {@link IOException} or {@link TimeoutException}
 * through) so that the rewriter worker pauses consumption and retries later instead of holding comments for review:
 * nothing is held or lost because of an outage (DESIGN §2).
 */
public class BackendUnavailableException extends RuntimeException {

    public BackendUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public BackendUnavailableException(String message) {
        super(message);
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
}
