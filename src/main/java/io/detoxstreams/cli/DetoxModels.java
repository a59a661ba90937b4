package io.detoxstreams.cli;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier;
import io.detoxstreams.rewrite.policy.HoldPolicy;

/**
 * The models the {@code rewrite} and {@code eval detox} commands run: the embedded classifier shipped in the jar and
 * the {@link EmbeddedDetoxifier} over it. Closing closes them all.
 */
final class DetoxModels implements AutoCloseable {

    final ToxicityClassifier classifier;
    /** The classifier at the review band's lower bound: what the detoxifier verifies rewrites with, and the judge. */
    final ToxicityClassifier judge;
    final LanguageDetector detector;
    final VerifyingDetoxifier detoxifier;
    final HoldPolicy policy;

    private DetoxModels(EmbeddedToxicityClassifier classifier, double similarityFloor,
                        Double notDetoxifiableThreshold) {
        this.classifier = classifier;
        this.judge = classifier.withThresholdsAtReviewBand();
        this.detector = CompositeLanguageDetector.loadDefault();
        HoldPolicy defaults = HoldPolicy.defaults();
        this.policy = notDetoxifiableThreshold == null ? defaults
                : defaults.withNotDetoxifiableThreshold(notDetoxifiableThreshold);
        this.detoxifier = EmbeddedDetoxifier.create(judge, detector, similarityFloor, policy);
    }

    /**
     * Loads the shipped models; fails with the loaders' messages when a resource is missing.
     *
     * @param notDetoxifiableThreshold decision threshold of the non-detoxifiable models; null keeps the shipped one
     */
    static DetoxModels load(double similarityFloor, Double notDetoxifiableThreshold) {
        return new DetoxModels(EmbeddedToxicityClassifier.loadDefault(), similarityFloor, notDetoxifiableThreshold);
    }

    @Override
    public void close() {
        detoxifier.close();
        classifier.close();
        detector.close();
    }
}
