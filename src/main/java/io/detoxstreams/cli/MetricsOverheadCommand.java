package io.detoxstreams.cli;

import io.detoxstreams.bench.BrokerOverheadRun;
import io.detoxstreams.bench.MetricsOverhead;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bench metrics-overhead}: moderator throughput with and without the metrics sub-topology, in the same run, on
 * the in-process broker with exactly-once (see {@link BrokerOverheadRun}). The numbers in BENCHMARKS.md come from here.
 *
 * <pre>
 * java -jar target/detox-streams.jar bench metrics-overhead --comments 60000 --rounds 4
 * </pre>
 */
@Command(name = "metrics-overhead", mixinStandardHelpOptions = true,
        description = "Moderator throughput with and without the metrics sub-topology (in-process broker, EOS).")
public final class MetricsOverheadCommand implements Callable<Integer> {

    @Option(names = "--comments", defaultValue = "60000", description = "Input records per run (default: ${DEFAULT-VALUE}).")
    int comments;

    @Option(names = "--rounds", defaultValue = "4", description = "Rounds; each runs both variants (default: ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--data-dir", defaultValue = "${sys:java.io.tmpdir}/detox-streams-bench", paramLabel = "DIR",
            description = "Broker and state directory (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(dataDir);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        try (Models models = ModelFactory.loadDefault()) {
            List<MetricsOverhead.Run> runs = BrokerOverheadRun.run(models, comments, rounds, partitions, dataDir);
            MetricsOverhead.report(out, "Moderator throughput, in-process broker, exactly_once_v2, 1 stream thread, "
                    + partitions + " partitions, rewriter running (" + Runtime.getRuntime().availableProcessors()
                    + " CPUs)", runs);
        }
        return 0;
    }
}
