package io.detoxstreams.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a polite stop request, so a command can print its summary, close its
 * clients and exit 0, instead of the JVM running shutdown hooks and exiting 130/143. Where the JVM does not allow
 * signal handlers, nothing is installed and the shutdown hooks still close everything.
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /**
     * Stops {@code service} politely on Ctrl-C/SIGTERM, and from a shutdown hook for any other way the JVM ends; the
     * hook waits (up to 30 s) for the calling thread, which runs the service, to finish its clean-up.
     */
    static void closeOnStop(Runnable close, String name) {
        Thread main = Thread.currentThread();
        onInterrupt(close);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            close.run();
            try {
                main.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-shutdown"));
    }

    @SuppressWarnings("removal")
    static void onInterrupt(Runnable stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> stop.run());
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.debug("cannot handle SIG{}: {}", name, e.toString());
            }
        }
    }
}
