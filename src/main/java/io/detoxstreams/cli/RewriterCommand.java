package io.detoxstreams.cli;

import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.worker.RewriterWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * {@code detox-streams rewriter}: runs one transactional rewriter worker on {@code comments.toxic} until stopped, with
 * {@code /health} and {@code /metrics} on {@code rewriter.http.port}. Start more workers with the same
 * {@code rewriter.group.id} (e.g. one per GPU) to share the partitions.
 *
 * <pre>
 * java -jar target/detox-streams.jar rewriter --bootstrap-servers broker:9092
 * </pre>
 */
@Command(name = "rewriter", mixinStandardHelpOptions = true,
        description = "Run a rewriter worker: comments.toxic -> comments.detoxified (REWRITE) / comments.review (HOLD).")
public final class RewriterCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        DetoxConfig config = options.load();
        Startup.ensureTopics(config);
        StopSignals.Stop stop = null;
        try (Models models = ModelFactory.load(config);
             RewriterNode node = RewriterNode.create(config, models, Telemetry.create(), true)) {
            RewriterWorker worker = node.worker();
            // Ctrl-C / SIGTERM: finish the batch in hand (commit or abort), leave the group, return 0.
            stop = StopSignals.install("rewriter", worker::close, Startup.shutdownTimeout(config));
            System.err.println("rewriter running against " + config.bootstrapServers()
                    + node.httpPort().map(p -> "; /health and /metrics on port " + p).orElse("") + "; Ctrl-C to stop");
            worker.run();
            return worker.state() == RewriterWorker.State.FAILED ? 1 : 0;
        } finally {
            if (stop != null) {
                stop.finished();
            }
        }
    }
}
