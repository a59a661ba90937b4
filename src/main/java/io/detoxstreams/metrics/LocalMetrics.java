package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.config.StoreNames;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.ThreadMetadata;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * Interactive queries of this instance's share of the metrics stores: one answer per partition whose aggregation
 * task is active here. A partition that is restoring, or moves away while being read, is left out of the answer, and
 * the caller reports it missing ({@link MetricsMerge}) instead of guessing.
 *
 * <pre>{@code
 * Map<Integer, List<LanguageMetrics>> mine = new LocalMetrics(streams).allTime(null);
 * }</pre>
 */
public final class LocalMetrics {

    private static final String VERDICTS_TOPIC_SUFFIX = "-" + MetricsTopology.VERDICTS_BY_LANG + "-repartition";

    private final KafkaStreams streams;

    public LocalMetrics(KafkaStreams streams) {
        this.streams = streams;
    }

    /** Partition → all-time metrics of every language (or of {@code lang}) in it. */
    public Map<Integer, List<LanguageMetrics>> allTime(String lang) {
        return read(p -> MetricsStoreReader.allTime(streams.store(StoreQueryParameters.fromNameAndType(
                StoreNames.LANGUAGE_METRICS, QueryableStoreTypes.<String, LanguageStats>keyValueStore())
                .withPartition(p)), lang));
    }

    /** Partition → the 1-minute windows of {@code lang} starting in [from, to]. */
    public Map<Integer, List<LanguageMetrics>> windows(String lang, Instant from, Instant to) {
        return read(p -> {
            ReadOnlyWindowStore<String, LanguageStats> store = streams.store(StoreQueryParameters.fromNameAndType(
                    StoreNames.LANGUAGE_METRICS_1M, QueryableStoreTypes.<String, LanguageStats>windowStore())
                    .withPartition(p));
            return MetricsStoreReader.windows(store, lang, from, to);
        });
    }

    /** Partitions of the aggregation whose task is active on this instance now. */
    public Set<Integer> activePartitions() {
        Set<Integer> partitions = new TreeSet<>();
        for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
            for (TaskMetadata task : thread.activeTasks()) {
                for (TopicPartition tp : task.topicPartitions()) {
                    if (tp.topic().endsWith(VERDICTS_TOPIC_SUFFIX)) {
                        partitions.add(tp.partition());
                    }
                }
            }
        }
        return partitions;
    }

    private Map<Integer, List<LanguageMetrics>> read(IntFunction<List<LanguageMetrics>> partitionReader) {
        Map<Integer, List<LanguageMetrics>> out = new TreeMap<>();
        Set<Integer> partitions;
        try {
            partitions = activePartitions();
        } catch (IllegalStateException | InvalidStateStoreException e) {
            return out;                       // not started, or shutting down
        }
        for (int p : partitions) {
            try {
                out.put(p, partitionReader.apply(p));
            } catch (InvalidStateStoreException e) {
                // restoring, or migrated since activePartitions(): reported as missing by the caller
            }
        }
        return out;
    }
}
