package io.detoxstreams.rewrite;

import java.util.List;

/**
 * A rewrite backend: toxic comments in, proposed neutral versions out, one per input, same order. The batch call is
 * the basic one (a poll batch is a GPU batch). Backends do not verify their output; {@link Verifier} does.
 */
public interface Rewriter extends AutoCloseable {

    List<Rewrite> rewriteBatch(List<RewriteRequest> requests);

    default Rewrite rewrite(RewriteRequest request) {
        return rewriteBatch(List.of(request)).get(0);
    }

    /** Backend name and model version, e.g. {@code embedded/2026.11.25}. */
    String name();

    /**
     * Whether a batch costs its size times its longest request (a padded GPU batch), so the detoxifier should send
     * requests of similar length together within {@code rewriter.max.batch.tokens}. False by default: the backend
     * gets each language's requests in one call.
     */
    default boolean padded() {
        return false;
    }

    /** The request's length in the backend's own tokens (for the token budget of padded backends). */
    default int tokenCount(RewriteRequest request) {
        return Math.max(1, request.text().length() / 4);
    }

    @Override
    default void close() {
    }
}
