package io.detoxstreams.rewrite.policy;

import io.detoxstreams.classify.Category;
import io.detoxstreams.rewrite.HoldReason;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;

import java.util.Optional;

/**
 * What must go to human review whatever a rewriter could do (DESIGN §3 "Policy"): threats (the classifier's
 * {@code threat} category at or above {@link #threatThreshold()}, or a {@link HarmPatterns} threat), self-harm
 * ({@link HarmPatterns}), checked on the original by {@link #beforeRewrite}; and comments that are not detoxifiable —
 * the rewrite keeps fewer than {@link #minContent()} content units of the original ({@link ContentCheck}) — checked
 * on each proposed rewrite by {@link #afterRewrite}.
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldPolicy {

    public static final double DEFAULT_THREAT_THRESHOLD = 0.5;
    public static final double DEFAULT_MIN_CONTENT = 1.0;

    private final double threatThreshold;
    private final double minContent;

    public HoldPolicy(double threatThreshold, double minContent) {
        this.threatThreshold = threatThreshold;
        this.minContent = minContent;
    }

    public static HoldPolicy defaults() {
        return new HoldPolicy(DEFAULT_THREAT_THRESHOLD, DEFAULT_MIN_CONTENT);
    }

    public Optional<HoldReason> beforeRewrite(RewriteRequest request) {
        if (HarmPatterns.selfHarm(request.text(), request.lang())) {
            return Optional.of(HoldReason.SELF_HARM);
        }
        Double threat = request.toxicity().categories().get(Category.THREAT.wireName());
        if (request.toxicity().toxic() && threat != null && threat >= threatThreshold
                || HarmPatterns.threat(request.text(), request.lang())) {
            return Optional.of(HoldReason.THREAT);
        }
        return Optional.empty();
    }

    public Optional<HoldReason> afterRewrite(RewriteRequest request, Rewrite rewrite) {
        if (ContentCheck.keptContent(request.text(), rewrite, request.lang()) < minContent) {
            return Optional.of(HoldReason.NOT_DETOXIFIABLE);
        }
        return Optional.empty();
    }

    public double threatThreshold() {
        return threatThreshold;
    }

    public double minContent() {
        return minContent;
    }
}
