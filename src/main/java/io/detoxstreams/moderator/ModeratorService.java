package io.detoxstreams.moderator;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.ingest.RecordLimits;
import io.detoxstreams.metrics.MetricsTopology;
import io.detoxstreams.models.Models;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs the moderator topology as a Kafka Streams application with exactly-once v2. {@link #start(Duration)} waits for
 * RUNNING; {@link #close()} leaves the group so partitions move to the other instances at once.
 *
 * <pre>{@code
 * try (ModeratorService m = new ModeratorService(config, models)) {
 *     m.start(Duration.ofSeconds(60));
 *     m.awaitTermination();
 * }
 * }</pre>
 */
public final class ModeratorService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ModeratorService.class);

    private final KafkaStreams streams;
    private final CountDownLatch running = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<KafkaStreams.StateListener> listeners = new CopyOnWriteArrayList<>();
    private final Duration shutdownTimeout;

    public ModeratorService(DetoxConfig config, Models models) {
        this(config, models, null, VerdictObserver.NONE);
    }

    /**
     * @param applicationServer host:port of this instance's HTTP server for interactive queries
     *                          ({@code application.server}), or null when it has none
     * @param observer          process-local telemetry of verdicts and rejections
     */
    public ModeratorService(DetoxConfig config, Models models, String applicationServer, VerdictObserver observer) {
        this.shutdownTimeout = Duration.ofMillis(config.getLong(DetoxConfig.SHUTDOWN_TIMEOUT_MS));
        Topology topology = topology(config, models, observer);
        Properties props = streamsProperties(config);
        if (applicationServer != null) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        this.streams = new KafkaStreams(topology, props);
        streams.setUncaughtExceptionHandler(new StreamThreadFailures());
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING) {
                running.countDown();
            }
            if (now == KafkaStreams.State.NOT_RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
                stopped.countDown();
            }
            listeners.forEach(l -> l.onChange(now, before));
        });
    }

    /** The topology this service runs: with the metrics sub-topology unless {@code metrics.enabled=false}. */
    public static Topology topology(DetoxConfig config, Models models, VerdictObserver observer) {
        MetricsTopology.Options metrics = config.getBoolean(DetoxConfig.METRICS_ENABLED)
                ? MetricsTopology.Options.from(config) : null;
        return ModeratorTopology.build(new StreamsBuilder(), new ModeratorTopology.Deps(config.topics(),
                Codecs.from(config), models.languageDetector(), models.classifier(),
                config.getInt(DetoxConfig.TEXT_MAX_CHARS), Clock.systemUTC(), metrics, observer, RecordLimits.from(config),
                ModerationPolicy.from(config, models.classifier())));
    }

    /** Also tells {@code listener} of every state change (after this service has handled it). */
    public void addStateListener(KafkaStreams.StateListener listener) {
        listeners.add(listener);
    }

    /** Kafka Streams settings: EOS v2, byte-array serdes at the edges, KIP-1034 DLQ for unexpected failures. */
    public static Properties streamsProperties(DetoxConfig config) {
        Properties p = new Properties();
        p.putAll(config.kafkaProperties());
        p.put(StreamsConfig.APPLICATION_ID_CONFIG, config.getString(DetoxConfig.APPLICATION_ID));
        p.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        p.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        p.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, config.getInt(DetoxConfig.MODERATOR_THREADS));
        p.put(StreamsConfig.DEFAULT_KEY_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        p.put(StreamsConfig.DEFAULT_VALUE_SERDE_CLASS_CONFIG, Serdes.ByteArraySerde.class);
        // A model or mapping that throws on one record, or a result too large to write, must not stop moderation nor
        // lose the record: the handlers (KIP-1033/1034) send the raw input record, bounded, to the DLQ and continue.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Processing.class);
        p.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterHandlers.Production.class);
        p.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, config.topics().dlq());
        p.put(DeadLetterHandlers.DLQ_TOPIC, config.topics().dlq());
        p.put(DeadLetterHandlers.RECORDS_MAX_BYTES, String.valueOf(config.recordsMaxBytes()));
        // The default from Kafka 5.0 on; set now so global state (metrics, later) behaves the same and Streams stops warning.
        p.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // kafka.commit.interval.ms and kafka.num.standby.replicas, when given, win: they are the more specific settings.
        p.putIfAbsent(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, config.getLong(DetoxConfig.MODERATOR_COMMIT_INTERVAL_MS));
        p.putIfAbsent(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, config.getInt(DetoxConfig.MODERATOR_STANDBY_REPLICAS));
        short rf = config.getShort(DetoxConfig.TOPICS_REPLICATION_FACTOR);
        p.putIfAbsent(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) rf);
        return p;
    }

    /** Starts processing and waits until the application is RUNNING. */
    public void start(Duration timeout) throws InterruptedException {
        streams.start();
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("moderator not RUNNING after " + timeout + " (state " + streams.state() + ")");
        }
        if (stopped.getCount() == 0) {
            throw new IllegalStateException("moderator stopped while starting (state " + streams.state() + ")");
        }
        LOG.info("moderator running ({} thread(s))", streams.metadataForLocalThreads().size());
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    public KafkaStreams streams() {
        return streams;
    }

    /** Blocks until the application stops (closed, or failed). */
    public void awaitTermination() throws InterruptedException {
        stopped.await();
    }

    /**
     * Closes cleanly within {@code shutdown.timeout.ms}: the stream threads commit their open transactions, then the
     * instance leaves the group so its partitions move at once.
     */
    @Override
    public synchronized void close() {
        if (stopped.getCount() == 0 && streams.state() == KafkaStreams.State.NOT_RUNNING) {
            return;
        }
        long t0 = System.nanoTime();
        boolean failed = streams.state() == KafkaStreams.State.ERROR || streams.state() == KafkaStreams.State.PENDING_ERROR;
        boolean clean = streams.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                .withTimeout(shutdownTimeout));
        LOG.info("moderator {} in {} ms ({})", clean ? "stopped" : "did not finish stopping",
                (System.nanoTime() - t0) / 1_000_000, failed ? "after an error; uncommitted work is redone elsewhere"
                        : clean ? "committed, left the group" : "timed out after " + shutdownTimeout.toMillis()
                        + " ms (shutdown.timeout.ms); uncommitted work is redone elsewhere");
        stopped.countDown();
    }
}
