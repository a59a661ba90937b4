package io.detoxstreams.observe;

import io.detoxstreams.avro.ExplanationInfo;
import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.rewrite.BackendObserver;
import io.detoxstreams.worker.RewriterObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A rewriter worker's Prometheus meters, plus its Kafka clients' own metrics:
 * <ul>
 *   <li>{@code detox_rewriter_batch_seconds} — time of one rewrite call (a poll batch, retries included);</li>
 *   <li>{@code detox_rewriter_batch_size} — comments per batch;</li>
 *   <li>{@code detox_rewriter_results_total{lang, action, reason, backend}} — committed results;</li>
 *   <li>{@code detox_rewriter_dlq_total}, {@code detox_rewriter_aborted_total} — dead letters, aborted transactions;</li>
 *   <li>{@code detox_rewriter_commit_retries_total} — commits that timed out and were retried (broker away);</li>
 *   <li>{@code detox_model_latency_seconds{model="rewrite", lang}} — per-comment share of the rewrite batch;</li>
 *   <li>{@code detox_rewriter_backend_seconds{backend, lang}} — time of one call to one rewrite backend;</li>
 *   <li>{@code detox_rewriter_backend_batch_size{backend, lang}} — comments per backend call;</li>
 *   <li>{@code detox_rewriter_backend_failures_total{backend, lang}} — comments a backend made no proposal for
 *       (errors, timeouts, unusable answers, open circuit breaker).</li>
 *   <li>{@code detox_rewriter_backend_unavailable_total} — batches put back while the backend was unavailable;</li>
 * </ul>
 * Which backend produced each published result is the {@code backend} tag of {@code detox_rewriter_results_total}.
 */
public final class RewriterMeters implements RewriterObserver, BackendObserver {

    private final Telemetry telemetry;
    private final MeterRegistry registry;
    private final Timer batchTime;
    private final DistributionSummary batchSize;
    private final Counter dlq;
    private final Counter aborted;
    private final Counter commitRetries;
    private final Counter unavailable;
    private final Map<String, Counter> results = new ConcurrentHashMap<>();
    private final Map<String, Timer> rewrite = new ConcurrentHashMap<>();
    private final Map<String, Timer> backendTime = new ConcurrentHashMap<>();
    private final Map<String, DistributionSummary> backendSize = new ConcurrentHashMap<>();
    private final Map<String, Counter> backendFailures = new ConcurrentHashMap<>();

    public RewriterMeters(Telemetry telemetry) {
        this.telemetry = telemetry;
        this.registry = telemetry.registry();
        this.batchTime = Timer.builder("detox.rewriter.batch").description("Time of one rewrite batch")
                .register(registry);
        this.batchSize = DistributionSummary.builder("detox.rewriter.batch.size")
                .description("Comments per rewrite batch").register(registry);
        this.dlq = Counter.builder("detox.rewriter.dlq").description("Records on comments.toxic the rewriter "
                + "dead-lettered (undecodable, or output too large or refused)").register(registry);
        this.aborted = Counter.builder("detox.rewriter.aborted").description("Aborted rewriter transactions")
                .register(registry);
        this.commitRetries = Counter.builder("detox.rewriter.commit.retries")
                .description("Rewriter commits that timed out and were retried").register(registry);
        this.unavailable = Counter.builder("detox.rewriter.backend.unavailable")
                .description("Batches put back because the rewrite backend was unavailable (consumption paused)")
                .register(registry);
    }

    @Override
    public void clients(Producer<?, ?> producer, Consumer<?, ?> consumer) {
        telemetry.bind(producer);
        telemetry.bind(consumer);
    }

    @Override
    public void batch(int size, long nanos) {
        batchTime.record(nanos, TimeUnit.NANOSECONDS);
        batchSize.record(size);
    }

    @Override
    public void committed(List<ModerationResult> finals, int deadLettered) {
        for (ModerationResult r : finals) {
            String lang = r.getLanguage().getLang();
            String action = r.getAction().name();
            String reason = r.getAction() == ModerationAction.HOLD && r.getHoldReason() != null ? r.getHoldReason() : "none";
            ExplanationInfo e = r.getExplanation();
            String backend = e == null || e.getBackend().isBlank() ? "none" : e.getBackend();
            results.computeIfAbsent(String.join("|", lang, action, reason, backend), k -> Counter
                    .builder("detox.rewriter.results").description("Results the rewriter committed")
                    .tag("lang", lang).tag("action", action).tag("reason", reason).tag("backend", backend)
                    .register(registry)).increment();
            Long micros = r.getTimings().getRewriteMicros();
            if (micros != null) {
                ModelTimers.get(rewrite, registry, "rewrite", lang).record(micros, TimeUnit.MICROSECONDS);
            }
        }
        dlq.increment(deadLettered);
    }

    @Override
    public void aborted() {
        aborted.increment();
    }

    @Override
    public void commitRetried() {
        commitRetries.increment();
    }

    @Override
    public void backendCall(String backend, String lang, int size, long nanos, int failed) {
        String key = backend + '|' + lang;
        backendTime.computeIfAbsent(key, k -> Timer.builder("detox.rewriter.backend")
                .description("Time of one call to one rewrite backend").tag("backend", backend).tag("lang", lang)
                .register(registry)).record(nanos, TimeUnit.NANOSECONDS);
        backendSize.computeIfAbsent(key, k -> DistributionSummary.builder("detox.rewriter.backend.batch.size")
                .description("Comments per call to one rewrite backend").tag("backend", backend).tag("lang", lang)
                .register(registry)).record(size);
        Counter f = backendFailures.computeIfAbsent(key, k -> Counter.builder("detox.rewriter.backend.failures")
                .description("Comments a rewrite backend made no proposal for").tag("backend", backend)
                .tag("lang", lang).register(registry));
        f.increment(failed);
    }

    @Override
    public void backendUnavailable() {
        unavailable.increment();
    }
}
