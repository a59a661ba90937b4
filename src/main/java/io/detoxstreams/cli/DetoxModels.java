package io.detoxstreams.cli;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.embedded.EmbeddedRewriter;

/**
 * The models the {@code rewrite} and {@code eval detox} commands run: the embedded classifier shipped in the jar and
 * a {@link VerifyingDetoxifier} over the embedded rewriter (which uses the same classifier for its self-check).
 * Closing closes them all.
 */
final class DetoxModels implements AutoCloseable {

    final ToxicityClassifier classifier;
    final EmbeddedRewriter rewriter;
    final VerifyingDetoxifier detoxifier;

    private DetoxModels(ToxicityClassifier classifier, double similarityFloor) {
        this.classifier = classifier;
        this.rewriter = EmbeddedRewriter.loadDefault(classifier);
        this.detoxifier = VerifyingDetoxifier.builder()
                .classifier(classifier)
                .languageDetector(CompositeLanguageDetector.loadDefault())
                .rewriter(rewriter)
                .similarityFloor(similarityFloor)
                .build();
    }

    /** Loads the shipped models; fails with the loaders' messages when a resource is missing. */
    static DetoxModels load(double similarityFloor) {
        return new DetoxModels(EmbeddedToxicityClassifier.loadDefault(), similarityFloor);
    }

    @Override
    public void close() {
        detoxifier.close();
        classifier.close();
    }
}
