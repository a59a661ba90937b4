package io.detoxstreams.app;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.http.DetoxHttpServer;
import io.detoxstreams.http.Endpoints;
import io.detoxstreams.http.HttpSettings;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.observe.ModeratorMeters;
import io.detoxstreams.observe.Telemetry;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One moderator instance as it runs in production: the Kafka Streams application ({@link ModeratorService}), its HTTP
 * server (metrics API, {@code /health}, {@code /metrics}) and its meters. The server binds first, so the instance can
 * announce the real port as {@code application.server} to the others.
 *
 * <pre>{@code
 * try (ModeratorNode node = ModeratorNode.create(config, models, Telemetry.create(), false)) {
 *     node.start(Duration.ofMinutes(2));
 *     node.service().awaitTermination();
 * }
 * }</pre>
 */
public final class ModeratorNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModeratorNode.class);

    private final Telemetry telemetry;
    private final DetoxHttpServer http;
    private final HostInfo self;
    private final ModeratorService service;
    private final AtomicBoolean closed = new AtomicBoolean();

    private ModeratorNode(Telemetry telemetry, DetoxHttpServer http, HostInfo self, ModeratorService service) {
        this.telemetry = telemetry;
        this.http = http;
        this.self = self;
        this.service = service;
    }

    /**
     * @param telemetry      the process's meters; closed with this node
     * @param anyPortIfTaken bind a free port when {@code http.port} is taken (the demo), instead of failing
     */
    public static ModeratorNode create(DetoxConfig config, Models models, Telemetry telemetry,
                                       boolean anyPortIfTaken) {
        HttpSettings settings = HttpSettings.moderator(config);
        DetoxHttpServer http = settings.enabled() ? bind(settings, anyPortIfTaken) : null;
        HostInfo self = http == null ? null : new HostInfo(settings.hostForPeers(), http.port());
        ModeratorService service;
        try {
            service = new ModeratorService(config, models, self == null ? null : self.host() + ":" + self.port(),
                    new ModeratorMeters(telemetry.registry()));
        } catch (RuntimeException e) {
            if (http != null) {
                http.close();
            }
            throw e;
        }
        telemetry.bind(service.streams());
        if (http != null) {
            Endpoints.moderator(http, settings, service.streams(), self, config.getInt(DetoxConfig.TOPICS_PARTITIONS),
                    config.getBoolean(DetoxConfig.METRICS_ENABLED), telemetry::scrape);
            http.start();
        }
        return new ModeratorNode(telemetry, http, self, service);
    }

    private static DetoxHttpServer bind(HttpSettings settings, boolean anyPortIfTaken) {
        try {
            return DetoxHttpServer.bind(settings, Endpoints.OPEN_PATHS);
        } catch (UncheckedIOException e) {
            if (!anyPortIfTaken || settings.port() == 0) {
                throw e;
            }
            LOG.warn("{}; using a free port instead", e.getMessage());
            return DetoxHttpServer.bind(settings.withPort(0), Endpoints.OPEN_PATHS);
        }
    }

    /** Starts the Streams application and waits until it is RUNNING. */
    public void start(Duration timeout) throws InterruptedException {
        service.start(timeout);
    }

    public ModeratorService service() {
        return service;
    }

    public Telemetry telemetry() {
        return telemetry;
    }

    /** {@code http://host:port} of this instance's HTTP server, if it runs one. */
    public Optional<String> url() {
        return self == null ? Optional.empty() : Optional.of("http://" + self.host() + ":" + self.port());
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            service.close();
        } finally {
            if (http != null) {
                http.close();
            }
            telemetry.close();
        }
    }
}
