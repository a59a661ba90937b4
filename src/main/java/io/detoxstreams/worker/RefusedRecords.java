package io.detoxstreams.worker;

import io.detoxstreams.ingest.RejectReason;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;

import java.util.HashMap;
import java.util.Map;

/**
 * Input records whose output the broker refused in an aborted transaction, counted by topic-partition-offset. One that
 * has been refused {@code limit} times in a row is dead-lettered on the next try instead of looping forever; counts
 * go when a transaction commits.
 */
final class RefusedRecords {

    private final int limit;
    private final Map<String, Integer> counts = new HashMap<>();
    private final Map<String, Exception> causes = new HashMap<>();

    RefusedRecords(int limit) {
        this.limit = limit;
    }

    void refused(ConsumerRecord<?, ?> input, Exception cause) {
        String id = id(input);
        counts.merge(id, 1, Integer::sum);
        causes.put(id, cause);
    }

    /** The cause to dead-letter {@code input} with, or null while it may still be tried. */
    Exception deadLetterCause(ConsumerRecord<?, ?> input) {
        String id = id(input);
        return counts.getOrDefault(id, 0) >= limit ? causes.get(id) : null;
    }

    static RejectReason reason(Exception cause) {
        return cause instanceof RecordTooLargeException || cause instanceof RecordBatchTooLargeException
                ? RejectReason.TOO_LARGE : RejectReason.UNWRITABLE;
    }

    void committed() {
        counts.clear();
        causes.clear();
    }

    static String id(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }
}
