package io.detoxstreams.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The embedded HTTP server of a moderator or rewriter process, on the JDK's own {@code com.sun.net.httpserver} (no
 * dependency; this is the only class that imports it). GET only; an optional bearer token guards every path but the
 * open ones ({@code /health}, for probes). A small worker pool, because a query may wait on other instances that are
 * at the same moment asking this one.
 *
 * <pre>{@code
 * DetoxHttpServer server = DetoxHttpServer.bind(settings, Set.of("/health"));
 * server.route("/health", health);
 * server.start();
 * }</pre>
 */
public final class DetoxHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetoxHttpServer.class);
    private static final int WORKERS = 4;

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY Nagle's algorithm holds
        // the body until the client's delayed ACK (~40 ms on Linux) — most of a cross-instance query's time. The server
        // reads this property once, when its first instance is created; an explicit setting is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService workers;
    private final byte[] expectedAuthorization;
    private final Set<String> openPaths;

    private DetoxHttpServer(HttpServer server, ExecutorService workers, String token, Set<String> openPaths) {
        this.server = server;
        this.workers = workers;
        this.expectedAuthorization = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.openPaths = Set.copyOf(openPaths);
    }

    /**
     * Binds the socket now (so the actual port is known, e.g. for {@code application.server}) without serving yet.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static DetoxHttpServer bind(HttpSettings settings, Set<String> openPaths) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(settings.bindAddress(), settings.port()), 64);
            AtomicInteger n = new AtomicInteger();
            ExecutorService workers = Executors.newFixedThreadPool(WORKERS, r -> {
                Thread t = new Thread(r, "detox-http-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
            server.setExecutor(workers);
            return new DetoxHttpServer(server, workers, settings.authToken(), openPaths);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the HTTP server to " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
    }

    /** Serves GET requests under {@code prefix} with {@code route}. */
    public DetoxHttpServer route(String prefix, Route route) {
        server.createContext(prefix, exchange -> serve(exchange, route));
        return this;
    }

    public void start() {
        server.start();
        LOG.info("HTTP server listening on {}:{}", server.getAddress().getHostString(), port());
    }

    public int port() {
        return server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange, Route route) throws IOException {
        Response response;
        try {
            String path = exchange.getRequestURI().getPath();
            if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                response = Response.error(405, "only GET is supported");
            } else if (!authorized(exchange, path)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                response = Response.error(401, "missing or wrong bearer token");
            } else {
                response = route.handle(Request.of(path, exchange.getRequestURI().getRawQuery()));
            }
        } catch (IllegalArgumentException e) {
            response = Response.error(400, e.getMessage());
        } catch (Exception e) {
            LOG.warn("HTTP {} failed", exchange.getRequestURI(), e);
            response = Response.error(500, e.toString());
        }
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private boolean authorized(HttpExchange exchange, String path) {
        if (expectedAuthorization == null || openPaths.contains(path)) {
            return true;
        }
        String given = exchange.getRequestHeaders().getFirst("Authorization");
        // Constant-time comparison: the token must not leak through response timing.
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }
}
