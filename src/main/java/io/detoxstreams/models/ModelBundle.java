package io.detoxstreams.models;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.Detoxifier;

/**
 * The models one process runs: language detection and classification (moderator), detoxification (rewriter).
 * Built once at start-up and shared by all stream threads; closing the bundle closes every model.
 */
public record ModelBundle(LanguageDetector languageDetector, ToxicityClassifier classifier, Detoxifier detoxifier)
        implements AutoCloseable {

    @Override
    public void close() {
        detoxifier.close();
        classifier.close();
        languageDetector.close();
    }
}
