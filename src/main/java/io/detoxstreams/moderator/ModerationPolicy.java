package io.detoxstreams.moderator;

import io.detoxstreams.classify.Coverage;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.safety.Harm;
import io.detoxstreams.safety.HarmDetector;
import io.detoxstreams.safety.HarmKind;

import java.util.Optional;

/**
 * What the moderator does with a classified comment (DESIGN §3), in this order:
 * <ol>
 *   <li>a threat or self-harm ({@link HarmDetector}, on every comment whatever its score) → HOLD {@code threat} /
 *       {@code self_harm};</li>
 *   <li>a language the model has no data for, or none detected ({@link Coverage#UNSUPPORTED}) → HOLD
 *       {@code unsupported_language} or PASS, by {@code moderation.unsupported.action};</li>
 *   <li>score at or above the language's threshold → REWRITE (sent to the rewriter);</li>
 *   <li>score in the review band [{@link #reviewThreshold}, threshold) → HOLD {@code uncertain} or PASS, by
 *       {@code moderation.uncertain.action} — never rewritten;</li>
 *   <li>otherwise PASS.</li>
 * </ol>
 * Text too short to tell its language ({@code und}, method {@code short}: emoji, "ok") is {@link Coverage#LIMITED}:
 * the shared model scores it. Immutable and thread-safe.
 */
public final class ModerationPolicy {

    /** Where a comment goes. */
    public enum Route { PASS, REWRITE, HOLD }

    /**
     * @param route           what happens to the comment
     * @param reason          the hold reason for {@link Route#HOLD}, else null
     * @param coverage        what the model knows about the comment's language
     * @param reviewThreshold the lower bound of the language's review band
     * @param uncertain       the score lies in the review band
     * @param harm            the threat or self-harm found, if any
     */
    public record Decision(Route route, HoldReason reason, Coverage coverage, double reviewThreshold,
                           boolean uncertain, Optional<Harm> harm) {
    }

    private final ToxicityClassifier classifier;
    private final HarmDetector harm;
    private final boolean reviewUncertain;
    private final boolean reviewUnsupported;

    /**
     * @param classifier the classifier whose thresholds and review band ({@code threshold.<lang>},
     *                   {@code review.threshold.<lang>}, applied by {@code models.ModelFactory}) the policy reads
     */
    public ModerationPolicy(ToxicityClassifier classifier, HarmDetector harm, boolean reviewUncertain,
                            boolean reviewUnsupported) {
        this.classifier = classifier;
        this.harm = harm;
        this.reviewUncertain = reviewUncertain;
        this.reviewUnsupported = reviewUnsupported;
    }

    /** The policy configured by {@code moderation.*}, with the shipped rules, over the configured classifier. */
    public static ModerationPolicy from(DetoxConfig config, ToxicityClassifier classifier) {
        return new ModerationPolicy(classifier, HarmDetector.shipped(classifier),
                DetoxConfig.ACTION_REVIEW.equals(config.getString(DetoxConfig.MODERATION_UNCERTAIN_ACTION)),
                DetoxConfig.ACTION_REVIEW.equals(config.getString(DetoxConfig.MODERATION_UNSUPPORTED_ACTION)));
    }

    /** The defaults: uncertain comments pass, unsupported ones go to review. */
    public static ModerationPolicy defaults(ToxicityClassifier classifier) {
        return new ModerationPolicy(classifier, HarmDetector.shipped(classifier), false, true);
    }

    public Decision decide(String text, LanguageGuess language, ToxicityResult toxicity) {
        String lang = language.lang();
        Coverage coverage = coverage(language);
        double lower = reviewThreshold(lang);
        boolean uncertain = !toxicity.toxic() && toxicity.score() >= lower;
        Optional<Harm> found = harm.detect(text, lang, toxicity);
        if (found.isPresent()) {
            HoldReason reason = found.get().kind() == HarmKind.SELF_HARM ? HoldReason.SELF_HARM : HoldReason.THREAT;
            return new Decision(Route.HOLD, reason, coverage, lower, uncertain, found);
        }
        if (coverage == Coverage.UNSUPPORTED) {
            return reviewUnsupported
                    ? new Decision(Route.HOLD, HoldReason.UNSUPPORTED_LANGUAGE, coverage, lower, uncertain, found)
                    : new Decision(Route.PASS, null, coverage, lower, uncertain, found);
        }
        if (toxicity.toxic()) {
            return new Decision(Route.REWRITE, null, coverage, lower, false, found);
        }
        if (uncertain && reviewUncertain) {
            return new Decision(Route.HOLD, HoldReason.UNCERTAIN, coverage, lower, true, found);
        }
        return new Decision(Route.PASS, null, coverage, lower, uncertain, found);
    }

    /** What the model knows about the comment's language; text too short to tell is {@link Coverage#LIMITED}. */
    public Coverage coverage(LanguageGuess language) {
        if (!language.isDetermined()) {
            return language.isTooShort() ? Coverage.LIMITED : Coverage.UNSUPPORTED;
        }
        return classifier.coverage(language.lang());
    }

    /** The lower bound of {@code lang}'s review band, never above the threshold. */
    public double reviewThreshold(String lang) {
        return Math.min(classifier.reviewThreshold(lang), classifier.threshold(lang));
    }
}
