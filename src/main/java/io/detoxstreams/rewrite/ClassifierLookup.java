package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityClassifier;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Finds the project's embedded toxicity classifier ({@code io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier
 * #loadDefault()}, owned by the classify package) for the {@code rewrite} and {@code eval detox} commands and the
 * detox quality test.
 *
 * <p>Why by name: the rewriter was built on a branch where the classifier had not landed yet. Once both are on
 * {@code main} this class can be replaced by a direct {@code EmbeddedToxicityClassifier.loadDefault()} call; until
 * then it fails (or lets tests skip) with a clear message instead of running with any stand-in.
 */
public final class ClassifierLookup {

    static final String CLASS = "io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier";

    private ClassifierLookup() {
    }

    /** Whether the embedded classifier is part of this build. */
    public static boolean available() {
        try {
            Class.forName(CLASS, false, ClassifierLookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Loads the embedded classifier shipped in the jar, or empty when this build has none. */
    public static Optional<ToxicityClassifier> loadEmbedded() {
        if (!available()) {
            return Optional.empty();
        }
        try {
            Object c = Class.forName(CLASS).getMethod("loadDefault").invoke(null);
            return Optional.of((ToxicityClassifier) c);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("cannot load the embedded classifier: " + cause, cause);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot load the embedded classifier: " + e, e);
        }
    }

    /** Like {@link #loadEmbedded()} but fails with a message saying what is missing. */
    public static ToxicityClassifier requireEmbedded() {
        return loadEmbedded().orElseThrow(() -> new IllegalStateException(
                "the embedded toxicity classifier (" + CLASS + ") is not in this build; the rewriter needs it for "
                        + "spans and verification"));
    }
}
