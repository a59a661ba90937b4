package io.detoxstreams.cli;

import io.detoxstreams.rewrite.Verifier;
import picocli.CommandLine.Option;

/** The detoxifier's knobs shared by {@code rewrite} and {@code eval detox} (a picocli mixin). */
final class DetoxOptions {

    @Option(names = "--similarity-floor", defaultValue = "" + Verifier.DEFAULT_SIMILARITY_FLOOR,
            description = "Minimum char n-gram F-score between rewrite and original (default: ${DEFAULT-VALUE}).")
    double similarityFloor;

    @Option(names = "--fluency-floor", defaultValue = "" + Verifier.DEFAULT_FLUENCY_FLOOR,
            description = "Share of the language's human rewrites (DEV) the fluency check would reject; rewrites "
                    + "below that are held as not_fluent; 0 turns the check off (default: ${DEFAULT-VALUE}).")
    double fluencyFloor;

    @Option(names = "--hold-threshold", description = "Decision threshold of the non-detoxifiable hold model "
            + "(default: the shipped one, chosen on DEV; lower holds more, see MODEL_CARD.md (Rewriter)).")
    Double holdThreshold;

    /** The shipped models with these options applied. */
    DetoxModels load() {
        return DetoxModels.load(similarityFloor, holdThreshold, fluencyFloor);
    }
}
