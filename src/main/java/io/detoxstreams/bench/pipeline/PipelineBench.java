package io.detoxstreams.bench.pipeline;

import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.metrics.LanguageStats;
import io.detoxstreams.metrics.LocalMetrics;
import io.detoxstreams.metrics.MetricsRecords;
import io.detoxstreams.models.Models;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.train.Progress;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.common.TopicPartition;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Runs {@code bench pipeline}: the variants ({@link Variant}) over the same generated corpus, on one broker, with the
 * same partitions, exactly-once v2 and client settings.
 * <ol>
 *   <li>Each variant gets an input topic of its own ({@link InputTopics}); a warm-up round runs every variant once,
 *       and its rates size the topics so that each variant's steady state (10 % → 90 % of its input committed) lasts
 *       at least {@code steadySeconds}.
 *   <li>{@code rounds} rounds, each running every variant once, one after the other, in an order rotated per round,
 *       so that machine noise falls on all variants alike. A fresh {@code application.id} per run reads its topic
 *       from the start.
 *   <li>Latency: each variant again, fed at 50 % of its median measured maximum by a paced producer; end-to-end
 *       latency of every comment as a {@code read_committed} subscriber sees it.
 * </ol>
 * Everything the run creates (topics, consumer groups, state directories) is named after a run id and removed at the
 * end, also on a real cluster.
 */
public final class PipelineBench {

    static final double FROM = 0.10;
    static final double TO = 0.90;
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STALL_TIMEOUT = Duration.ofMinutes(2);
    /**
     * Rates (records/s) that size the input of the warm-up runs before anything is measured; a warm-up run stops
     * after {@link #warmUpNanos()} of steady state anyway.
     */
    static final Map<Variant, Double> FIRST_GUESS = Map.of(Variant.BYTES, 150_000.0, Variant.SERDE, 60_000.0,
            Variant.MODERATOR, 8_000.0, Variant.MODERATOR_METRICS, 8_000.0, Variant.PIPELINE, 6_000.0);

    /**
     * @param steadySeconds  least steady-state time per timed run
     * @param latencySeconds measured time of each latency run (after a warm-up of a quarter of it); 0 skips latency
     * @param maxRecords     most records in one input topic (bounds disk use for very fast pass-throughs)
     */
    public record Options(List<Contender> contenders, int rounds, double steadySeconds, double latencySeconds,
                          int partitions, short replicationFactor, long maxRecords, Path workDir) {
    }

    private final DetoxConfig base;
    private final Models models;
    private final PipelineCorpus corpus;
    private final Options o;
    private final Progress progress;
    private final PrintStream log;
    private final String runId = "bench-" + UUID.randomUUID().toString().substring(0, 6);
    private final Codecs codecs;
    private final Map<String, Object> clientProperties;
    private final Map<String, Object> corpusInfo;

