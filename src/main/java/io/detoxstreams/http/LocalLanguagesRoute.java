package io.detoxstreams.http;

import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.metrics.LocalMetrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What instances ask each other ({@link MetricsQueries}): this instance's own active partitions only, never a
 * fan-out, so a query cannot bounce around. {@code GET /v1/local/languages[?lang=]} (all time) and
 * {@code GET /v1/local/languages/{lang}/windows?from=&to=} (epoch millis). Answer: {@code {"instance": …,
 * "partitions": {"3": [LanguageMetrics JSON, …]}}}; a partition this instance owns but holds no data for is present
 * with an empty list, so the caller can tell "nothing there" from "nobody answered".
 */
final class LocalLanguagesRoute implements Route {

    private final LocalMetrics local;
    private final String instance;

    LocalLanguagesRoute(LocalMetrics local, String instance) {
        this.local = local;
        this.instance = instance;
    }

    @Override
    public Response handle(Request request) {
        String rest = request.path().substring(MetricsQueries.LOCAL_PREFIX.length());
        Map<Integer, List<LanguageMetrics>> answer;
        if (rest.isEmpty() || rest.equals("/")) {
            answer = local.allTime(request.param("lang"));
        } else if (rest.endsWith("/windows") && rest.indexOf('/', 1) == rest.length() - "/windows".length()) {
            String lang = rest.substring(1, rest.length() - "/windows".length());
            Instant from = TimeParam.parse("from", request.param("from"), Instant.EPOCH);
            Instant to = TimeParam.parse("to", request.param("to"), Instant.now());
            answer = local.windows(lang, from, to);
        } else {
            return Response.error(404, "no such resource: " + request.path());
        }
        return Response.json(200, MetricsJson.answer(instance, answer));
    }
}
