package io.detoxstreams.http;

import io.detoxstreams.config.DetoxConfig;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;

/**
 * Where an HTTP server listens and how it is reached: bind address and port, the host other instances use
 * ({@code application.server}), an optional bearer token, and how long a query waits for another instance.
 *
 * @param port -1 when the server is turned off, 0 for a free port
 */
public record HttpSettings(String bindAddress, int port, String advertisedHost, String authToken, Duration peerTimeout) {

    /** The moderator's server ({@code http.port}). */
    public static HttpSettings moderator(DetoxConfig config) {
        return of(config, config.getInt(DetoxConfig.HTTP_PORT));
    }

    /** A rewriter worker's server ({@code rewriter.http.port}). */
    public static HttpSettings rewriter(DetoxConfig config) {
        return of(config, config.getInt(DetoxConfig.REWRITER_HTTP_PORT));
    }

    private static HttpSettings of(DetoxConfig config, int port) {
        return new HttpSettings(config.getString(DetoxConfig.HTTP_BIND_ADDRESS), port,
                config.getString(DetoxConfig.HTTP_ADVERTISED_HOST), config.httpAuthToken(),
                Duration.ofMillis(config.getLong(DetoxConfig.HTTP_PEER_TIMEOUT_MS)));
    }

    public boolean enabled() {
        return port >= 0;
    }

    /** The same settings on another port (e.g. 0 when the configured one is taken). */
    public HttpSettings withPort(int newPort) {
        return new HttpSettings(bindAddress, newPort, advertisedHost, authToken, peerTimeout);
    }

    /**
     * The host other instances should use: {@code http.advertised.host}, else the bind address. A wildcard bind
     * address (0.0.0.0, ::) says nothing about how to reach this host, so it needs an explicit advertised host.
     */
    public String hostForPeers() {
        if (!advertisedHost.isBlank()) {
            return advertisedHost.trim();
        }
        try {
            if (InetAddress.getByName(bindAddress).isAnyLocalAddress()) {
                throw new IllegalArgumentException("http.bind.address " + bindAddress + " is a wildcard: set "
                        + "http.advertised.host to the name or address other instances reach this one by");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve http.bind.address " + bindAddress, e);
        }
        return bindAddress;
    }
}
