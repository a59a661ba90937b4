package io.detoxstreams.cli;

import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import io.detoxstreams.observe.Telemetry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code detox-streams moderator}: runs the moderator stage (Kafka Streams, exactly-once) with its HTTP server (metrics
 * API, {@code /health}, {@code /metrics}) until stopped. Start more instances with the same {@code application.id} to
 * share the partitions; any of them answers metrics queries for all.
 *
 * <pre>
 * java -jar target/detox-streams.jar moderator --bootstrap-servers broker:9092 --config detox.properties
 * </pre>
 */
@Command(name = "moderator", mixinStandardHelpOptions = true,
        description = "Run the moderator stage: comments -> comments.detoxified / comments.toxic / comments.dlq.")
public final class ModeratorCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        DetoxConfig config = options.load();
        Startup.ensureTopics(config);
        StopSignals.Stop stop = null;
        try (Models models = ModelFactory.load(config);
             ModeratorNode node = ModeratorNode.create(config, models, Telemetry.create(), false)) {
            ModeratorService moderator = node.service();
            // Ctrl-C / SIGTERM: close (commit, leave the group) and return 0.
            stop = StopSignals.install("moderator", moderator::close, Startup.shutdownTimeout(config));
            moderator.start(Duration.ofMinutes(2));
            System.err.println("moderator running against " + config.bootstrapServers()
                    + node.url().map(u -> "; HTTP on " + u + " (/v1/languages, /health, /metrics)").orElse("")
                    + "; Ctrl-C to stop");
            moderator.awaitTermination();
            return moderator.state() == org.apache.kafka.streams.KafkaStreams.State.ERROR ? 1 : 0;
        } finally {
            if (stop != null) {
                stop.finished();
            }
        }
    }
}
