package io.detoxstreams.rewrite.policy;

import io.detoxstreams.classify.Category;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewritePolicy;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.safety.HarmKind;
import io.detoxstreams.safety.HarmPatterns;

import java.util.Map;
import java.util.Optional;

/**
 * What must go to human review whatever a rewriter could do (DESIGN §3 "Policy"), checked on the original by
 * {@link #beforeRewrite}: self-harm ({@link HarmPatterns}); threats (the classifier's {@code threat} category at or
 * above {@link #threatThreshold()}, or a {@link HarmPatterns} threat); and, where a learned
 * {@link NotDetoxifiableModel} exists for the language (English), toxic comments it judges not detoxifiable. In
 * languages without a model, {@link #afterRewrite} holds a proposed rewrite that keeps fewer than
 * {@link #minContent()} content units of the original ({@link ContentCheck}).
 *
 * <p>Immutable and thread-safe.
 */
public final class HoldPolicy implements RewritePolicy {

    public static final double DEFAULT_THREAT_THRESHOLD = 0.5;
    public static final double DEFAULT_MIN_CONTENT = 1.0;

    private final double threatThreshold;
    private final double minContent;
    private final Map<String, NotDetoxifiableModel> models;

    /** A policy without learned models: {@link ContentCheck} in every language. */
    public HoldPolicy(double threatThreshold, double minContent) {
        this(threatThreshold, minContent, Map.of());
    }

    /**
     * @param models per-language non-detoxifiable models; languages with a model skip {@link ContentCheck}
     */
    public HoldPolicy(double threatThreshold, double minContent, Map<String, NotDetoxifiableModel> models) {
        this.threatThreshold = threatThreshold;
        this.minContent = minContent;
        this.models = Map.copyOf(models);
    }

    /** The defaults with the models shipped in the jar. */
    public static HoldPolicy defaults() {
        return new HoldPolicy(DEFAULT_THREAT_THRESHOLD, DEFAULT_MIN_CONTENT, NotDetoxifiableModel.loadAllShipped());
    }

    @Override
    public Optional<HoldReason> beforeRewrite(RewriteRequest request) {
        // One pass over the rules: self-harm rules come first, so a threat match means no self-harm rule matched.
        Optional<HarmPatterns.Match> harm = HarmPatterns.shipped().find(request.text(), request.lang());
        if (harm.isPresent() && harm.get().kind() == HarmKind.SELF_HARM) {
            return Optional.of(HoldReason.SELF_HARM);
        }
        Double threat = request.toxicity().categories().get(Category.THREAT.wireName());
        if (harm.isPresent() || request.toxicity().toxic() && threat != null && threat >= threatThreshold) {
            return Optional.of(HoldReason.THREAT);
        }
        NotDetoxifiableModel model = models.get(request.lang());
        if (model != null && request.toxicity().toxic()
                && model.notDetoxifiable(request.text(), request.toxicity())) {
            return Optional.of(HoldReason.NOT_DETOXIFIABLE);
        }
        return Optional.empty();
    }

    @Override
    public Optional<HoldReason> afterRewrite(RewriteRequest request, Rewrite rewrite) {
        if (!models.containsKey(request.lang())
                && ContentCheck.keptContent(request.text(), rewrite, request.lang()) < minContent) {
            return Optional.of(HoldReason.NOT_DETOXIFIABLE);
        }
        return Optional.empty();
    }

    /** The same policy with every non-detoxifiable model deciding at {@code threshold} (an operating point). */
    public HoldPolicy withNotDetoxifiableThreshold(double threshold) {
        Map<String, NotDetoxifiableModel> m = new java.util.HashMap<>();
        models.forEach((lang, model) -> m.put(lang, model.withThreshold(threshold)));
        return new HoldPolicy(threatThreshold, minContent, m);
    }

    /** The decision threshold of each language's non-detoxifiable model. */
    public Map<String, Double> notDetoxifiableThresholds() {
        Map<String, Double> t = new java.util.TreeMap<>();
        models.forEach((lang, model) -> t.put(lang, model.threshold()));
        return t;
    }

    public double threatThreshold() {
        return threatThreshold;
    }

    public double minContent() {
        return minContent;
    }

    /** The languages with a learned non-detoxifiable model. */
    public java.util.Set<String> modelLanguages() {
        return models.keySet();
    }
}
