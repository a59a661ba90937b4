package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.VerifyingDetoxifier;

/**
 * The shipped classifier and the embedded detoxifier verified by it (no language detector), as the rewriter tests of
 * single sentences use them: classify a text in its language, then detoxify it.
 */
final class ShippedDetoxifier implements AutoCloseable {

    private final EmbeddedToxicityClassifier classifier = EmbeddedToxicityClassifier.loadDefault();
    private final VerifyingDetoxifier detoxifier = EmbeddedDetoxifier.create(classifier, null,
            Verifier.DEFAULT_SIMILARITY_FLOOR);

    /** The shipped classifier's verdict on {@code text} in {@code lang}. */
    ToxicityResult classify(String text, String lang) {
        return classifier.classify(text, lang);
    }

    /** The decision for {@code text} in {@code lang}, with the classifier's verdict on it. */
    ModerationDecision decide(String text, String lang) {
        return detoxifier.detoxify(new RewriteRequest(text, lang, classifier.classify(text, lang)));
    }

    @Override
    public void close() {
        classifier.close();
    }
}
