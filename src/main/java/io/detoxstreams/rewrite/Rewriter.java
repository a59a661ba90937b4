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

    @Override
    default void close() {
    }
}
