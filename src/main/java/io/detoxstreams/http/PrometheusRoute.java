package io.detoxstreams.http;

import java.util.function.Supplier;

/** {@code GET /metrics}: the process's meters in the Prometheus text format (scraped from a Micrometer registry). */
public final class PrometheusRoute implements Route {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final Supplier<String> scrape;

    public PrometheusRoute(Supplier<String> scrape) {
        this.scrape = scrape;
    }

    @Override
    public Response handle(Request request) {
        return Response.text(200, CONTENT_TYPE, scrape.get());
    }
}
