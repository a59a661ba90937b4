package io.detoxstreams.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code eval classification …} and {@code eval detox …}: quality evaluations on a data directory. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Evaluate the models on a data directory laid out like ../shared/data.",
        subcommands = {EvalClassificationCommand.class, EvalDetoxCommand.class, EvalLanguageCommand.class})
public final class EvalCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
