package io.detoxstreams.cli;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.demo.DemoRunner;
import io.detoxstreams.models.ModelFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.charset.StandardCharsets;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code detox-streams demo}: the whole pipeline in one JVM on an embedded Kafka broker — nothing to install.
 * Publishes the bundled multilingual sample and prints each verdict as it arrives, then a per-language summary.
 *
 * <pre>
 * java -jar target/detox-streams.jar demo                 # ends when every sample comment is through
 * java -jar target/detox-streams.jar demo --keep-running  # stays up for produce/tail until Ctrl-C or --duration
 * </pre>
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run broker, moderator and rewriter in one JVM and moderate a bundled multilingual sample.")
public final class DemoCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;

    @Option(names = "--duration", defaultValue = "120s", paramLabel = "DURATION",
            description = "Longest run time, e.g. 60s, 5m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--keep-running", description = "Keep running after the sample is through (until --duration or Ctrl-C).")
    boolean keepRunning;

    @Option(names = "--partitions", defaultValue = "3", description = "Partitions per topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--data-dir", defaultValue = "${sys:java.io.tmpdir}/detox-streams-demo", paramLabel = "DIR",
            description = "Where the embedded broker and state stores keep their files (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Override
    public Integer call() throws Exception {
        DetoxConfig config = options.load();
        Files.createDirectories(dataDir);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        DemoRunner demo = new DemoRunner(out);
        CountDownLatch done = new CountDownLatch(1);
        StopSignals.onInterrupt(why -> demo.stop());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            demo.stop();
            try {
                done.await(30, TimeUnit.SECONDS);   // let the demo print its summary and close cleanly
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "demo-shutdown"));
        try {
            return demo.run(config, () -> ModelFactory.load(config),
                    new DemoRunner.Options(parseDuration(duration), keepRunning, partitions, dataDir));
        } finally {
            done.countDown();
        }
    }

    /** Accepts {@code 90s}, {@code 5m}, {@code 1h}, plain seconds, or ISO-8601 ({@code PT90S}). */
    static Duration parseDuration(String s) {
        String v = s.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.startsWith("pt")) {
            return Duration.parse(v.toUpperCase(java.util.Locale.ROOT));
        }
        char unit = v.charAt(v.length() - 1);
        if (Character.isDigit(unit)) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        long n = Long.parseLong(v.substring(0, v.length() - 1));
        return switch (unit) {
            case 's' -> Duration.ofSeconds(n);
            case 'm' -> Duration.ofMinutes(n);
            case 'h' -> Duration.ofHours(n);
            default -> throw new IllegalArgumentException("bad duration '" + s + "' (use e.g. 60s, 5m)");
        };
    }
}
