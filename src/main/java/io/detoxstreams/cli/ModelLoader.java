package io.detoxstreams.cli;

import io.detoxstreams.models.ModelBundle;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The one place where the pipeline obtains its models: the embedded defaults shipped in the jar (language detector,
 * embedded classifier, embedded detoxifier). Every command and every pipeline test calls {@link #loadDefault()}.
 */
public final class ModelLoader {

    /** Factories tried in order until the model loader of the models package is wired in directly. */
    private static final List<String[]> FACTORIES = List.of(
            new String[] {"io.detoxstreams.models.ModelBundle", "loadDefault"},
            new String[] {"io.detoxstreams.models.ModelLoader", "loadDefault"},
            new String[] {"io.detoxstreams.models.Models", "loadDefault"});

    private ModelLoader() {
    }

    /** Loads the embedded default models; fails with a clear message when they are not available. */
    public static ModelBundle loadDefault() {
        for (String[] f : FACTORIES) {
            try {
                Method m = Class.forName(f[0]).getMethod(f[1]);
                return (ModelBundle) m.invoke(null);
            } catch (ClassNotFoundException | NoSuchMethodException e) {
                // try the next one
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("loading the embedded models failed: " + e.getCause(), e.getCause());
            }
        }
        throw new ModelsUnavailableException("the embedded models are not in this build (no "
                + "io.detoxstreams.models.ModelBundle.loadDefault())");
    }

    /** The embedded models are not part of this build. */
    public static final class ModelsUnavailableException extends IllegalStateException {
        public ModelsUnavailableException(String message) {
            super(message);
        }
    }
}
