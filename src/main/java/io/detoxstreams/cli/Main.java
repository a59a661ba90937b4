package io.detoxstreams.cli;

import picocli.CommandLine;

/** Entry point of {@code detox-streams.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(DetoxStreamsCommand.commandLine().execute(args));
    }
}
