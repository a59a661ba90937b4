package io.detoxstreams.deploy;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The PromQL reading {@link DeploymentMetricsIT} relies on: names, exact label values and grouping labels. */
class DeployedQueriesTest {

    @Test
    void shouldFindMetricNamesButNotFunctionsLabelsVariablesOrDurations() {
        String q = "sum by (lang, action) (rate(detox_moderator_verdicts_total{lang=~\"$lang\",action=\"PENDING\"}"
                + "[$__rate_interval])) / sum(rate(detox_rewriter_results_total[5m])) or vector(0)";
        assertThat(DeployedQueries.metrics(q)).containsExactly("detox_moderator_verdicts_total",
                "detox_rewriter_results_total");
        assertThat(DeployedQueries.metrics("label_values(detox_moderator_verdicts_total, lang)"))
                .containsExactly("detox_moderator_verdicts_total");
        assertThat(DeployedQueries.metrics("up{job=~\"detox-.*\"} == 0")).as("Prometheus' own series").isEmpty();
        assertThat(DeployedQueries.exactMatchers(q))
                .isEqualTo(Map.of("detox_moderator_verdicts_total", Set.of("action=\"PENDING\"")));
        assertThat(DeployedQueries.groupingLabels(q + " + max by (job, instance, topic) (x)"))
                .containsExactly("action", "lang", "topic");
    }

    @Test
    void shouldReportWhatAnExpositionLacks() {
        DeployedQueries queries = DeployedQueries.load();
        String exposition = "detox_moderator_verdicts_total{action=\"PASS\",lang=\"en\"} 3.0\n";
        List<String> missing = queries.missingFrom(exposition);
        assertThat(missing).anyMatch(m -> m.contains("metric detox_rewriter_results_total is not exported"))
                .anyMatch(m -> m.contains("no series detox_moderator_verdicts_total{action=\"PENDING\"}"));
    }

    @Test
    void shouldReadTheDashboardTheAlertRulesAndEveryPanel() {
        DeployedQueries queries = DeployedQueries.load();
        assertThat(queries.queries().keySet()).anyMatch(k -> k.startsWith("dashboard panel"))
                .anyMatch(k -> k.startsWith("alert "))
                .anyMatch(k -> k.equals("dashboard variable lang"));
        assertThat(queries.queries().values()).allMatch(q -> !q.isBlank());
        assertThat(queries.allMetrics()).contains("detox_moderator_verdicts_total", "detox_rewriter_backend_seconds_sum",
                "kafka_consumer_fetch_manager_records_lag_max", "jvm_memory_used_bytes", "process_cpu_usage",
                "detox_rewriter_backend_unavailable_total");
    }
}
