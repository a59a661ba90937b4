package io.detoxstreams.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand is its own class. */
@Command(name = "detox-streams", mixinStandardHelpOptions = true, version = "detox-streams 0.1.0",
        description = "Real-time multilingual comment moderation and detoxification on Apache Kafka.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ModeratorCommand.class,
                RewriterCommand.class, ProduceCommand.class, TailCommand.class, ClassifyCommand.class,
                RewriteCommand.class, TrainCommand.class, MineSubstitutionsCommand.class,
                TrainHoldModelCommand.class, TrainFluencyCommand.class, EvalCommand.class, BenchCommand.class})
public class DetoxStreamsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DetoxStreamsCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }
}
