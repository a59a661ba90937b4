package io.detoxstreams.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.metrics.Buckets;
import io.detoxstreams.metrics.LanguageStats;
import io.detoxstreams.metrics.MetricsMerge;
import io.detoxstreams.metrics.MetricsTopology;
import io.detoxstreams.metrics.Percentiles;
import io.detoxstreams.serde.AvroJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The JSON of the metrics API. Public views ({@link #language}) show counts, rates, mean score, latency percentiles
 * and, on request, the histograms with their bounds. Between instances ({@link #answer}) each partition's records
 * travel as LanguageMetrics in its JSON form (every count and histogram bucket), so merging them is exact.
 */
final class MetricsJson {

    private MetricsJson() {
    }

    static ObjectNode language(String lang, LanguageStats s, boolean histograms) {
        ObjectNode n = Response.JSON.createObjectNode();
        n.put("lang", lang);
        n.put("total", s.total());
        n.put("pass", s.pass());
        n.put("toxic", s.toxic());
        n.put("rewrite", s.rewrite());
        n.put("hold", s.hold());
        n.put("pending", s.pending());
        n.set("hold_by_reason", counts(s.holdByReason()));
        n.put("dlq", s.dlq());
        n.set("dlq_by_reason", counts(s.dlqByReason()));
        number(n, "toxic_rate", s.total() == 0 ? Double.NaN : (double) s.toxic() / s.total(), 4);
        number(n, "mean_score", s.meanScore(), 4);
        n.set("categories", counts(s.categories()));
        n.set("rewriter_backends", counts(s.backends()));
        n.put("uncertain", s.uncertain());
        n.set("coverage", counts(s.coverage()));
        n.set("latency_ms", latency(s.latencyHistogram(), s.latencySumMs()));
        n.set("ingest_latency_ms", latency(s.ingestLatencyHistogram(), s.ingestLatencySumMs()));
        n.put("updated_at", s.updatedAt() == 0 ? null : Instant.ofEpochMilli(s.updatedAt()).toString());
        if (histograms) {
            n.set("score_histogram", histogram(Buckets.scoreBounds(), s.scoreHistogram()));
            n.set("confidence_histogram", histogram(Buckets.confidenceBounds(), s.confidenceHistogram()));
            n.set("latency_histogram_ms", histogram(Buckets.latencyBoundsMs(), s.latencyHistogram()));
            n.set("ingest_latency_histogram_ms", histogram(Buckets.latencyBoundsMs(), s.ingestLatencyHistogram()));
        }
        return n;
    }

    static ObjectNode window(MetricsMerge.Key key, LanguageStats s, boolean histograms) {
        ObjectNode n = Response.JSON.createObjectNode();
        n.put("window_start", key.windowStart().toString());
        n.put("window_end", key.windowStart().plus(MetricsTopology.WINDOW_SIZE).toString());
        n.setAll(language(key.lang(), s, histograms));
        return n;
    }

    /** Coverage of a query: complete or partial, which partitions answered, and what each instance said. */
    static void coverage(ObjectNode into, MetricsQueries.Outcome o) {
        into.put("partial", o.merged().partial());
        ObjectNode partitions = into.putObject("partitions");
        partitions.put("expected", o.expected().size());
        o.merged().answered().forEach(partitions.putArray("answered")::add);
        o.merged().missing().forEach(partitions.putArray("missing")::add);
        ArrayNode instances = into.putArray("instances");
        for (MetricsQueries.InstanceReport r : o.instances()) {
            ObjectNode i = instances.addObject();
            i.put("instance", r.instance());
            i.put("self", r.self());
            i.put("ok", r.error() == null);
            r.partitions().forEach(i.putArray("partitions")::add);
            i.put("millis", r.millis());
            if (r.error() != null) {
                i.put("error", r.error());
            }
        }
    }

    /** One instance's share, as sent to the instance that asked. */
    static ObjectNode answer(String instance, Map<Integer, List<LanguageMetrics>> partitions) {
        ObjectNode n = Response.JSON.createObjectNode();
        n.put("instance", instance);
        ObjectNode ps = n.putObject("partitions");
        partitions.forEach((p, records) -> {
            ArrayNode a = ps.putArray(String.valueOf(p));
            records.forEach(r -> a.add(AvroJson.toJson(r)));
        });
        return n;
    }

    static MetricsMerge.Answer parseAnswer(byte[] body) {
        try {
            JsonNode n = Response.JSON.readTree(body);
            Map<Integer, List<LanguageMetrics>> partitions = new TreeMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.path("partitions").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<LanguageMetrics> records = new ArrayList<>();
                for (JsonNode r : e.getValue()) {
                    records.add(AvroJson.fromJson(r, LanguageMetrics.getClassSchema()));
                }
                partitions.put(Integer.parseInt(e.getKey()), records);
            }
            return new MetricsMerge.Answer(n.path("instance").asText(), partitions);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answer from another instance", e);
        }
    }

    private static ObjectNode latency(long[] histogram, long sumMs) {
        ObjectNode n = Response.JSON.createObjectNode();
        long count = 0;
        for (long c : histogram) {
            count += c;
        }
        long[] bounds = Buckets.latencyBoundsMs();
        n.put("count", count);
        number(n, "mean", Percentiles.mean(sumMs, histogram), 1);
        number(n, "p50", count == 0 ? Double.NaN : Percentiles.of(bounds, histogram, 0.50), 1);
        number(n, "p95", count == 0 ? Double.NaN : Percentiles.of(bounds, histogram, 0.95), 1);
        number(n, "p99", count == 0 ? Double.NaN : Percentiles.of(bounds, histogram, 0.99), 1);
        return n;
    }

    private static ObjectNode histogram(double[] bounds, long[] counts) {
        ObjectNode n = Response.JSON.createObjectNode();
        ArrayNode b = n.putArray("bounds");
        for (double v : bounds) {
            b.add(v);
        }
        ArrayNode c = n.putArray("counts");
        for (long v : counts) {
            c.add(v);
        }
        return n;
    }

    private static ObjectNode histogram(long[] bounds, long[] counts) {
        ObjectNode n = Response.JSON.createObjectNode();
        ArrayNode b = n.putArray("bounds");
        for (long v : bounds) {
            b.add(v);
        }
        ArrayNode c = n.putArray("counts");
        for (long v : counts) {
            c.add(v);
        }
        return n;
    }

    private static ObjectNode counts(Map<String, Long> counts) {
        ObjectNode n = Response.JSON.createObjectNode();
        counts.forEach(n::put);
        return n;
    }

    /** JSON has no NaN: absent values are null. */
    private static void number(ObjectNode n, String field, double value, int decimals) {
        if (Double.isNaN(value)) {
            n.putNull(field);
        } else {
            double scale = Math.pow(10, decimals);
            n.put(field, Math.round(value * scale) / scale);
        }
    }
}
