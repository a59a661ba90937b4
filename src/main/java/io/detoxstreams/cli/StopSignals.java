package io.detoxstreams.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Turns Ctrl-C (SIGINT) and SIGTERM into a polite stop request, so a command can close its clients (finish or abort
 * the open transaction, leave the group) and exit 0, instead of the JVM running shutdown hooks and exiting 130/143.
 *
 * <p>Why not simply join the main thread from a shutdown hook: when the command returns, {@code main} calls
 * {@code System.exit}, which runs the hooks and waits for them — a hook that joins the main thread then waits its whole
 * timeout for a thread that is itself waiting for the hook. Here the hook waits for {@link Stop#finished()}, which the
 * command calls after its clean-up, and a watchdog ends a stop that takes longer than the shutdown timeout (plus one
 * second): under exactly-once nothing is lost by that, the open transaction is aborted by the broker or by the next
 * instance.
 *
 * <pre>{@code
 * StopSignals.Stop stop = StopSignals.install("rewriter", worker::close, Duration.ofSeconds(4));
 * try { worker.run(); } finally { stop.finished(); }
 * }</pre>
 */
final class StopSignals {

    private static final Logger LOG = LoggerFactory.getLogger(StopSignals.class);

    private StopSignals() {
    }

    /** A command's handle on its stop: say when clean-up is done. */
    static final class Stop {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final AtomicBoolean requested = new AtomicBoolean();
        private final Runnable stop;
        private final String name;
        private final Duration timeout;

        private Stop(String name, Runnable stop, Duration timeout) {
            this.name = name;
            this.stop = stop;
            this.timeout = timeout;
        }

        /** The command has closed everything; the JVM may exit. */
        void finished() {
            finished.countDown();
        }

        void request(String why) {
            if (!requested.compareAndSet(false, true)) {
                return;
            }
            LOG.info("{} stopping ({})", name, why);
            Thread watchdog = new Thread(this::watch, name + "-stop-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            stop.run();
        }

        private void watch() {
            try {
                if (!finished.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS)) {
                    LOG.error("{} did not stop within {} ms (shutdown.timeout.ms); exiting now — any open transaction "
                            + "is aborted by the broker", name, timeout.toMillis() + 1_000);
                    Runtime.getRuntime().halt(1);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void awaitFinished() {
            try {
                finished.await(timeout.toMillis() + 1_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Runs {@code stop} once on Ctrl-C/SIGTERM, and from a shutdown hook for any other way the JVM ends; the hook then
     * waits (up to {@code timeout} + 1 s) for {@link Stop#finished()}.
     */
    static Stop install(String name, Runnable stop, Duration timeout) {
        Stop s = new Stop(name, stop, timeout);
        onInterrupt(s::request);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (s.finished.getCount() > 0) {   // not after the command has returned normally
                s.request("JVM shutdown");
                s.awaitFinished();
            }
        }, name + "-shutdown"));
        return s;
    }

    @SuppressWarnings("removal")
    static void onInterrupt(java.util.function.Consumer<String> stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), sig -> stop.accept("SIG" + sig.getName()));
            } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
                LOG.debug("cannot handle SIG{}: {}", name, e.toString());
            }
        }
    }
}
