package io.detoxstreams.it;

import io.detoxstreams.avro.ModerationResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;

/** What a test read back from the output topics. */
record Outputs(List<Result> results, List<ConsumerRecord<byte[], byte[]>> dlq) {

    record Result(String topic, byte[] key, ModerationResult value) {
    }
}
