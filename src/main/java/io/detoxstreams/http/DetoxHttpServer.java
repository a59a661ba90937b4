package io.detoxstreams.http;

import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The embedded HTTP server of a moderator or rewriter process, on Jetty 12's core API (no servlets; this is the only
 * class that imports Jetty). GET only; an optional bearer token guards every path but the open ones
 * ({@code /health}, for probes). A small thread pool, because a query may wait on other instances that are at the
 * same moment asking this one. Every answer is JSON — Jetty's own error answers too, for requests that are not HTTP
 * at all (a request line without spaces, a malformed header, an ambiguous path): {@code {"error": "<reason>"}} with
 * the standard reason phrase, never the request quoted back. Request line plus headers are capped at 8 KiB (431 or
 * 414 beyond), paths at 1,024 and queries at 2,048 chars (414).
 *
 * <pre>{@code
 * DetoxHttpServer server = DetoxHttpServer.bind(settings, Set.of("/health"));
 * server.route("/health", health);
 * server.start();
 * }</pre>
 */
public final class DetoxHttpServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DetoxHttpServer.class);
    private static final int MAX_THREADS = 12;
    /** Longest request line plus headers read. */
    static final int MAX_REQUEST_HEAD_BYTES = 8_192;
    /** Longest path and query answered; a longer one gets 414 without being quoted back. */
    static final int MAX_PATH_CHARS = 1_024;
    static final int MAX_QUERY_CHARS = 2_048;

    private final Server server;
    private final ServerConnector connector;
    private final byte[] expectedAuthorization;
    private final Set<String> openPaths;
    /** Routes by path prefix; the longest prefix of a request's path wins. */
    private final Map<String, Route> routes = new TreeMap<>();

    private DetoxHttpServer(Server server, ServerConnector connector, String token, Set<String> openPaths) {
        this.server = server;
        this.connector = connector;
        this.expectedAuthorization = token == null ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.openPaths = Set.copyOf(openPaths);
    }

    /**
     * Binds the socket now (so the actual port is known, e.g. for {@code application.server}) without serving yet.
     *
     * @throws UncheckedIOException when the address cannot be bound (e.g. the port is taken)
     */
    public static DetoxHttpServer bind(HttpSettings settings, Set<String> openPaths) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("detox-http");
        threads.setDaemon(true);
        threads.setReservedThreads(0);
        Server server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setRequestHeaderSize(MAX_REQUEST_HEAD_BYTES);
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bindAddress());
        connector.setPort(settings.port());
        connector.setAcceptQueueSize(64);
        server.addConnector(connector);
        server.setErrorHandler(new JsonErrors());
        DetoxHttpServer d = new DetoxHttpServer(server, connector, settings.authToken(), openPaths);
        server.setHandler(d.new Dispatch());
        try {
            connector.open();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot bind the HTTP server to " + settings.bindAddress() + ":"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        return d;
    }

    /** Serves GET requests under {@code prefix} with {@code route} (before {@link #start()}). */
    public synchronized DetoxHttpServer route(String prefix, Route route) {
        routes.put(prefix, route);
        return this;
    }

    public void start() {
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the HTTP server on port " + port() + ": " + e.getMessage(), e);
        }
        LOG.info("HTTP server listening on {}:{}", connector.getHost(), port());
    }

    public int port() {
        return connector.getLocalPort();
    }

    /** Every request: limits, method, token, then the route with the longest matching prefix (else a JSON 404). */
    private final class Dispatch extends Handler.Abstract {
        @Override
        public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response,
                              Callback callback) {
            Response answer = answer(request, response.getHeaders());
            response.setStatus(answer.status());
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(answer.body()), callback);
            return true;
        }
    }

    private Response answer(org.eclipse.jetty.server.Request request, HttpFields.Mutable headers) {
        String path = request.getHttpURI().getDecodedPath();
        String query = request.getHttpURI().getQuery();
        try {
            if (path == null || path.length() > MAX_PATH_CHARS || query != null && query.length() > MAX_QUERY_CHARS) {
                return Response.error(414, "request path or query too long (limits " + MAX_PATH_CHARS + " and "
                        + MAX_QUERY_CHARS + " chars)");
            }
            if (!"GET".equals(request.getMethod())) {
                headers.put(HttpHeader.ALLOW, "GET");
                return Response.error(405, "only GET is supported");
            }
            if (!authorized(request, path)) {
                headers.put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
                return Response.error(401, "missing or wrong bearer token");
            }
            Route route = route(path);
            return route == null ? Response.error(404, "no such resource") : route.handle(Request.of(path, query));
        } catch (IllegalArgumentException e) {
            return Response.error(400, bounded(e.getMessage()));
        } catch (Exception e) {
            LOG.warn("HTTP GET {} failed", bounded(path), e);
            return Response.error(500, "internal error; see the server log");
        }
    }

    private synchronized Route route(String path) {
        Route best = null;
        int bestLength = -1;
        for (Map.Entry<String, Route> e : routes.entrySet()) {
            if (path.startsWith(e.getKey()) && e.getKey().length() > bestLength) {
                best = e.getValue();
                bestLength = e.getKey().length();
            }
        }
        return best;
    }

    private static String bounded(String s) {
        return s == null ? "" : s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }

    private boolean authorized(org.eclipse.jetty.server.Request request, String path) {
        if (expectedAuthorization == null || openPaths.contains(path)) {
            return true;
        }
        String given = request.getHeaders().get(HttpHeader.AUTHORIZATION);
        // Constant-time comparison: the token must not leak through response timing.
        return given != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expectedAuthorization);
    }

    /**
     * Jetty's own error answers (bad request line or header, head too large, ambiguous URI, failed handler) as
     * {@code {"error": "<standard reason phrase>"}}: Jetty's message can quote what it could not parse, so it is not
     * sent.
     */
    private static final class JsonErrors extends ErrorHandler {
        private static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, Response.JSON_TYPE);

        @Override
        protected void generateResponse(org.eclipse.jetty.server.Request request,
                                        org.eclipse.jetty.server.Response response, int code,
                                        String message, Throwable cause, Callback callback) {
            response.getHeaders().put(JSON);
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.write(true, ByteBuffer.wrap(body(code)), callback);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(JSON);
            return ByteBuffer.wrap(body(status));
        }

        private static byte[] body(int status) {
            String phrase = HttpStatus.getMessage(status);
            return Response.error(status, phrase == null ? "error " + status : phrase.toLowerCase(java.util.Locale.ROOT))
                    .body();
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the HTTP server failed: {}", e.toString());
        }
    }
}
