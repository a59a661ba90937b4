package io.detoxstreams.cli;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelBundle;

/**
 * The one place where the pipeline obtains its models: the embedded defaults shipped in the jar (language detector,
 * embedded classifier, verifying embedded detoxifier), via {@link ModelBundle#loadDefault()}. Every pipeline command
 * ({@code demo}, {@code moderator}, {@code rewriter}) and every pipeline test calls {@link #loadDefault()}, so a
 * future {@code models.*} configuration is wired here once.
 */
public final class ModelLoader {

    private ModelLoader() {
    }

    public static ModelBundle loadDefault() {
        return ModelBundle.loadDefault();
    }

    /** The embedded defaults with the model keys of {@code config} applied ({@code rewriter.fluency.floor}). */
    public static ModelBundle load(DetoxConfig config) {
        return ModelBundle.load(ModelBundle.Settings.defaults().withFluencyFloor(config.fluencyFloor()));
    }
}
