package io.detoxstreams.models;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.policy.HoldPolicy;

import java.util.function.Supplier;

/**
 * The models one process runs, built by {@link ModelFactory} from the configuration: language detection and the
 * (per-language) classifier for the moderator; the detoxifier with each language's rewriter chain for the rewriter.
 * The detector and the detoxifier are built on first use, so that a moderator never loads rewrite models and an
 * evaluation of the classifier never loads Lingua. Shared by all threads; closing closes every
 * model.
 *
 * <pre>{@code
 * try (Models models = ModelFactory.load(config)) {
 *     LanguageGuess lang = models.languageDetector().detect(text, hint);
 *     ToxicityResult tox = models.classifier().classify(text, lang.lang());
 * }
 * }</pre>
 */
public final class Models implements AutoCloseable {

    private final Supplier<LanguageDetector> detectorLoader;
    private LanguageDetector languageDetector;
    private final EmbeddedToxicityClassifier embedded;
    private final ToxicityClassifier classifier;
    private final ToxicityClassifier judge;
    private final HoldPolicy policy;
    private final java.util.function.Function<Models, VerifyingDetoxifier> detoxifierLoader;
    private VerifyingDetoxifier detoxifier;
    private boolean closed;

    Models(Supplier<LanguageDetector> detectorLoader, EmbeddedToxicityClassifier embedded,
           ToxicityClassifier classifier, ToxicityClassifier judge, HoldPolicy policy,
           java.util.function.Function<Models, VerifyingDetoxifier> detoxifierLoader) {
        this.detectorLoader = detectorLoader;
        this.embedded = embedded;
        this.classifier = classifier;
        this.judge = judge;
        this.policy = policy;
        this.detoxifierLoader = detoxifierLoader;
    }

    /** Language detection over the configured languages; loaded on first call (Lingua takes seconds). */
    public synchronized LanguageDetector languageDetector() {
        if (closed) {
            throw new IllegalStateException("models are closed");
        }
        if (languageDetector == null) {
            languageDetector = detectorLoader.get();
        }
        return languageDetector;
    }

    /** The classifier the moderator and the verifier use: each language's own ({@code classifier.<lang>}). */
    public ToxicityClassifier classifier() {
        return classifier;
    }

    /**
     * The same classifier deciding "toxic" from each language's review band on: what the detoxifier verifies
     * rewrites with (a rewrite still in the band is not published) and {@code eval detox}'s judge. Shares the
     * models of {@link #classifier()}; closed with them.
     */
    public ToxicityClassifier judge() {
        return judge;
    }

    /** The embedded model (always loaded: it gives spans and categories to transformer classifiers too). */
    public EmbeddedToxicityClassifier embedded() {
        return embedded;
    }

    /** The hold policy in force (with {@code rewriter.hold.threshold} applied). */
    public HoldPolicy policy() {
        return policy;
    }

    /**
     * The detoxifier with each language's rewriter chain; loads the rewrite models on first call.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key and path of a model that cannot load
     */
    public synchronized VerifyingDetoxifier detoxifier() {
        if (closed) {
            throw new IllegalStateException("models are closed");
        }
        if (detoxifier == null) {
            detoxifier = detoxifierLoader.apply(this);
        }
        return detoxifier;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (detoxifier != null) {
                detoxifier.close();
            }
        } finally {
            try {
                classifier.close();
            } finally {
                embedded.close();
                if (languageDetector != null) {
                    languageDetector.close();
                }
            }
        }
    }
}
