package io.detoxstreams.testing;

import io.detoxstreams.cli.ModelLoader;
import io.detoxstreams.models.ModelBundle;

/**
 * The real embedded models for pipeline tests, loaded once per JVM through {@link ModelLoader#loadDefault()} — the
 * same path the CLI uses. Models are thread-safe and shared; tests never close them.
 */
public final class TestModels {

    private static ModelBundle bundle;

    private TestModels() {
    }

    public static synchronized ModelBundle bundle() {
        if (bundle == null) {
            bundle = ModelLoader.loadDefault();
        }
        return bundle;
    }
}
