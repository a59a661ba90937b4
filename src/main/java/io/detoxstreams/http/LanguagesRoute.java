package io.detoxstreams.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detoxstreams.metrics.LanguageStats;
import io.detoxstreams.metrics.MetricsMerge;
import io.detoxstreams.metrics.MetricsTopology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The public metrics API, answered for the whole application by any instance:
 * <ul>
 *   <li>{@code GET /v1/languages[?histograms=true]} — every language, all time, plus {@code all} (the sum);</li>
 *   <li>{@code GET /v1/languages/{lang}} — one language, all time, with histograms;</li>
 *   <li>{@code GET /v1/languages/{lang}/windows?from=&to=[&histograms=true]} — its 1-minute windows whose start lies
 *       in [from, to]; ISO-8601 or epoch millis; default the last 60 minutes.</li>
 * </ul>
 * Every answer says whether it is complete ({@code "partial": false}), which partitions answered, and what each
 * instance contributed. A language without data is 404 when the answer is complete, 503 when it is partial.
 */
final class LanguagesRoute implements Route {

    static final String PREFIX = "/v1/languages";
    static final Duration DEFAULT_WINDOW_RANGE = Duration.ofMinutes(60);
    private static final Pattern LANG = Pattern.compile("[a-z]{2,8}");

    private final MetricsQueries queries;
    private final Clock clock;

    LanguagesRoute(MetricsQueries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public Response handle(Request request) {
        String rest = request.path().substring(PREFIX.length());
        boolean histograms = "true".equalsIgnoreCase(request.param("histograms"));
        if (rest.isEmpty() || rest.equals("/")) {
            return all(histograms);
        }
        String[] parts = rest.substring(1).split("/");
        String lang = language(parts[0]);
        if (parts.length == 1) {
            return one(lang);
        }
        if (parts.length == 2 && parts[1].equals("windows")) {
            Instant to = TimeParam.parse("to", request.param("to"), clock.instant().truncatedTo(ChronoUnit.MILLIS));
            Instant from = TimeParam.parse("from", request.param("from"), to.minus(DEFAULT_WINDOW_RANGE));
            if (from.isAfter(to)) {
                throw new IllegalArgumentException("from (" + from + ") is after to (" + to + ")");
            }
            return windows(lang, from, to, histograms);
        }
        return Response.error(404, "no such resource: " + request.path());
    }

    private Response all(boolean histograms) {
        MetricsQueries.Outcome o = queries.allLanguages();
        ObjectNode body = Response.JSON.createObjectNode();
        ArrayNode languages = body.putArray("languages");
        for (Map.Entry<MetricsMerge.Key, LanguageStats> e : o.merged().stats().entrySet()) {
            languages.add(MetricsJson.language(e.getKey().lang(), e.getValue(), histograms));
        }
        body.set("all", MetricsJson.language("all", o.merged().all(), histograms));
        MetricsJson.coverage(body, o);
        return Response.json(200, body);
    }

    private Response one(String lang) {
        MetricsQueries.Outcome o = queries.language(lang);
        LanguageStats s = o.merged().language(lang);
        ObjectNode body = Response.JSON.createObjectNode();
        if (s != null) {
            body.set("language", MetricsJson.language(lang, s, true));
        } else {
            body.putNull("language");
            body.put("error", "no metrics for language '" + lang + "'" + (o.merged().partial() ? " in the partitions that answered" : ""));
        }
        MetricsJson.coverage(body, o);
        return Response.json(s != null ? 200 : o.merged().partial() ? 503 : 404, body);
    }

    private Response windows(String lang, Instant from, Instant to, boolean histograms) {
        MetricsQueries.Outcome o = queries.windows(lang, from, to);
        ObjectNode body = Response.JSON.createObjectNode();
        body.put("lang", lang);
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("window_size_ms", MetricsTopology.WINDOW_SIZE.toMillis());
        ArrayNode windows = body.putArray("windows");
        o.merged().stats().forEach((key, s) -> windows.add(MetricsJson.window(key, s, histograms)));
        MetricsJson.coverage(body, o);
        return Response.json(o.merged().partial() && o.merged().stats().isEmpty() ? 503 : 200, body);
    }

    private static String language(String raw) {
        String lang = raw.toLowerCase(Locale.ROOT);
        if (!LANG.matcher(lang).matches()) {
            throw new IllegalArgumentException("not a language code: " + raw);
        }
        return lang;
    }
}
