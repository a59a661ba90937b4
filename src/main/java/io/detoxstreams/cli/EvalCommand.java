package io.detoxstreams.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code eval …}: quality evaluations on a data directory. Minimal parent created on the rewriter branch for
 * {@code eval detox}; the lead's version (with {@code eval classification}) replaces it on merge.
 */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the models on a data directory laid out like ../shared/data.",
        subcommands = {EvalDetoxCommand.class})
public final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