    /**
     * @param base   configuration every variant starts from ({@code bootstrap.servers}, formats, {@code kafka.*} and
     *               any other overrides: held equal for all variants)
     * @param models the models (may be null when no variant runs them)
     */
    public PipelineBench(DetoxConfig base, Models models, PipelineCorpus corpus, Options options,
                         Progress progress, PrintStream log) {
        this.base = base;
        this.models = models;
        this.corpus = corpus;
        this.o = options;
        this.progress = progress;
        this.log = log;
        this.codecs = Codecs.from(base);
        this.clientProperties = new HashMap<>(base.kafkaProperties());
        ThreadCpu.enableWaitAccounting();
        this.corpusInfo = corpus.describe();
        clientProperties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, base.bootstrapServers());
    }

    public PipelineResult run(Map<String, Object> settings) throws Exception {
        if (models != null) {
            corpusInfo.put("as_the_models_see_it", corpus.asSeenBy(models.languageDetector(), models.classifier(), 5_000));
        }
        try (Admin admin = Admin.create(clientProperties)) {
            try {
                return measure(admin, new Offsets(admin), settings);
            } finally {
                cleanUp(admin);
            }
        }
    }

    private PipelineResult measure(Admin admin, Offsets offsets, Map<String, Object> settings) throws Exception {
        InputTopics inputs = new InputTopics(admin, runId, o, progress);
        try (InputProducer producer = new InputProducer(clientProperties, corpus, codecs.comments())) {
            Map<Contender, Double> guess = new HashMap<>();
            o.contenders().forEach(c -> guess.put(c, FIRST_GUESS.get(c.variant())));
            inputs.fill(producer, o.contenders(), guess, warmUpNanos() / 1e9);
            Map<Contender, Double> warm = new HashMap<>();
            for (Contender v : o.contenders()) {
                PipelineResult.Run r = throughput(admin, offsets, v, 0, inputs.topic(v), warmUpNanos());
                say("warm-up %-20s %,10.0f records/s%n", v.name(), r.recordsPerSecond());
                warm.put(v, r.recordsPerSecond());
            }
            inputs.fill(producer, o.contenders(), warm, o.steadySeconds());
            List<PipelineResult.Run> runs = new ArrayList<>();
            for (int round = 1; round <= o.rounds(); round++) {
                for (int k = 0; k < o.contenders().size(); k++) {
                    Contender v = o.contenders().get((k + round - 1) % o.contenders().size());
                    PipelineResult.Run r = throughput(admin, offsets, v, round, inputs.topic(v), Long.MAX_VALUE);
                    runs.add(r);
                    say("round %d/%d %-20s %,10.0f records/s  (steady %.1f s over %,d records; "
                                    + "app CPU %.1f µs/record; stream thread on CPU %.0f%%, parked %.0f%%)%s%n", round,
                            o.rounds(), v.name(), r.recordsPerSecond(), r.steadySeconds(), r.steadyRecords(),
                            r.appCpuMicrosPerRecord(), 100 * r.streamThreadBusy(), 100 * r.streamThreadWaiting(),
                            r.check().isEmpty() ? "" : "\n      " + r.check());
                    if (r.steadySeconds() < 0.9 * o.steadySeconds() && inputs.capped(v)) {
                        say("      %s: steady state %.1f s, under the %.0f s asked for: its input is capped at "
                                + "--max-records %,d%n", v.name(), r.steadySeconds(), o.steadySeconds(),
                                o.maxRecords());
                    } else if (r.steadySeconds() < 0.9 * o.steadySeconds()) {
                        inputs.fill(producer, List.of(v), Map.of(v, r.recordsPerSecond() * 1.2), o.steadySeconds());
                    }
                }
            }
            PipelineResult partial = new PipelineResult(settings, corpusInfo, o.contenders(), runs, List.of());
            List<PipelineResult.Latency> latency = new ArrayList<>();
            if (o.latencySeconds() > 0) {
                for (Contender v : o.contenders()) {
                    latency.add(latency(admin, producer, v, partial.medianRate(v) / 2));
                }
            }
            return new PipelineResult(settings, corpusInfo, o.contenders(), runs, latency);
        }
    }

    private final long started = System.nanoTime();

    /** A line of the run's log, with the seconds since the bench started. */
    private void say(String format, Object... args) {
        log.printf(Locale.ROOT, "[%5.0fs] %s", (System.nanoTime() - started) / 1e9, String.format(Locale.ROOT, format, args));
    }

    /** Warm-up runs: half the steady-state time, at least 1 s — enough for the JIT and to size the input topics. */
    private long warmUpNanos() {
        return (long) (Math.max(1, o.steadySeconds() / 2) * 1e9);
    }

    /**
     * One timed run of {@code v} over {@code input}, from a fresh application id: until 90 % is committed, or until
     * the steady state has lasted {@code maxSteadyNanos} (warm-up).
     */
    private PipelineResult.Run throughput(Admin admin, Offsets offsets, Contender v, int round, String input,
                                          long maxSteadyNanos) throws Exception {
        String phase = round == 0 ? "warm-up " + v.name() : "round " + round + "/" + o.rounds() + " " + v.name();
        DetoxConfig config = variantConfig(admin, v, round == 0 ? "w" : "r" + round, input);
        Map<TopicPartition, Long> end = offsets.end(input);
        long total = Offsets.total(end);
        try (VariantApp app = VariantApp.start(v.variant(), config, models, START_TIMEOUT)) {
            String appId = app.applicationId();
            ThreadCpu at10 = null;
            long c10 = 0;
            long c = 0;
            long lastChange = System.nanoTime();
            while (c < TO * total && (at10 == null || System.nanoTime() - at10.wallNanos() < maxSteadyNanos)) {
                Thread.sleep(50);
                long now = offsets.committed(appId, end);
                if (now != c) {
                    lastChange = System.nanoTime();
                }
                c = now;
                progress.update(phase, c, total);
                if (at10 == null && c >= FROM * total) {
                    at10 = ThreadCpu.snapshot(appId, List.of(appId));
                    c10 = c;
                }
                failIfStuck(app, lastChange, c, total);
            }
            if (v.variant() == Variant.PIPELINE) {
                awaitRewriter(offsets, app, config.topics().toxic());
            }
            ThreadCpu.Spent spent = ThreadCpu.snapshot(appId, List.of(appId)).since(at10);
            progress.update(phase, total, total);
            long steady = c - c10;
            double seconds = spent.wallNanos() / 1e9;
            double rate = steady == 0 ? Double.NaN : steady / seconds;
            String check = v.variant() == Variant.PIPELINE && round > 0 ? verifyPipeline(offsets, app, end, total) : "";
            return new PipelineResult.Run(v, round, total, steady, seconds, rate, spent.appNanos() / 1e3 / steady,
                    spent.processNanos() / 1e3 / steady, spent.streamThreadBusy(), spent.streamThreadWaiting(), check);
        }
    }

    private static void failIfStuck(VariantApp app, long lastChange, long committed, long total) {
        String failure = app.failure();
        if (failure != null) {
            throw new IllegalStateException(failure + " after committing " + committed + " of " + total + " records");
        }
        if (System.nanoTime() - lastChange > STALL_TIMEOUT.toNanos()) {
            throw new IllegalStateException(app.variant().id() + ": no progress for " + STALL_TIMEOUT + " at "
                    + committed + " of " + total + " records");
        }
    }

    /** Waits until the rewriter has committed every toxic comment the moderator had committed so far. */
    private static void awaitRewriter(Offsets offsets, VariantApp app, String toxicTopic) throws Exception {
        Map<TopicPartition, Long> stable = offsets.lastStable(toxicTopic);
        long t0 = System.nanoTime();
        while (!offsets.caughtUp(app.rewriterGroupOrNull(), stable)) {
            Thread.sleep(20);
            failIfStuck(app, t0, 0, 0);
        }
    }

    /**
     * The full pipeline must account for every comment exactly: the moderator commits all input, and its metrics
     * stores count each comment once, as PASS or as the rewriter's REWRITE/HOLD, with none pending.
     */
    private static String verifyPipeline(Offsets offsets, VariantApp app, Map<TopicPartition, Long> end, long total)
            throws Exception {
        long t0 = System.nanoTime();
        LanguageStats s = new LanguageStats();
        while (offsets.committed(app.applicationId(), end) < total || (s = counted(app)).total() != total
                || s.pending() != 0) {
            Thread.sleep(100);
            if (System.nanoTime() - t0 > STALL_TIMEOUT.toNanos()) {
                throw new IllegalStateException("pipeline: the metrics stores count " + s.total() + " comments ("
                        + s.pending() + " pending), expected exactly " + total);
            }
        }
        return String.format(Locale.ROOT, "all %,d comments accounted for exactly once: PASS %.1f %%, REWRITE %.1f %%, "
                        + "HOLD %.1f %% (metrics stores)", total, 100.0 * s.pass() / total,
                100.0 * s.rewrite() / total, 100.0 * s.hold() / total);
    }

    private static LanguageStats counted(VariantApp app) {
        LanguageStats sum = new LanguageStats();
        for (var records : new LocalMetrics(app.streams()).allTime(null).values()) {
            for (var m : records) {
                sum = sum.merge(MetricsRecords.fromAvro(m));
            }
        }
        return sum;
    }

    /** {@code v} fed at {@code rate} records/s: warm-up (a quarter of the time), then the measured part. */
    private PipelineResult.Latency latency(Admin admin, InputProducer producer, Contender v, double rate)
            throws Exception {
        String input = runId + ".lat." + v.slug();
        TopicCreator.ensure(admin, List.of(input), o.partitions(), o.replicationFactor(), Duration.ofSeconds(30));
        DetoxConfig config = variantConfig(admin, v, "lat", input);
        long warmMillis = (long) (o.latencySeconds() * 250);
        long measureNanos = (long) (o.latencySeconds() * 1e9);
        try (VariantApp app = VariantApp.start(v.variant(), config, models, START_TIMEOUT)) {
            long startMillis = System.currentTimeMillis() + 200;
            try (LatencyReader reader = new LatencyReader(clientProperties, v.variant(), app.outputTopics(),
                    config.topics().toxic(), codecs.results(), startMillis + warmMillis)) {
                CompletableFuture<Long> sent = CompletableFuture.supplyAsync(() -> producer.paced(input, rate, startMillis,
                        warmMillis * 1_000_000L + measureNanos));
                long warmCount = (long) Math.ceil(warmMillis / 1e3 * rate);
                String phase = "latency " + v.name();
                long total = warmMillis + measureNanos / 1_000_000;
                while (!sent.isDone()) {
                    reader.readUntil(Long.MAX_VALUE, System.nanoTime() + 200_000_000L);
                    progress.update(phase, Math.min(total - 1, System.currentTimeMillis() - startMillis), total);
                    failIfStuck(app, System.nanoTime(), 0, 0);
                }
                long measured = sent.get() - warmCount;
                long received = reader.readUntil(measured, System.nanoTime() + Duration.ofSeconds(30).toNanos());
                progress.update(phase, total, total);
                PipelineResult.Latency l = new PipelineResult.Latency(v, rate, measured / (measureNanos / 1e9),
                        measured, received, reader.percentiles());
                PipelineResult.Percentiles pass = l.byClass().get(LatencyReader.PASS);
                say("latency %-20s at %,8.0f records/s: PASS p50 %d ms, p95 %d ms, p99 %d ms "
                                + "(%,d of %,d comments read)%n", v.name(), rate, pass == null ? -1 : pass.p50(),
                        pass == null ? -1 : pass.p95(), pass == null ? -1 : pass.p99(), received, measured);
                return l;
            }
        }
    }

    /**
     * The contender's own application id, groups and output topics, and its tuning if it has one; every other
     * setting is shared.
     */
    private DetoxConfig variantConfig(Admin admin, Contender c, String run, String input) {
        Variant v = c.variant();
        String appId = runId + "-" + c.slug() + "-" + run;
        Map<String, String> own = new HashMap<>(c.overrides());
        own.put(DetoxConfig.APPLICATION_ID, appId);
        own.put(DetoxConfig.REWRITER_GROUP_ID, appId + "-rewriter");
        own.put(DetoxConfig.TOPIC_COMMENTS, input);
        own.put(DetoxConfig.METRICS_ENABLED, String.valueOf(v == Variant.MODERATOR_METRICS || v == Variant.PIPELINE));
        own.put(DetoxConfig.TOPICS_PARTITIONS, String.valueOf(o.partitions()));
        own.put(DetoxConfig.TOPICS_REPLICATION_FACTOR, String.valueOf(o.replicationFactor()));
        own.put(DetoxConfig.HTTP_PORT, "-1");
        own.put(DetoxConfig.REWRITER_HTTP_PORT, "-1");
        own.put("kafka.state.dir", o.workDir().resolve("state").toString());
        for (String key : List.of(DetoxConfig.TOPIC_DETOXIFIED, DetoxConfig.TOPIC_TOXIC, DetoxConfig.TOPIC_REVIEW,
                DetoxConfig.TOPIC_DLQ, DetoxConfig.TOPIC_METRICS, DetoxConfig.TOPIC_OUTCOMES)) {
            own.put(key, appId + "." + key.substring("topic.".length()));
        }
        DetoxConfig config = base.with(own);
        TopicCreator.ensure(admin, config.topics().all(), o.partitions(), o.replicationFactor(), Duration.ofSeconds(30));
        return config;
    }

    /** Deletes every topic and consumer group this run created (all are named after the run id). */
    private void cleanUp(Admin admin) {
        try {
            List<String> topics = admin.listTopics().names().get().stream().filter(t -> t.startsWith(runId)).toList();
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get();
            }
            List<String> groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
                    .filter(g -> g.startsWith(runId)).toList();
            if (!groups.isEmpty()) {
                admin.deleteConsumerGroups(groups).all().get();
            }
        } catch (ExecutionException e) {
            say("%s%n", "note: could not remove every topic/group of " + runId + ": " + e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
