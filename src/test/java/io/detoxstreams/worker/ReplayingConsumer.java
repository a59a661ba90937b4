package io.detoxstreams.worker;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kafka's {@link MockConsumer} forgets records once polled; a real consumer reads them again after a seek back. This
 * one keeps its log, so the worker's rewind (seek to the batch's first offset) can be tested.
 */
final class ReplayingConsumer extends MockConsumer<byte[], byte[]> {

    private final Map<TopicPartition, List<ConsumerRecord<byte[], byte[]>>> log = new HashMap<>();

    ReplayingConsumer() {
        super("earliest");
    }

    @Override
    public synchronized void addRecord(ConsumerRecord<byte[], byte[]> record) {
        log.computeIfAbsent(new TopicPartition(record.topic(), record.partition()), tp -> new ArrayList<>()).add(record);
        super.addRecord(record);
    }

    @Override
    public synchronized void seek(TopicPartition partition, long offset) {
        super.seek(partition, offset);
        for (ConsumerRecord<byte[], byte[]> r : log.getOrDefault(partition, List.of())) {
            if (r.offset() >= offset) {
                super.addRecord(r);
            }
        }
    }
}
