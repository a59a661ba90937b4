package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.deploy.DeployFiles.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every PromQL query the deployment files run against the application's meters — the Grafana dashboard's panels and
 * variables, the Prometheus alert rules, KEDA's prometheus triggers — and what they need from {@code /metrics}: the
 * metric names, the label values they match exactly, and the labels they group by.
 */
final class DeployedQueries {

    /** Series Prometheus makes itself, and labels it adds at scrape time: not for /metrics to export. */
    private static final Set<String> SYNTHETIC_METRICS = Set.of("up");
    private static final Set<String> SCRAPE_LABELS = Set.of("job", "instance");
    private static final Set<String> PROMQL_WORDS = Set.of("sum", "max", "min", "avg", "count", "rate", "increase",
            "by", "without", "or", "and", "unless", "vector", "label_values", "on", "ignoring", "group_left",
            "group_right", "histogram_quantile", "irate", "abs", "clamp_min", "clamp_max", "topk", "bottomk", "offset",
            "bool", "time");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w$.\"])([a-zA-Z_][a-zA-Z0-9_]*)(?![\\w(\"])");
    private static final Pattern SELECTOR = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\{([^}]*)}");
    private static final Pattern EXACT_MATCHER = Pattern.compile("(\\w+)\\s*=\\s*\"([^\"$]*)\"");
    private static final Pattern GROUPING = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

    /** source ("dashboard: Toxic share") → query */
    private final Map<String, String> queries;

    private DeployedQueries(Map<String, String> queries) {
        this.queries = queries;
    }

    static DeployedQueries load() {
        Map<String, String> q = new TreeMap<>();
        JsonNode dashboard = DeployFiles.json(DeployFiles.DASHBOARD);
        for (JsonNode panel : dashboard.path("panels")) {
            int i = 0;
            for (JsonNode target : panel.path("targets")) {
                q.put("dashboard panel '" + panel.path("title").asText() + "' #" + i++, target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                q.put("dashboard variable " + variable.path("name").asText(), variable.path("definition").asText());
            }
        }
        for (JsonNode group : DeployFiles.yaml(DeployFiles.ALERTS).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                q.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        for (Manifest m : DeployFiles.kubernetes()) {
            if (m.kind().equals("ScaledObject")) {
                for (JsonNode t : m.doc().path("spec").path("triggers")) {
                    if (t.path("type").asText().equals("prometheus")) {
                        q.put("KEDA trigger of " + m.name(), t.path("metadata").path("query").asText());
                    }
                }
            }
        }
        return new DeployedQueries(q);
    }

    Map<String, String> queries() {
        return queries;
    }

    /** The metric names a query reads (not functions, keywords, labels, durations or Grafana variables). */
    static Set<String> metrics(String query) {
        String q = query.replaceAll("\"[^\"]*\"", "\"\"").replaceAll("\\[[^]]*]", "")
                .replaceAll("\\{[^}]*}", "").replaceAll("\\bby\\s*\\([^)]*\\)", "").replaceAll("\\$\\w+", "");
        Set<String> names = new LinkedHashSet<>();
        Matcher m = IDENTIFIER.matcher(q);
        while (m.find()) {
            String id = m.group(1);
            if (!PROMQL_WORDS.contains(id) && !SYNTHETIC_METRICS.contains(id)) {
                names.add(id);
            }
        }
        // label_values(metric, label): the first argument is a metric, the second a label
        Matcher lv = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)").matcher(query);
        while (lv.find()) {
            names.remove(lv.group(2));
            names.add(lv.group(1));
        }
        return names;
    }

    /** metric → label="value" pairs the query matches exactly. */
    static Map<String, Set<String>> exactMatchers(String query) {
        Map<String, Set<String>> out = new TreeMap<>();
        Matcher s = SELECTOR.matcher(query);
        while (s.find()) {
            Matcher e = EXACT_MATCHER.matcher(s.group(2));
            while (e.find()) {
                out.computeIfAbsent(s.group(1), k -> new TreeSet<>()).add(e.group(1) + "=\"" + e.group(2) + "\"");
            }
        }
        return out;
    }

    /** Labels the query groups by (label_values' label too), less the ones Prometheus adds at scrape time. */
    static Set<String> groupingLabels(String query) {
        Set<String> labels = new TreeSet<>();
        Matcher g = GROUPING.matcher(query);
        while (g.find()) {
            for (String l : g.group(1).split(",")) {
                if (!l.isBlank()) {
                    labels.add(l.trim());
                }
            }
        }
        Matcher lv = Pattern.compile("label_values\\((\\w+),\\s*(\\w+)\\)").matcher(query);
        while (lv.find()) {
            labels.add(lv.group(2));
        }
        labels.removeAll(SCRAPE_LABELS);
        return labels;
    }

    /** Every metric any query reads. */
    Set<String> allMetrics() {
        Set<String> all = new TreeSet<>();
        queries.values().forEach(q -> all.addAll(metrics(q)));
        return all;
    }

    /**
     * What a Prometheus text exposition lacks for these queries: missing metrics, exact label values no series has,
     * grouping labels a metric of the query does not carry.
     */
    List<String> missingFrom(String exposition) {
        List<String> missing = new ArrayList<>();
        queries.forEach((source, query) -> {
            for (String metric : metrics(query)) {
                List<String> series = series(exposition, metric);
                if (series.isEmpty()) {
                    missing.add(source + ": metric " + metric + " is not exported");
                    continue;
                }
                for (String label : groupingLabels(query)) {
                    if (series.stream().noneMatch(s -> s.contains(label + "=\""))) {
                        missing.add(source + ": " + metric + " has no label " + label + " to group by");
                    }
                }
            }
            exactMatchers(query).forEach((metric, pairs) -> {
                for (String pair : pairs) {
                    if (series(exposition, metric).stream().noneMatch(s -> s.contains(pair))) {
                        missing.add(source + ": no series " + metric + "{" + pair + "}");
                    }
                }
            });
        });
        return missing;
    }

    private static List<String> series(String exposition, String metric) {
        List<String> out = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
                out.add(line);
            }
        }
        return out;
    }
}
