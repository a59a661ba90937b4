package io.detoxstreams.cli;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelBundle;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.worker.BatchRewriter;
import io.detoxstreams.worker.RewriterWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.time.Clock;
import java.util.concurrent.Callable;

/**
 * {@code detox-streams rewriter}: runs one transactional rewriter worker on {@code comments.toxic} until stopped.
 * Start more workers with the same {@code rewriter.group.id} (e.g. one per GPU) to share the partitions.
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
        try (ModelBundle models = ModelLoader.loadDefault()) {
            BatchRewriter rewriter = new BatchRewriter(models.detoxifier(), config.getInt(DetoxConfig.REWRITER_MAX_ATTEMPTS),
                    config.getLong(DetoxConfig.REWRITER_RETRY_BACKOFF_MS), Clock.systemUTC());
            RewriterWorker worker = new RewriterWorker(config, rewriter, Codecs.from(config).results());
            Thread main = Thread.currentThread();
            StopSignals.onInterrupt(worker::close);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                worker.close();
                ModeratorCommand.joinQuietly(main);
            }, "rewriter-shutdown"));
            System.err.println("rewriter running against " + config.bootstrapServers() + "; Ctrl-C to stop");
            worker.run();
            return 0;
        }
    }
}
