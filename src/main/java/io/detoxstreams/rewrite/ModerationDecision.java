package io.detoxstreams.rewrite;

import io.detoxstreams.explain.Explanation;
import io.detoxstreams.explain.HoldReason;

/**
 * The final verdict on a toxic comment after rewriting and verification.
 *
 * @param action      {@link Action#REWRITE} or {@link Action#HOLD} ({@link Action#PASS} for clean comments)
 * @param text        the published text: the rewrite for REWRITE, the original for PASS, empty for HOLD
 * @param reason      null for PASS/REWRITE; the hold reason for HOLD
 * @param scoreBefore toxicity of the original
 * @param scoreAfter  toxicity of the rewrite (NaN when none was verified)
 * @param similarity  content similarity of the rewrite to the original in [0, 1] (NaN when none)
 * @param explanation spans, actions, scores, method and summary; never null for REWRITE/HOLD
 */
public record ModerationDecision(Action action, String text, HoldReason reason, double scoreBefore,
                                 double scoreAfter, double similarity, Explanation explanation) {
}
