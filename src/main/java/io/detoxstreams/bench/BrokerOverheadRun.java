package io.detoxstreams.bench;

import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.metrics.LanguageStats;
import io.detoxstreams.metrics.LocalMetrics;
import io.detoxstreams.metrics.MetricsRecords;
import io.detoxstreams.models.ModelBundle;
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
import java.util.stream.Collectors;

/**
 * The moderator on the in-process broker with exactly-once, a rewriter worker beside it, with and without the metrics
 * sub-topology, over the same pre-produced input topic. A run's clock starts when the moderator is RUNNING and stops
 * when it has committed its offset past the last input record. The metrics tasks share the moderator's stream thread,
 * so their work slows that down; what they have not done by then is the lag of the stores, reported separately (it is
 * bounded by {@code metrics.flush.interval.ms} plus a commit, whatever the throughput). Each run writes to its own
 * output topics, so the metrics variant reads back only its own results.
 */
public final class BrokerOverheadRun {

    private BrokerOverheadRun() {
    }

    public static List<MetricsOverhead.Run> run(ModelBundle models, int comments, int rounds, int partitions, Path dir)
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
                once(admin, models, base, "warmup-with", "bench.warmup", true, -1, dir);
                once(admin, models, base, "warmup-without", "bench.warmup", false, -1, dir);
                List<MetricsOverhead.Run> runs = new ArrayList<>();
                for (int round = 1; round <= rounds; round++) {
                    for (boolean metrics : MetricsOverhead.order(round)) {
                        String name = (metrics ? "with-" : "without-") + round;
                        double[] t = once(admin, models, base, name, "bench.comments", metrics, valid, dir);
                        runs.add(new MetricsOverhead.Run(metrics, round, comments, t[0], t[1], t[2]));
                    }
                }
                return runs;
            }
        }
    }

    /** @return wall seconds and process CPU seconds until the moderator committed past the last input record */
    private static double[] once(Admin admin, ModelBundle models, DetoxConfig base, String name, String inputTopic,
                               boolean metrics, long expectedTotal, Path dir) throws Exception {
        String p = "bench-" + name + ".";
        DetoxConfig config = base.with(Map.of(DetoxConfig.APPLICATION_ID, "bench-" + name,
                DetoxConfig.REWRITER_GROUP_ID, "bench-rewriter-" + name, DetoxConfig.METRICS_ENABLED, String.valueOf(metrics),
                DetoxConfig.TOPIC_COMMENTS, inputTopic, DetoxConfig.TOPIC_DETOXIFIED, p + "detoxified",
                DetoxConfig.TOPIC_TOXIC, p + "toxic", DetoxConfig.TOPIC_REVIEW, p + "review", DetoxConfig.TOPIC_DLQ,
                p + "dlq", DetoxConfig.TOPIC_METRICS, p + "metrics", "kafka.state.dir", dir.resolve("state").toString()));
        TopicCreator.ensure(admin, config.topics().all(), config.getInt(DetoxConfig.TOPICS_PARTITIONS), (short) 1,
                Duration.ofSeconds(30));
        Map<TopicPartition, Long> end = endOffsets(admin, inputTopic);
        try (ModeratorNode moderator = ModeratorNode.create(config, models, Telemetry.create(), false);
             RewriterNode rewriter = RewriterNode.create(config, models, Telemetry.create(), true)) {
            rewriter.start("bench-rewriter");
            moderator.start(Duration.ofSeconds(90));
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            Map<Long, Long> threads0 = moderatorThreadCpu("bench-" + name + "-");
            while (!committed(admin, "bench-" + name, end)) {
                Thread.sleep(20);
                if (System.nanoTime() - t0 > Duration.ofMinutes(10).toNanos()) {
                    throw new IllegalStateException("run " + name + " did not finish in 10 minutes");
                }
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
            double moderatorCpuSeconds = cpuSince(moderatorThreadCpu("bench-" + name + "-"), threads0) / 1e9;
            if (metrics && expectedTotal >= 0) {
                long t1 = System.nanoTime();
                long counted;
                while ((counted = counted(moderator)) < expectedTotal) {
                    Thread.sleep(20);
                    if (System.nanoTime() - t1 > Duration.ofMinutes(2).toNanos()) {
                        throw new IllegalStateException("metrics of run " + name + " counted " + counted + " of "
                                + expectedTotal + " comments");
                    }
                }
                if (counted != expectedTotal) {
                    throw new IllegalStateException("metrics of run " + name + " counted " + counted + ", expected "
                            + expectedTotal);
                }
                System.out.printf(java.util.Locale.ROOT, "  %s: stores complete %.2f s after the moderator (%d comments)%n",
                        name, (System.nanoTime() - t1) / 1e9, counted);
            }
            return new double[] {seconds, cpuSeconds, moderatorCpuSeconds};
        }
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
