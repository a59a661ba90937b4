package io.detoxstreams.cli;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code bench [--include REGEX]}: runs the JMH micro-benchmarks shipped in the jar (classifier, language detection,
 * rewriter) on held-out comments and prints ops/s per benchmark. The numbers in BENCHMARKS.md come from here.
 * {@code bench pipeline} ({@link PipelineBenchCommand}) measures the moderator and the whole pipeline end to end
 * against Kafka pass-throughs; {@code bench models} ({@link BenchModelsCommand}) the ONNX backends per batch size.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Run the JMH benchmarks (one thread) and print comments/s.",
        subcommands = {PipelineBenchCommand.class, BenchModelsCommand.class})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--include", defaultValue = "io.detoxstreams.bench.*",
            description = "Regex of benchmarks to run (default: all).")
    String include;

    @Option(names = "--data", defaultValue = "../shared/data",
            description = "Data directory the benchmark comments come from (test split).")
    Path data;

    @Option(names = "--warmup", defaultValue = "3", description = "Warm-up iterations (2 s each).")
    int warmup;

    @Option(names = "--iterations", defaultValue = "5", description = "Measured iterations (2 s each).")
    int iterations;

    @Option(names = "--forks", defaultValue = "1", description = "JVM forks per benchmark.")
    int forks;

    @Override
    public Integer call() throws Exception {
        ChainedOptionsBuilder o = new OptionsBuilder().include(include).warmupIterations(warmup)
                .measurementIterations(iterations).warmupTime(TimeValue.seconds(2))
                .measurementTime(TimeValue.seconds(2)).forks(forks).threads(1)
                .jvmArgsAppend("-Ddetox.bench.data=" + data.toAbsolutePath(), "-Dai.djl.offline=true")
                .param("data", data.toAbsolutePath().toString());
        Collection<RunResult> results = new Runner(o.build()).run();
        System.out.println();
        System.out.println("benchmark                                              ops/s (one thread)      ± error");
        for (RunResult r : results) {
            var s = r.getPrimaryResult();
            System.out.printf(Locale.ROOT, "%-52s %14.0f %14.0f%n", r.getParams().getBenchmark()
                    .replace("io.detoxstreams.bench.", ""), s.getScore(), s.getScoreError());
        }
        return 0;
    }
}
