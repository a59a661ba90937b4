package io.detoxstreams.bench.pipeline;

import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.worker.RewriterWorker;
import org.apache.kafka.streams.CloseOptions;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One variant running as the product runs it: the pass-throughs as plain Kafka Streams applications with the
 * moderator's Streams settings, the moderator as a {@link ModeratorNode} (meters included, HTTP off), the pipeline
 * with a {@link RewriterNode} beside it. {@link #start} returns once the Streams application is RUNNING.
 */
final class VariantApp implements AutoCloseable {

    private final Variant variant;
    private final DetoxConfig config;
    private final KafkaStreams streams;
    private final ModeratorNode moderator;
    private final RewriterNode rewriter;

    private VariantApp(Variant variant, DetoxConfig config, KafkaStreams streams, ModeratorNode moderator,
                       RewriterNode rewriter) {
        this.variant = variant;
        this.config = config;
        this.streams = streams;
        this.moderator = moderator;
        this.rewriter = rewriter;
    }

    static VariantApp start(Variant variant, DetoxConfig config, Models models, Duration timeout)
            throws InterruptedException {
        return switch (variant) {
            case BYTES -> passThrough(variant, config, PassThroughTopology.bytes(config.topics().comments(),
                    config.topics().detoxified()), timeout);
            case SERDE -> passThrough(variant, config, PassThroughTopology.serde(config.topics().comments(),
                    config.topics().detoxified(), Codecs.from(config), Clock.systemUTC()), timeout);
            case MODERATOR, MODERATOR_METRICS, PIPELINE -> moderator(variant, config, models, timeout);
        };
    }

    private static VariantApp passThrough(Variant variant, DetoxConfig config, Topology topology, Duration timeout)
            throws InterruptedException {
        KafkaStreams streams = new KafkaStreams(topology, ModeratorService.streamsProperties(config));
        CountDownLatch running = new CountDownLatch(1);
        streams.setUncaughtExceptionHandler(e -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.setStateListener((now, before) -> {
            if (now == KafkaStreams.State.RUNNING || now == KafkaStreams.State.ERROR) {
                running.countDown();
            }
        });
        streams.start();
        VariantApp app = new VariantApp(variant, config, streams, null, null);
        if (!running.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || streams.state() != KafkaStreams.State.RUNNING) {
            app.close();
            throw new IllegalStateException(variant.id() + " not RUNNING after " + timeout + " (" + streams.state() + ")");
        }
        return app;
    }

    private static VariantApp moderator(Variant variant, DetoxConfig config, Models models, Duration timeout)
            throws InterruptedException {
        ModeratorNode node = ModeratorNode.create(config, models, Telemetry.create(), false);
        RewriterNode rewriter = null;
        try {
            node.start(timeout);
            if (variant == Variant.PIPELINE) {
                rewriter = RewriterNode.create(config, models, Telemetry.create(), true);
                rewriter.start(rewriterGroup(config) + "-worker");
            }
        } catch (RuntimeException | InterruptedException e) {
            new VariantApp(variant, config, null, node, rewriter).close();
            throw e;
        }
        return new VariantApp(variant, config, null, node, rewriter);
    }

    Variant variant() {
        return variant;
    }

    String applicationId() {
        return config.getString(DetoxConfig.APPLICATION_ID);
    }

    /** The rewriter's consumer group, or null when this variant has no rewriter. */
    String rewriterGroupOrNull() {
        return rewriter == null ? null : rewriterGroup(config);
    }

    static String rewriterGroup(DetoxConfig config) {
        return config.getString(DetoxConfig.REWRITER_GROUP_ID);
    }

    /** Where the variant writes the comments it has finished with. */
    List<String> outputTopics() {
        var t = config.topics();
        return switch (variant) {
            case BYTES, SERDE -> List.of(t.detoxified());
            // The moderator holds threats, self-harm and unsupported languages itself, straight to review.
            case MODERATOR, MODERATOR_METRICS -> List.of(t.detoxified(), t.toxic(), t.review());
            case PIPELINE -> List.of(t.detoxified(), t.review());
        };
    }

    KafkaStreams streams() {
        return streams != null ? streams : moderator.service().streams();
    }

    /** A stream thread died, or the rewriter loop failed: the run is void. */
    String failure() {
        KafkaStreams.State s = streams().state();
        if (s == KafkaStreams.State.ERROR || s == KafkaStreams.State.PENDING_ERROR || s == KafkaStreams.State.NOT_RUNNING
                || s == KafkaStreams.State.PENDING_SHUTDOWN) {
            return variant.id() + ": Kafka Streams is " + s;
        }
        if (rewriter != null && rewriter.worker().state() == RewriterWorker.State.FAILED) {
            return variant.id() + ": the rewriter worker failed";
        }
        return null;
    }

    @Override
    public void close() {
        try {
            if (rewriter != null) {
                rewriter.close();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            KafkaStreams s = streams();
            if (moderator != null) {
                moderator.close();
            } else {
                s.close(CloseOptions.groupMembershipOperation(CloseOptions.GroupMembershipOperation.LEAVE_GROUP)
                        .withTimeout(Duration.ofSeconds(30)));
            }
            s.cleanUp();
        }
    }
}
