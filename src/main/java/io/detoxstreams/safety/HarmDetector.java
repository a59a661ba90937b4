package io.detoxstreams.safety;

import io.detoxstreams.classify.Category;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;

import java.util.Optional;

/**
 * Finds threats and self-harm in every comment, whatever its toxicity score (DESIGN §3 "Policy"): the hand-written
 * {@link HarmPatterns} of the comment's language (and the English ones, which also catch English written into
 * other-language threads), then the classifier's learned {@code threat} category at or above the classifier's
 * {@link ToxicityClassifier#threatThreshold threat threshold} for the language. The result names the passage read as
 * harm, so the explanation can point at it. Thread-safe; the per-comment cost is one pass over the comment's
 * characters for the rule triggers, plus the expressions of the few rules whose triggers occur.
 *
 * <pre>{@code
 * HarmDetector harm = HarmDetector.shipped(classifier);
 * Optional<Harm> h = harm.detect(text, lang, classifier.classify(text, lang));
 * }</pre>
 */
public final class HarmDetector {

    private static final String FALLBACK_LANGUAGE = "en";

    private final HarmPatterns patterns;
    private final ToxicityClassifier classifier;

    public HarmDetector(HarmPatterns patterns, ToxicityClassifier classifier) {
        this.patterns = patterns;
        this.classifier = classifier;
    }

    /** The shipped rules with {@code classifier}'s learned threat category. */
    public static HarmDetector shipped(ToxicityClassifier classifier) {
        return new HarmDetector(HarmPatterns.shipped(), classifier);
    }

    /**
     * @param lang     the comment's detected language ({@code und} and languages without rules use the English ones)
     * @param toxicity the classifier's verdict on the comment (its {@code threat} category and spans)
     */
    public Optional<Harm> detect(String text, String lang, ToxicityResult toxicity) {
        Optional<HarmPatterns.Match> m = patterns.find(text, lang, FALLBACK_LANGUAGE);
        if (m.isPresent()) {
            HarmPatterns.Match match = m.get();
            return Optional.of(new Harm(match.kind(), match.start(), match.end(), 1.0, "pattern:" + match.rule()));
        }
        Double threat = toxicity.categories().get(Category.THREAT.wireName());
        if (threat != null && threat >= classifier.threatThreshold(lang)) {
            ToxicSpan span = toxicity.spans().stream()
                    .filter(s -> s.category().equals(Category.THREAT.wireName())).findFirst().orElse(null);
            int start = span == null ? 0 : span.start();
            int end = span == null ? text.length() : span.end();
            return Optional.of(new Harm(HarmKind.THREAT, start, end, threat, "model:" + toxicity.model()));
        }
        return Optional.empty();
    }
}
