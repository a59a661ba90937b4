package io.detoxstreams.failure;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Samples a consumer group's lag on one topic every half second, the way an operator's dashboard does (committed
 * offsets vs. end offsets, through the Admin API): the sum over partitions of end offset minus committed offset. A
 * partition of a transactionally written topic keeps a lag of 1 once drained (the commit marker after its last
 * record), so "drained" is a lag of at most one per partition.
 */
final class ConsumerLag implements AutoCloseable {

    /** One sample: when, and the total lag (-1 when the broker did not answer). */
    record Sample(long nanos, long lag) {
    }

    private final Admin admin;
    private final String group;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;

    ConsumerLag(String bootstrap, String group, String topic, int partitionCount) {
        this.admin = Admin.create(Map.of("bootstrap.servers", bootstrap, "request.timeout.ms", 3_000,
                "default.api.timeout.ms", 5_000));
        this.group = group;
        for (int p = 0; p < partitionCount; p++) {
            partitions.add(new TopicPartition(topic, p));
        }
        thread = new Thread(this::sampleLoop, "consumer-lag");
        thread.setDaemon(true);
        thread.start();
    }

    private void sampleLoop() {
        while (running) {
            long lag = lagNow();
            synchronized (samples) {
                samples.add(new Sample(System.nanoTime(), lag));
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long lagNow() {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            long lag = 0;
            for (TopicPartition tp : partitions) {
                OffsetAndMetadata c = committed.get(tp);
                lag += end.get(tp).offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        } catch (Exception e) {
            return -1;
        }
    }

    /** The largest lag sampled in [from, to]. */
    long max(long fromNanos, long toNanos) {
        long max = -1;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= fromNanos && s.nanos() <= toNanos) {
                    max = Math.max(max, s.lag());
                }
            }
        }
        return max;
    }

    /** The last lag sampled at or before {@code t}. */
    long at(long nanos) {
        long lag = -1;
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() <= nanos) {
                    lag = s.lag();
                }
            }
        }
        return lag;
    }

    /** Milliseconds from {@code from} until the first sample with a lag in [0, {@code atMost}], or -1. */
    long millisUntilAtMost(long fromNanos, long atMost) {
        synchronized (samples) {
            for (Sample s : samples) {
                if (s.nanos() >= fromNanos && s.lag() >= 0 && s.lag() <= atMost) {
                    return (s.nanos() - fromNanos) / 1_000_000;
                }
            }
        }
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.interrupt();
        thread.join(5_000);
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
