package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyWindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one partition of the metrics stores into {@link LanguageMetrics} records. Works on any read-only store: the
 * ones interactive queries return ({@link LocalMetrics}) and the ones of {@code TopologyTestDriver}, so tests check
 * the very code that answers HTTP queries.
 */
public final class MetricsStoreReader {

    private MetricsStoreReader() {
    }

    /** All-time metrics of every language in the store, or of {@code lang} only when it is not null. */
    public static List<LanguageMetrics> allTime(ReadOnlyKeyValueStore<String, LanguageStats> store, String lang) {
        List<LanguageMetrics> out = new ArrayList<>();
        if (lang != null) {
            LanguageStats s = store.get(lang);
            if (s != null) {
                out.add(MetricsRecords.toAvro(lang, s));
            }
            return out;
        }
        try (KeyValueIterator<String, LanguageStats> it = store.all()) {
            while (it.hasNext()) {
                KeyValue<String, LanguageStats> kv = it.next();
                out.add(MetricsRecords.toAvro(kv.key, kv.value));
            }
        }
        return out;
    }

    /**
     * The 1-minute windows of {@code lang} whose start lies in [{@code from}, {@code to}] (both inclusive, as
     * {@link ReadOnlyWindowStore#fetch(Object, Instant, Instant)}), oldest first.
     */
    public static List<LanguageMetrics> windows(ReadOnlyWindowStore<String, LanguageStats> store, String lang,
                                                Instant from, Instant to) {
        List<LanguageMetrics> out = new ArrayList<>();
        try (WindowStoreIterator<LanguageStats> it = store.fetch(lang, from, to)) {
            while (it.hasNext()) {
                KeyValue<Long, LanguageStats> kv = it.next();
                Instant start = Instant.ofEpochMilli(kv.key);
                out.add(MetricsRecords.toAvro(lang, kv.value, start, start.plus(MetricsTopology.WINDOW_SIZE)));
            }
        }
        return out;
    }
}
