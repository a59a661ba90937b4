package io.detoxstreams.bench;

import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.metrics.LanguageStats;
import io.detoxstreams.metrics.LocalMetrics;
import io.detoxstreams.metrics.MetricsRecords;
import io.detoxstreams.models.Models;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * The moderator on the in-process broker with exactly-once, with and without the metrics sub-topology, each with a
 * rewriter worker beside it: both variants run <em>at the same time</em> over the same pre-produced input, so load from
 * anything else on the machine falls on both alike. A variant's clock starts when its moderator is RUNNING and stops
 * when it has committed its offset past the last input record; its CPU is that of its own threads (stream thread, its
 * producer, state updater: what limits a moderator instance when the broker runs elsewhere). After each round the
 * metrics stores must count every moderated comment exactly, or the run fails.
 */
public final class BrokerOverheadRun {

    private BrokerOverheadRun() {
    }

    public static List<MetricsOverhead.Run> run(Models models, int comments, int rounds, int partitions, Path dir)
            throws Exception {
        try (EmbeddedKafka kafka = EmbeddedKafka.start(dir.resolve("kafka"))) {
            DetoxConfig base = new DetoxConfig(Map.of(DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers(),
                    DetoxConfig.TOPICS_PARTITIONS, String.valueOf(partitions), DetoxConfig.HTTP_PORT, "-1",
                    DetoxConfig.REWRITER_HTTP_PORT, "-1", DetoxConfig.MODERATOR_STANDBY_REPLICAS, "0"));
            Codecs codecs = Codecs.from(base);
            List<byte[]> input = MetricsOverhead.input(comments, codecs.comments(), "bench.comments");
            long valid = comments - comments / 250;
            try (Admin admin = Admin.create(Map.<String, Object>of("bootstrap.servers", kafka.bootstrapServers()))) {
                produce(admin, kafka.bootstrapServers(), "bench.warmup", input.subList(0, Math.min(comments, 30_000)), partitions);
                produce(admin, kafka.bootstrapServers(), "bench.comments", input, partitions);
                pair(admin, models, base, "warmup", "bench.warmup", -1, dir);
                List<MetricsOverhead.Run> runs = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    double[][] t = pair(admin, models, base, String.valueOf(round), "bench.comments", valid, dir);
                    runs.add(new MetricsOverhead.Run(false, round, comments, t[0][0], t[0][1], t[0][2]));
                    runs.add(new MetricsOverhead.Run(true, round, comments, t[1][0], t[1][1], t[1][2]));
                }
                return runs;
            }
        }
    }

    /**
     * Runs both variants at the same time over the same input, each with its own rewriter and output topics, so
     * whatever else loads the machine loads both alike.
     *
     * @return per variant (without, with): wall seconds, process CPU seconds (shared by both: the whole run's), and
     *         CPU seconds of that moderator's own threads, until it committed past the last input record
     */
    private static double[][] pair(Admin admin, Models models, DetoxConfig base, String round, String inputTopic,
                                   long expectedTotal, Path dir) throws Exception {
        DetoxConfig without = config(admin, base, "without-" + round, inputTopic, false, dir);
        DetoxConfig with = config(admin, base, "with-" + round, inputTopic, true, dir);
        Map<TopicPartition, Long> end = endOffsets(admin, inputTopic);
        try (ModeratorNode mWithout = ModeratorNode.create(without, models, Telemetry.create(), false);
             ModeratorNode mWith = ModeratorNode.create(with, models, Telemetry.create(), false);
             RewriterNode rWithout = RewriterNode.create(without, models, Telemetry.create(), true);
             RewriterNode rWith = RewriterNode.create(with, models, Telemetry.create(), true)) {
            rWithout.start("bench-rewriter-without");
            rWith.start("bench-rewriter-with");
            long cpu0 = processCpuNanos();
            CompletableFuture<double[]> a = CompletableFuture.supplyAsync(() -> measure(admin, mWithout, without, end));
            CompletableFuture<double[]> b = CompletableFuture.supplyAsync(() -> measure(admin, mWith, with, end));
            double[] ra = a.join();
            double[] rb = b.join();
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            if (expectedTotal >= 0) {
                awaitCounted(mWith, expectedTotal, with.getString(DetoxConfig.APPLICATION_ID));
            }
            return new double[][] {{ra[0], cpu, ra[1]}, {rb[0], cpu, rb[1]}};
        }
    }

    /** Starts the moderator and times it (wall, own-thread CPU) until it has committed past the end of the input. */
    private static double[] measure(Admin admin, ModeratorNode moderator, DetoxConfig config,
                                    Map<TopicPartition, Long> end) {
        String app = config.getString(DetoxConfig.APPLICATION_ID);
        try {
            moderator.start(Duration.ofSeconds(90));
            long t0 = System.nanoTime();
            Map<Long, Long> threads0 = moderatorThreadCpu(app + "-");
            while (!committed(admin, app, end)) {
                Thread.sleep(20);
                if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException(app + " did not finish in 10 minutes");
                }
            }
            return new double[] {(System.nanoTime() - t0) / 1e9, cpuSince(moderatorThreadCpu(app + "-"), threads0) / 1e9};
        } catch (Exception e) {
            throw new IllegalStateException(app + ": " + e, e);
        }
    }

    /** The metrics must count every moderated comment, exactly: anything else makes the run invalid. */
    private static void awaitCounted(ModeratorNode moderator, long expected, String app) throws InterruptedException {
        long t1 = System.nanoTime();
        long counted;
        while ((counted = counted(moderator)) < expected) {
            Thread.sleep(20);
            if (System.nanoTime() - t1 > Duration.ofMinutes(2).toNanos()) {
                throw new IllegalStateException(app + ": metrics counted " + counted + " of " + expected + " comments");
            }
        }
        if (counted != expected) {
            throw new IllegalStateException(app + ": metrics counted " + counted + ", expected " + expected);
        }
        System.out.printf(java.util.Locale.ROOT, "  %s: stores count all %d comments%n", app, counted);
    }

    /** Output topics of its own for every run: a run must not read another's results, outcomes or dead letters. */
    private static DetoxConfig config(Admin admin, DetoxConfig base, String name, String inputTopic, boolean metrics,
                                      Path dir) {
        String p = "bench-" + name + ".";
        Map<String, String> own = new HashMap<>(Map.of(DetoxConfig.APPLICATION_ID, "bench-" + name,
                DetoxConfig.REWRITER_GROUP_ID, "bench-rewriter-" + name, DetoxConfig.METRICS_ENABLED, String.valueOf(metrics),
                DetoxConfig.TOPIC_COMMENTS, inputTopic, "kafka.state.dir", dir.resolve("state").toString()));
        for (String key : List.of(DetoxConfig.TOPIC_DETOXIFIED, DetoxConfig.TOPIC_TOXIC, DetoxConfig.TOPIC_REVIEW,
                DetoxConfig.TOPIC_DLQ, DetoxConfig.TOPIC_METRICS, DetoxConfig.TOPIC_OUTCOMES)) {
            own.put(key, p + key.substring("topic.".length()));
        }
        DetoxConfig config = base.with(own);
        TopicCreator.ensure(admin, config.topics().all(), config.getInt(DetoxConfig.TOPICS_PARTITIONS), (short) 1,
                Duration.ofSeconds(30));
        return config;
    }


    /**
     * CPU time of the moderator's own threads (stream threads, their producer's network thread, state updater,
     * heartbeat: every thread named after the application id), by thread id. In production the broker runs elsewhere,
     * so this — not the whole process — is what limits a moderator instance.
     */
    private static Map<Long, Long> moderatorThreadCpu(String applicationPrefix) {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<Long, Long> cpu = new HashMap<>();
        for (java.lang.management.ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains(applicationPrefix)) {
                long ns = mx.getThreadCpuTime(t.getThreadId());
                if (ns >= 0) {
                    cpu.put(t.getThreadId(), ns);
                }
            }
        }
        return cpu;
    }

    private static long cpuSince(Map<Long, Long> now, Map<Long, Long> before) {
        long sum = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            sum += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }


    private static long counted(ModeratorNode moderator) {
        long total = 0;
        for (var records : new LocalMetrics(moderator.service().streams()).allTime(null).values()) {
            for (var m : records) {
                LanguageStats s = MetricsRecords.fromAvro(m);
                total += s.total();
            }
        }
        return total;
    }

    private static boolean committed(Admin admin, String group, Map<TopicPartition, Long> end) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata o = c.get(e.getKey());
            if (o == null || o.offset() < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private static Map<TopicPartition, Long> endOffsets(Admin admin, String topic) throws Exception {
        int n = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> q = new HashMap<>();
        for (int i = 0; i < n; i++) {
            q.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        return admin.listOffsets(q).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static void produce(Admin admin, String bootstrap, String topic, List<byte[]> values, int partitions)
            throws Exception {
        TopicCreator.ensure(admin, List.of(topic), partitions, (short) 1, Duration.ofSeconds(30));
        Map<String, Object> p = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG,
                "all", ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, ProducerConfig.LINGER_MS_CONFIG, 5);
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < values.size(); i++) {
                producer.send(new ProducerRecord<>(topic, ("k-" + i).getBytes(java.nio.charset.StandardCharsets.UTF_8), values.get(i)));
            }
            producer.flush();
        }
    }
}
