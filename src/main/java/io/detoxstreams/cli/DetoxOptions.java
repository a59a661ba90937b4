package io.detoxstreams.cli;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.HashMap;
import java.util.Map;

/**
 * The model options shared by {@code rewrite} and {@code eval detox} (a picocli mixin): the configuration
 * ({@code --config}, {@code --set}, {@code DETOX_*}: classifiers, rewriter chains, devices, …) and two shortcuts for
 * its keys.
 */
final class DetoxOptions {

    @Mixin
    ConfigOptions config;

    @Option(names = "--similarity-floor", description = "Minimum char n-gram F-score between rewrite and original "
            + "(sets rewriter.similarity.floor; default 0.3).")
    Double similarityFloor;

    @Option(names = "--hold-threshold", description = "Decision threshold of the non-detoxifiable hold model "
            + "(sets rewriter.hold.threshold; default: the shipped one, chosen on DEV; lower holds more, see "
            + "MODEL_CARD.md (Rewriter)).")
    Double holdThreshold;

    /** The configuration with the shortcuts applied. */
    DetoxConfig load() {
        Map<String, Object> o = new HashMap<>();
        if (similarityFloor != null) {
            o.put(DetoxConfig.REWRITER_SIMILARITY_FLOOR, similarityFloor.toString());
        }
        if (holdThreshold != null) {
            o.put(DetoxConfig.REWRITER_HOLD_THRESHOLD, holdThreshold.toString());
        }
        return config.load().with(o);
    }

    /** The models that configuration names (the embedded defaults unless it says otherwise). */
    Models models(DetoxConfig c) {
        return ModelFactory.load(c);
    }
}
