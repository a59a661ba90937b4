package io.detoxstreams.testing;

import io.detoxstreams.cli.ModelLoader;
import io.detoxstreams.models.ModelBundle;
import org.junit.jupiter.api.Assumptions;

/**
 * The real embedded models for pipeline tests, loaded once per JVM through {@link ModelLoader#loadDefault()} — the
 * same path the CLI uses. Tests that need them call {@link #bundle()}; where the build has no models yet they are
 * skipped with that message instead of running on something else.
 */
public final class TestModels {

    private static ModelBundle bundle;

    private TestModels() {
    }

    public static synchronized ModelBundle bundle() {
        if (bundle == null) {
            try {
                bundle = ModelLoader.loadDefault();
            } catch (ModelLoader.ModelsUnavailableException e) {
                Assumptions.abort("skipped: " + e.getMessage());
            }
        }
        return bundle;
    }
}
