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
 * at the same moment asking this one. Every answer it writes is JSON (unknown paths included); request line and
 * headers are capped at 8 KiB, paths at 1,024 chars, and no error quotes the request back. (Requests that are not
 * HTTP at all — a request line without spaces, a malformed header — are refused by the JDK itself, with its fixed
 * one-line 400 page.)
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
    /** Longest request line plus headers read (the JDK server's {@code maxReqHeaderSize}). */
    static final int MAX_REQUEST_HEAD_BYTES = 8_192;
    /** Longest path and query answered; a longer one gets 414 without being quoted back. */
    static final int MAX_PATH_CHARS = 1_024;
    static final int MAX_QUERY_CHARS = 2_048;

    static {
        // The JDK server writes a response's headers and body separately; without TCP_NODELAY Nagle's algorithm holds
        // the body until the client's delayed ACK (~40 ms on Linux) — most of a cross-instance query's time. The server
        // reads this property once, when its first instance is created; an explicit setting is left alone.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        // Request line plus headers at most 8 KiB (the JDK's default is 380 KiB): a longer request is not read into
        // memory, its connection is closed without an answer.
        if (System.getProperty("sun.net.httpserver.maxReqHeaderSize") == null) {
            System.setProperty("sun.net.httpserver.maxReqHeaderSize", String.valueOf(MAX_REQUEST_HEAD_BYTES));
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
            DetoxHttpServer d = new DetoxHttpServer(server, workers, settings.authToken(), openPaths);
            // Anything no route claims gets a JSON 404, never the JDK's HTML page (nor the path quoted back).
            server.createContext("/", exchange -> d.serve(exchange, r -> Response.error(404, "no such resource")));
            return d;
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
            String query = exchange.getRequestURI().getRawQuery();
            if (path.length() > MAX_PATH_CHARS || query != null && query.length() > MAX_QUERY_CHARS) {
                response = Response.error(414, "request path or query too long (limits " + MAX_PATH_CHARS + " and "
                        + MAX_QUERY_CHARS + " chars)");
            } else if (!"GET".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().add("Allow", "GET");
                response = Response.error(405, "only GET is supported");
            } else if (!authorized(exchange, path)) {
                exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer");
                response = Response.error(401, "missing or wrong bearer token");
            } else {
                response = route.handle(Request.of(path, exchange.getRequestURI().getRawQuery()));
            }
        } catch (IllegalArgumentException e) {
            response = Response.error(400, bounded(e.getMessage()));
        } catch (Exception e) {
            LOG.warn("HTTP GET {} failed", bounded(exchange.getRequestURI().getPath()), e);
            response = Response.error(500, "internal error; see the server log");
        }
        exchange.getResponseHeaders().add("Content-Type", response.contentType());
        exchange.getResponseHeaders().add("Cache-Control", "no-store");
        exchange.sendResponseHeaders(response.status(), response.body().length == 0 ? -1 : response.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(response.body());
        }
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 199) + "…";
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
