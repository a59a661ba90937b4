package io.detoxstreams.rewrite;

import java.util.List;

/**
 * Turns toxic comments into verdicts: policy (never rewrite threats/self-harm/non-detoxifiable comments), rewrite
 * through a backend chain, verify, and explain. One decision per request, same order. This is what the rewriter
 * worker calls for each poll batch.
 */
public interface Detoxifier extends AutoCloseable {

    List<ModerationDecision> detoxifyBatch(List<RewriteRequest> requests);

    default ModerationDecision detoxify(RewriteRequest request) {
        return detoxifyBatch(List.of(request)).get(0);
    }

    @Override
    default void close() {
    }
}
