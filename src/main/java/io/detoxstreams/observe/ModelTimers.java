package io.detoxstreams.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import java.util.Map;

/** The shared timer {@code detox_model_latency_seconds{model, lang}}: detect and classify (moderator), rewrite. */
final class ModelTimers {

    static final String NAME = "detox.model.latency";

    private ModelTimers() {
    }

    static Timer get(Map<String, Timer> cache, MeterRegistry registry, String model, String lang) {
        return cache.computeIfAbsent(lang, l -> Timer.builder(NAME)
                .description("Model time per comment").tag("model", model).tag("lang", l).register(registry));
    }
}
