package io.detoxstreams.rewrite;

import io.detoxstreams.explain.HoldReason;

import java.util.Optional;

/**
 * What must go to human review whatever a rewriter could do, asked by {@link VerifyingDetoxifier}: once on the
 * original before any backend runs, and once on every proposed rewrite before it is verified. The shipped rules are
 * {@code rewrite.policy.HoldPolicy}; this interface keeps the detoxifier independent of them (the policy package
 * depends on this one, not the other way round).
 *
 * <p>Implementations must be thread-safe.
 */
public interface RewritePolicy {

    /** A reason to hold the comment without trying any backend, or empty. */
    Optional<HoldReason> beforeRewrite(RewriteRequest request);

    /** A reason to reject this proposal (the next backend is tried), or empty. */
    Optional<HoldReason> afterRewrite(RewriteRequest request, Rewrite rewrite);
}
