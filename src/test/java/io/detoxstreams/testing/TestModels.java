package io.detoxstreams.testing;

import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;

/**
 * The real embedded models for pipeline tests, loaded once per JVM through {@link ModelFactory#loadDefault()} — the
 * same factory every command uses. Models are thread-safe and shared; tests never close them.
 */
public final class TestModels {

    private static Models bundle;

    private TestModels() {
    }

    public static synchronized Models bundle() {
        if (bundle == null) {
            bundle = ModelFactory.loadDefault();
        }
        return bundle;
    }
}
