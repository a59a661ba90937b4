package io.detoxstreams.cli;

import io.detoxstreams.broker.BrokerUnreachableException;
import io.detoxstreams.rewrite.BackendUnavailableException;
import org.apache.kafka.common.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command; each subcommand is its own class. */
@Command(name = "detox-streams", mixinStandardHelpOptions = true, version = "detox-streams 0.1.0",
        description = "Real-time multilingual comment moderation and detoxification on Apache Kafka.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, ModeratorCommand.class,
                RewriterCommand.class, ProduceCommand.class, TailCommand.class, ClassifyCommand.class,
                RewriteCommand.class, TrainCommand.class, MineSubstitutionsCommand.class,
                TrainHoldModelCommand.class, EvalCommand.class, BenchCommand.class})
public class DetoxStreamsCommand implements Runnable {

    /** Exit code when Kafka cannot be reached or the configuration is invalid. */
    public static final int EXIT_UNAVAILABLE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new DetoxStreamsCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // Problems a user fixes with configuration get one clear line, not a stack trace.
        cl.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof BrokerUnreachableException || e instanceof ConfigException
                    || e instanceof BackendUnavailableException) {
                System.err.println("error: " + e.getMessage());
                return EXIT_UNAVAILABLE;
            }
            throw e;
        });
        return cl;
    }
}
