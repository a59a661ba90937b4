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
    final LanguageDetector detector;
    final VerifyingDetoxifier detoxifier;
    final HoldPolicy policy;

    private DetoxModels(ToxicityClassifier classifier, double similarityFloor, Double notDetoxifiableThreshold,
                        double fluencyFloor) {
        this.classifier = classifier;
        this.detector = CompositeLanguageDetector.loadDefault();
        HoldPolicy defaults = HoldPolicy.defaults();
        this.policy = notDetoxifiableThreshold == null ? defaults
                : defaults.withNotDetoxifiableThreshold(notDetoxifiableThreshold);
        this.detoxifier = EmbeddedDetoxifier.create(classifier, detector, similarityFloor, policy, fluencyFloor);
    }

    /**
     * Loads the shipped models; fails with the loaders' messages when a resource is missing.
     *
     * @param notDetoxifiableThreshold decision threshold of the non-detoxifiable models; null keeps the shipped one
     * @param fluencyFloor             the verifier's fluency floor (share of human rewrites it would reject)
     */
    static DetoxModels load(double similarityFloor, Double notDetoxifiableThreshold, double fluencyFloor) {
        return new DetoxModels(EmbeddedToxicityClassifier.loadDefault(), similarityFloor, notDetoxifiableThreshold,
                fluencyFloor);
    }

    @Override
    public void close() {
        detoxifier.close();
        classifier.close();
        detector.close();
    }
}
