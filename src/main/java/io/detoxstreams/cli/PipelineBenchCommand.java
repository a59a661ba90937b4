package io.detoxstreams.cli;

import io.detoxstreams.bench.pipeline.Contender;
import io.detoxstreams.bench.pipeline.PipelineBench;
import io.detoxstreams.bench.pipeline.PipelineCorpus;
import io.detoxstreams.bench.pipeline.PipelineReport;
import io.detoxstreams.bench.pipeline.PipelineResult;
import io.detoxstreams.bench.pipeline.Variant;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.config.ConfigLoader;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModeratorService;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bench pipeline}: sustained records/s and end-to-end latency of the moderator and the full pipeline against
 * Kafka Streams pass-throughs, on the same broker with the same partitions, exactly-once and client settings, in
 * interleaved rounds ({@link PipelineBench}). Prints a table and the ratios, writes JSON, and with {@code --report DIR}
 * a Markdown summary and PNG charts. The numbers in BENCHMARKS.md come from here.
 *
 * <pre>
 * java -jar target/detox-streams.jar bench pipeline                          # full run, embedded broker (~9 min)
 * java -jar target/detox-streams.jar bench pipeline --short --min-ratio 0.1  # CI: ~2.5 min, exit 1 below the floor
 * java -jar target/detox-streams.jar bench pipeline --bootstrap broker:9092 --config client.properties
 * </pre>
 */
@Command(name = "pipeline", mixinStandardHelpOptions = true, sortOptions = false,
        description = "End-to-end throughput and latency: pass-through vs moderator vs full pipeline (EOS).")
