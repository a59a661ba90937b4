package io.detoxstreams.models;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier;

/**
 * The models one process runs: language detection and classification (moderator), detoxification (rewriter).
 * Built once at start-up and shared by all stream threads; closing the bundle closes every model.
 *
 * <pre>{@code
 * try (ModelBundle models = ModelBundle.loadDefault()) {
 *     LanguageGuess lang = models.languageDetector().detect(text, hint);
 *     ToxicityResult tox = models.classifier().classify(text, lang.lang());
 * }
 * }</pre>
 */
public record ModelBundle(LanguageDetector languageDetector, ToxicityClassifier classifier, Detoxifier detoxifier)
        implements AutoCloseable {

    /** The embedded defaults shipped in the jar: no files, no network, no GPU. */
    public static ModelBundle loadDefault() {
        return load(Settings.defaults());
    }

    public static ModelBundle load(Settings settings) {
        CompositeLanguageDetector detector = CompositeLanguageDetector.builder().languages(settings.languages())
                .linguaLowAccuracy(settings.linguaLowAccuracy()).build();
        EmbeddedToxicityClassifier classifier = EmbeddedToxicityClassifier.loadDefault()
                .withThresholds(settings.thresholds());
        // Rewrites are verified against the review band's lower bound: never published while still uncertain.
        Detoxifier detoxifier = EmbeddedDetoxifier.create(classifier.withThresholdsAtReviewBand(), detector,
                settings.similarityFloor());
        return new ModelBundle(detector, classifier, detoxifier);
    }

    /**
     * What can be configured about the embedded models.
     *
     * @param languages         languages the detector may answer (ISO 639-1)
     * @param similarityFloor   minimum content similarity of a rewrite to its original
     * @param thresholds        per-language overrides of the classifier's decision thresholds
     * @param linguaLowAccuracy Lingua's low-accuracy mode for the language-detection fallback (less memory)
     */
    public record Settings(java.util.List<String> languages, double similarityFloor,
                           java.util.Map<String, Double> thresholds, boolean linguaLowAccuracy) {

        public static Settings defaults() {
            return new Settings(CompositeLanguageDetector.DEFAULT_LANGUAGES, Verifier.DEFAULT_SIMILARITY_FLOOR,
                    java.util.Map.of(), false);
        }
    }

    @Override
    public void close() {
        detoxifier.close();
        classifier.close();
        languageDetector.close();
    }
}
