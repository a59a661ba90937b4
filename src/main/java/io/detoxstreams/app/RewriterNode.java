package io.detoxstreams.app;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.http.DetoxHttpServer;
import io.detoxstreams.http.Endpoints;
import io.detoxstreams.http.HealthRoute;
import io.detoxstreams.http.HttpSettings;
import io.detoxstreams.models.Models;
import io.detoxstreams.observe.RewriterMeters;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.worker.BatchRewriter;
import io.detoxstreams.worker.RewriterWorker;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * One rewriter worker as it runs in production: the transactional loop ({@link RewriterWorker}), its meters, and
 * (unless {@code rewriter.http.port=-1}, or it shares a process whose server already exports the meters) an HTTP
 * server with {@code /health} and {@code /metrics}.
 *
 * <pre>{@code
 * try (RewriterNode node = RewriterNode.create(config, models, Telemetry.create(), true)) {
 *     node.worker().run();     // or node.start() for a background thread
 * }
 * }</pre>
 */
public final class RewriterNode implements AutoCloseable {

    private final Telemetry telemetry;
    private final boolean ownsTelemetry;
    private final DetoxHttpServer http;
    private final RewriterWorker worker;
    private final Runnable unobserve;
    private final Duration shutdownTimeout;
    private Thread thread;

    private RewriterNode(Telemetry telemetry, boolean ownsTelemetry, DetoxHttpServer http, RewriterWorker worker,
                         Runnable unobserve, Duration shutdownTimeout) {
        this.shutdownTimeout = shutdownTimeout;
        this.telemetry = telemetry;
        this.ownsTelemetry = ownsTelemetry;
        this.http = http;
        this.worker = worker;
        this.unobserve = unobserve;
    }

    /**
     * @param ownsTelemetry true: this node serves the meters on its own HTTP server and closes them; false: they
     *                      belong to another part of the process (the demo's moderator serves them)
     */
    public static RewriterNode create(DetoxConfig config, Models models, Telemetry telemetry,
                                      boolean ownsTelemetry) {
        VerifyingDetoxifier detoxifier = models.detoxifier();
        BatchRewriter rewriter = new BatchRewriter(detoxifier, config.getInt(DetoxConfig.REWRITER_MAX_ATTEMPTS),
                config.getLong(DetoxConfig.REWRITER_RETRY_BACKOFF_MS), Clock.systemUTC());
        RewriterMeters meters = new RewriterMeters(telemetry);
        RewriterWorker worker = RewriterWorker.create(config, rewriter, Codecs.from(config).results(), meters);
        detoxifier.addObserver(meters);
        HttpSettings settings = HttpSettings.rewriter(config);
        DetoxHttpServer http = null;
        if (ownsTelemetry && settings.enabled()) {
            http = DetoxHttpServer.bind(settings, Endpoints.OPEN_PATHS);
            Endpoints.rewriter(http, () -> new HealthRoute.Status(worker.state() == RewriterWorker.State.RUNNING,
                    worker.state().name()), telemetry::scrape);
            http.start();
        }
        return new RewriterNode(telemetry, ownsTelemetry, http, worker, () -> detoxifier.removeObserver(meters),
                Duration.ofMillis(config.getLong(DetoxConfig.SHUTDOWN_TIMEOUT_MS) + 1_000));
    }

    /** Runs the worker on a background thread. */
    public synchronized void start(String threadName) {
        thread = new Thread(worker, threadName);
        thread.start();
    }

    public RewriterWorker worker() {
        return worker;
    }

    /** The port of this worker's own HTTP server, if it runs one. */
    public Optional<Integer> httpPort() {
        return http == null ? Optional.empty() : Optional.of(http.port());
    }

    /**
     * Stops the loop (leaving the group) and, when it runs on another thread, waits for it (up to
     * {@code shutdown.timeout.ms}); then closes the server and the meters it owns.
     */
    @Override
    public void close() throws InterruptedException {
        worker.close();
        worker.join(shutdownTimeout);
        unobserve.run();
        if (http != null) {
            http.close();
        }
        if (ownsTelemetry) {
            telemetry.close();
        }
    }
}
