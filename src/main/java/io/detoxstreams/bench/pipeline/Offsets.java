package io.detoxstreams.bench.pipeline;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** Offsets the bench reads through the admin client: how far a group has committed, where a topic ends. */
final class Offsets {

    private final Admin admin;

    Offsets(Admin admin) {
        this.admin = admin;
    }

    /** The log end offset of every partition of {@code topic}. */
    Map<TopicPartition, Long> end(String topic) throws ExecutionException, InterruptedException {
        return list(topic, IsolationLevel.READ_UNCOMMITTED);
    }

    /**
     * The last stable offset of every partition (read_committed): below it every transaction is decided. On a topic
     * written only by transactions the offset just below it is a transaction marker.
     */
    Map<TopicPartition, Long> lastStable(String topic) throws ExecutionException, InterruptedException {
        return list(topic, IsolationLevel.READ_COMMITTED);
    }

    private Map<TopicPartition, Long> list(String topic, IsolationLevel isolation)
            throws ExecutionException, InterruptedException {
        int n = admin.describeTopics(java.util.List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        Map<TopicPartition, OffsetSpec> q = new HashMap<>();
        for (int i = 0; i < n; i++) {
            q.put(new TopicPartition(topic, i), OffsetSpec.latest());
        }
        Map<TopicPartition, Long> out = new HashMap<>();
        admin.listOffsets(q, new ListOffsetsOptions(isolation)).all().get().forEach((tp, r) -> out.put(tp, r.offset()));
        return out;
    }

    /** Records of {@code end} that {@code group} has committed past (its committed offset, capped at the end). */
    long committed(String group, Map<TopicPartition, Long> end) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        long sum = 0;
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            OffsetAndMetadata o = c.get(e.getKey());
            sum += o == null ? 0 : Math.min(o.offset(), e.getValue());
        }
        return sum;
    }

    /**
     * Whether {@code group} has consumed everything below {@code lastStable} on each partition: committed at least up
     * to the transaction marker just below it (an empty partition counts as consumed).
     */
    boolean caughtUp(String group, Map<TopicPartition, Long> lastStable) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> c = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
        for (Map.Entry<TopicPartition, Long> e : lastStable.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            OffsetAndMetadata o = c.get(e.getKey());
            if (o == null || o.offset() < e.getValue() - 1) {
                return false;
            }
        }
        return true;
    }

    static long total(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
