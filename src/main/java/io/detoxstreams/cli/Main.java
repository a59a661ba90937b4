package io.detoxstreams.cli;

import picocli.CommandLine;

/** Entry point of {@code detox-streams.jar}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // No network but the configured services: DJL (the tokenizers) would otherwise probe a cloud metadata address
        // when it loads. Set before any DJL class is touched, whatever the command line says.
        System.setProperty("ai.djl.offline", "true");
        System.setProperty("OPT_OUT_TRACKING", "true");
        System.exit(DetoxStreamsCommand.commandLine().execute(args));
    }
}
