package io.detoxstreams.rewrite;

/**
 * Sees every call a {@link VerifyingDetoxifier} makes to a rewrite backend, for telemetry (which backend, which
 * language, how many comments, how long, how many it made no proposal for). Called on the rewriting thread; must be
 * quick and thread-safe.
 */
public interface BackendObserver {

    /**
     * @param backend  {@link Rewriter#name()}
     * @param lang     the language of the batch
     * @param size     comments in the call
     * @param nanos    wall time of the call
     * @param failed   comments the backend made no proposal for (the whole batch when the call threw)
     */
    void backendCall(String backend, String lang, int size, long nanos, int failed);
}
