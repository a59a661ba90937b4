package io.detoxstreams.observe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * One process's meters, exposed in the Prometheus format ({@link #scrape}, served at {@code /metrics}): JVM and
 * process meters, the Kafka clients' and Kafka Streams' own metrics (Micrometer's Kafka binders), and the project's
 * meters ({@link ModeratorMeters}, {@link RewriterMeters}).
 *
 * <pre>{@code
 * try (Telemetry t = Telemetry.create()) {
 *     t.bind(streams);
 *     String text = t.scrape();
 * }
 * }</pre>
 */
public final class Telemetry implements AutoCloseable {

    /** How often the Kafka binders look for metrics the clients registered since (new threads, tasks). */
    private static final Duration KAFKA_REFRESH = Duration.ofSeconds(10);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<AutoCloseable> binders = new ArrayList<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "telemetry-kafka-refresh");
        t.setDaemon(true);
        return t;
    });

    private Telemetry() {
    }

    public static Telemetry create() {
        Telemetry t = new Telemetry();
        new ClassLoaderMetrics().bindTo(t.registry);
        new JvmMemoryMetrics().bindTo(t.registry);
        new JvmThreadMetrics().bindTo(t.registry);
        new ProcessorMetrics().bindTo(t.registry);
        new UptimeMetrics().bindTo(t.registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(t.registry);
        t.binders.add(gc);
        return t;
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** Kafka Streams' metrics and those of its embedded clients ({@code kafka_stream_*}, {@code kafka_consumer_*}, …). */
    public void bind(KafkaStreams streams) {
        KafkaStreamsMetrics m = new KafkaStreamsMetrics(streams, List.<Tag>of(), refresher, KAFKA_REFRESH);
        m.bindTo(registry);
        binders.add(m);
    }

    public void bind(Producer<?, ?> producer) {
        KafkaClientMetrics m = new KafkaClientMetrics(producer, List.<Tag>of(), refresher, KAFKA_REFRESH);
        m.bindTo(registry);
        binders.add(m);
    }

    public void bind(Consumer<?, ?> consumer) {
        KafkaClientMetrics m = new KafkaClientMetrics(consumer, List.<Tag>of(), refresher, KAFKA_REFRESH);
        m.bindTo(registry);
        binders.add(m);
    }

    /** Every meter in the Prometheus text exposition format. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        for (AutoCloseable b : binders) {
            try {
                b.close();
            } catch (Exception e) {
                // closing is best effort; the registry goes with it
            }
        }
        refresher.shutdownNow();
        registry.close();
    }
}
