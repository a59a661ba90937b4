package io.detoxstreams.observe;

import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.moderator.VerdictObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The moderator's own Prometheus meters, fed by the topology's {@code observe-*} nodes:
 * <ul>
 *   <li>{@code detox_moderator_verdicts_total{lang, action}} — PASS / HOLD / PENDING verdicts;</li>
 *   <li>{@code detox_moderator_dlq_total{reason}} — input records dead-lettered by the moderator;</li>
 *   <li>{@code detox_model_latency_seconds{model="detect"|"classify", lang}} — per-comment model time.</li>
 * </ul>
 * Process-local and at-least-once (a re-processed record is counted again): for exact counts use the metrics API.
 * Meters are cached per tag combination, since languages and reasons are few.
 */
public final class ModeratorMeters implements VerdictObserver {

    private final MeterRegistry registry;
    private final Map<String, Counter> verdicts = new ConcurrentHashMap<>();
    private final Map<String, Counter> rejected = new ConcurrentHashMap<>();
    private final Map<String, Timer> detect = new ConcurrentHashMap<>();
    private final Map<String, Timer> classify = new ConcurrentHashMap<>();

    public ModeratorMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void verdict(ModerationResult r) {
        String lang = r.getLanguage().getLang();
        String action = r.getAction().name();
        verdicts.computeIfAbsent(lang + '|' + action, k -> Counter.builder("detox.moderator.verdicts")
                .description("Verdicts of the moderator (PASS; HOLD for threats, self-harm and by policy; PENDING for toxic comments)")
                .tag("lang", lang).tag("action", action).register(registry)).increment();
        ModelTimers.get(detect, registry, "detect", lang).record(r.getTimings().getDetectMicros(), TimeUnit.MICROSECONDS);
        ModelTimers.get(classify, registry, "classify", lang)
                .record(r.getTimings().getClassifyMicros(), TimeUnit.MICROSECONDS);
    }

    @Override
    public void rejected(String reason) {
        rejected.computeIfAbsent(reason, k -> Counter.builder("detox.moderator.dlq")
                .description("Input records the moderator sent to the DLQ").tag("reason", reason)
                .register(registry)).increment();
    }
}
