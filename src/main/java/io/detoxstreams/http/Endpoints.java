package io.detoxstreams.http;

import io.detoxstreams.metrics.LocalMetrics;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;

import java.time.Clock;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Puts the routes of each process on its server: the moderator serves the metrics API, {@code /health} and
 * {@code /metrics}; a rewriter worker serves {@code /health} and {@code /metrics}.
 */
public final class Endpoints {

    public static final String HEALTH = "/health";
    public static final String METRICS = "/metrics";
    /** Paths open without the bearer token. */
    public static final Set<String> OPEN_PATHS = Set.of(HEALTH);

    private Endpoints() {
    }

    /**
     * @param self       this instance as other instances reach it (its {@code application.server})
     * @param partitions partitions of the metrics repartition topics: what a complete answer covers
     * @param metricsEnabled without the metrics sub-topology there is no metrics API (404)
     */
    public static void moderator(DetoxHttpServer server, HttpSettings settings, KafkaStreams streams, HostInfo self,
                                 int partitions, boolean metricsEnabled, Supplier<String> prometheus) {
        if (metricsEnabled) {
            LocalMetrics local = new LocalMetrics(streams);
            MetricsQueries queries = new MetricsQueries(local, new StoreLocator(streams, self),
                    new PeerClient(settings.peerTimeout(), settings.authToken()), partitions);
            server.route(LanguagesRoute.PREFIX, new LanguagesRoute(queries, Clock.systemUTC()));
            server.route(MetricsQueries.LOCAL_PREFIX, new LocalLanguagesRoute(local, self.host() + ":" + self.port()));
        }
        server.route(HEALTH, new HealthRoute(() -> {
            KafkaStreams.State s = streams.state();
            return new HealthRoute.Status(s == KafkaStreams.State.RUNNING, s.name());
        }));
        server.route(METRICS, new PrometheusRoute(prometheus));
    }

    public static void rewriter(DetoxHttpServer server, Supplier<HealthRoute.Status> health,
                                Supplier<String> prometheus) {
        server.route(HEALTH, new HealthRoute(health));
        server.route(METRICS, new PrometheusRoute(prometheus));
    }
}