public final class PipelineBenchCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", paramLabel = "HOST:PORT",
            description = "A real Kafka cluster (must support transactions); default: an embedded broker in this JVM.")
    String bootstrap;

    @Option(names = {"-c", "--config"}, paramLabel = "FILE",
            description = "Properties file applied to every variant (e.g. kafka.security.protocol=SASL_SSL).")
    Path configFile;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE",
            description = "Any configuration key, for every variant alike, e.g. --set kafka.commit.interval.ms=200.")
    Map<String, String> overrides = new LinkedHashMap<>();

    @Option(names = "--variants", split = ",", paramLabel = "LIST",
            description = "Variants to compare: bytes, serde, moderator, moderator-metrics, pipeline "
                    + "(default: bytes,serde,moderator,pipeline).")
    List<String> variants = Variant.DEFAULT.stream().map(Variant::id).toList();

    @Option(names = "--tuned", paramLabel = "TAG=VARIANT:KEY=VALUE[,KEY=VALUE]",
            description = "Also run VARIANT with these settings, interleaved with the others, as VARIANT/TAG; "
                    + "repeatable. E.g. --tuned c500=moderator:kafka.commit.interval.ms=500.")
    List<String> tuned = List.of();

    @Option(names = "--short", description = "CI mode: shorter timed runs (3 s steady state, 4 s latency runs).")
    boolean shortRun;

    @Option(names = "--rounds", description = "Interleaved rounds (default: 3).")
    Integer rounds;

    @Option(names = "--steady-seconds", description = "Least steady-state time of each timed run (default: 20; --short 3).")
    Double steadySeconds;

    @Option(names = "--latency-seconds", description = "Measured time of each latency run at half load; 0 skips them "
            + "(default: 20; --short 4).")
    Double latencySeconds;

    @Option(names = "--partitions", defaultValue = "4", description = "Partitions of every topic (default: ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--threads", defaultValue = "1", description = "Stream threads per application (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--format", defaultValue = "avro", description = "Wire format in and out: avro or json (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--toxic-share", defaultValue = "0.2", description = "Share of toxic comments (default: ${DEFAULT-VALUE}).")
    double toxicShare;

    @Option(names = "--languages", split = ",", paramLabel = "LIST",
            description = "Languages of the corpus (default: all the data has).")
    List<String> languages = List.of();

    @Option(names = "--lengths", defaultValue = "natural", paramLabel = "natural|MIN-MAX",
            description = "Comment lengths: as written, or fitted into MIN-MAX chars (default: ${DEFAULT-VALUE}).")
    String lengths;

    @Option(names = "--hints", description = "Send each comment's language as lang_hint (default: no hints).")
    boolean hints;

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR",
            description = "Data directory whose TEST rows make the corpus; without it the bundled demo sample.")
    Path data;

    @Option(names = "--max-records", defaultValue = "16000000",
            description = "Most records per input topic, which bounds disk use (default: ${DEFAULT-VALUE}: 20 s of "
                    + "steady state up to 640,000 records/s).")
    long maxRecords;

    @Option(names = "--replication-factor", defaultValue = "-1",
            description = "Replication factor of the topics the bench creates on --bootstrap (default: broker's).")
    short replicationFactor;

    @Option(names = "--json", defaultValue = "target/bench/pipeline.json", paramLabel = "FILE",
            description = "Where the JSON results go (default: ${DEFAULT-VALUE}).")
    Path json;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write summary.md and PNG charts here.")
    Path report;

    @Option(names = "--min-ratio", paramLabel = "X",
            description = "Exit 1 when moderator / serde pass-through (median records/s) is below X (CI guard).")
    Double minRatio;

    @Option(names = "--work-dir", defaultValue = "${sys:java.io.tmpdir}/detox-streams-bench", paramLabel = "DIR",
            description = "Embedded broker and state directories (default: ${DEFAULT-VALUE}).")
    Path workDir;

    @Override
    public Integer call() throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<Contender> chosen = new ArrayList<>(variants.stream().map(Variant::of).distinct().map(Contender::plain)
                .toList());
        tuned.stream().map(Contender::parse).forEach(chosen::add);
        if (chosen.stream().map(Contender::name).distinct().count() != chosen.size()) {
            throw new IllegalArgumentException("two variants with the same name: " + chosen.stream().map(Contender::name).toList());
        }
        if (minRatio != null && !(chosen.contains(Contender.plain(Variant.MODERATOR))
                && chosen.contains(Contender.plain(Variant.SERDE)))) {
            throw new IllegalArgumentException("--min-ratio compares moderator with serde: run both (--variants)");
        }
        PipelineBench.Options o = new PipelineBench.Options(chosen, rounds != null ? rounds : 3,
                steadySeconds != null ? steadySeconds : shortRun ? 3 : 20,
                latencySeconds != null ? latencySeconds : shortRun ? 4 : 20, partitions, replicationFactor, maxRecords,
                workDir);
        PipelineCorpus.Options corpusOptions = new PipelineCorpus.Options(toxicShare, languages,
                PipelineCorpus.Lengths.parse(lengths), hints);
        Files.createDirectories(workDir);
        String loadBefore = loadAverage();
        boolean needModels = chosen.stream().anyMatch(c -> c.variant().usesModels()) || !Files.isDirectory(data.resolve("toxicity"));
        // The models come from the same configuration the variants run with (--config, DETOX_*, --set); they load
        // while the broker starts. bootstrap.servers does not matter to them.
        DetoxConfig modelConfig = config(bootstrap == null ? "127.0.0.1:9092" : bootstrap);
        CompletableFuture<Models> loading = needModels ? CompletableFuture.supplyAsync(() -> ModelFactory.load(modelConfig))
                : CompletableFuture.completedFuture(null);
        PipelineResult result;
        try (EmbeddedKafka kafka = bootstrap == null ? EmbeddedKafka.start(workDir.resolve("kafka")) : null;
             Models models = loading.get()) {
            DetoxConfig base = config(kafka == null ? bootstrap : kafka.bootstrapServers());
            PipelineCorpus corpus = PipelineCorpus.load(data, corpusOptions,
                    models == null ? null : models.languageDetector(), models == null ? null : models.classifier());
            out.printf(Locale.ROOT, "bench pipeline: %s on %s; %d partitions, exactly_once_v2, %d stream thread(s); "
                            + "corpus: %s, %d languages, mean %.0f chars, %.0f %% toxic, %s%n",
                    chosen.stream().map(Contender::name).toList(), kafka == null ? bootstrap : "an embedded broker",
                    partitions, threads, corpus.source(), corpus.languages().size(), corpus.meanLength(),
                    100 * corpus.toxicShare(), hints ? "with language hints" : "no language hints");
            Map<String, Object> settings = settings(base, kafka != null, o, loadBefore);
            result = new PipelineBench(base, models, corpus, o, new ConsoleProgress(System.err), out).run(settings);
            settings.put("load_average_after", loadAverage());
        }
        out.println();
        out.print(PipelineReport.table(result));
        PipelineReport.writeJson(result, json);
        out.println("JSON: " + json.toAbsolutePath());
        if (report != null) {
            PipelineReport.writeReport(result, report);
            out.println("report: " + report.resolve("summary.md").toAbsolutePath() + " (+ throughput.png"
                    + (result.latency().isEmpty() ? ")" : ", latency.png)"));
        }
        return minRatio == null ? 0 : guard(out, result, minRatio);
    }

    /**
     * The CI guard: the moderator's median rate relative to the decode → encode pass-through's, against a floor.
     *
     * @return 0 when at or above the floor, 1 below it
     */
    static int guard(PrintStream out, PipelineResult r, double floor) {
        Contender moderator = r.plain(Variant.MODERATOR).orElseThrow();
        Contender serde = r.plain(Variant.SERDE).orElseThrow();
        double ratio = r.ratio(moderator, serde);
        boolean ok = ratio >= floor;
        out.printf(Locale.ROOT, "%nratio guard: moderator %,.0f records/s / decode -> encode pass-through %,.0f records/s"
                        + " = %.3f (floor %.3f; per round %s): %s%n", r.medianRate(moderator), r.medianRate(serde), ratio,
                floor, Arrays.toString(Arrays.stream(r.roundRatios(moderator, serde))
                        .mapToObj(d -> String.format(Locale.ROOT, "%.3f", d)).toArray()),
                ok ? "OK" : "FAILED — the moderator fell below the floor");
        return ok ? 0 : 1;
    }

    private DetoxConfig config(String bootstrapServers) {
        Map<String, String> o = new LinkedHashMap<>(overrides);
        o.put(DetoxConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        o.put(DetoxConfig.INPUT_FORMAT, format);
        o.put(DetoxConfig.OUTPUT_FORMAT, format);
        o.put(DetoxConfig.MODERATOR_THREADS, String.valueOf(threads));
        o.putIfAbsent(DetoxConfig.MODERATOR_STANDBY_REPLICAS, "0");
        return ConfigLoader.load(configFile, System.getenv(), o);
    }

    /** What every variant shares, for the report: the Streams settings as the moderator would run them. */
    private Map<String, Object> settings(DetoxConfig base, boolean embedded, PipelineBench.Options o, String load) {
        Properties streams = ModeratorService.streamsProperties(base);
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("date", Instant.now().toString());
        s.put("broker", embedded ? "embedded KRaft broker in the same JVM (shares the CPUs)" : bootstrap);
        s.put("cpus", Runtime.getRuntime().availableProcessors());
        s.put("jvm", System.getProperty("java.vm.name") + " " + System.getProperty("java.version") + ", max heap "
                + Runtime.getRuntime().maxMemory() / (1 << 20) + " MB, " + ManagementFactory.getRuntimeMXBean()
                .getInputArguments());
        s.put("load_average_before", load);
        s.put("partitions", o.partitions());
        s.put("processing.guarantee", streams.get("processing.guarantee"));
        s.put("num.stream.threads", streams.get("num.stream.threads"));
        s.put("format", format);
        Map<String, Object> client = new LinkedHashMap<>();
        streams.forEach((k, v) -> {
            String key = String.valueOf(k);
            if (!List.of("application.id", "bootstrap.servers", "processing.guarantee", "num.stream.threads",
                    "default.key.serde", "default.value.serde", "state.dir", "errors.dead.letter.queue.topic.name")
                    .contains(key)) {
                client.put(key, String.valueOf(v instanceof Class<?> c ? c.getSimpleName() : v));
            }
        });
        s.put("streams_and_client_settings", client);
        s.put("rounds", o.rounds());
        s.put("steady_seconds_min", o.steadySeconds());
        s.put("latency_seconds", o.latencySeconds());
        return s;
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
