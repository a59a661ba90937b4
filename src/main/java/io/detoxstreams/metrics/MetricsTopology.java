package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.StoreNames;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.KTable;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

import java.time.Duration;

/**
 * The metrics sub-topology (DESIGN §6), attached to the moderator's topology by {@code ModeratorTopology.build}:
 * <pre>
 * verdicts ─► metrics-verdict-events ─► metrics-combine-verdicts ─► [metrics-verdicts-by-lang] ─┐
 * comments.outcomes ─► metrics-outcome-events ─┐                                                 ├─► metrics-events ─┬─► language-metrics    (all time)
 * comments.dlq ─► metrics-dlq-events ──────────┴─► metrics-combine-outcomes ─► [metrics-outcomes-by-lang] ┘     └─► language-metrics-1m (1-minute windows)
 *                                                                                        both stores ─► moderation.metrics
 * </pre>
 * The moderator's verdicts are counted where they are made; the rewriter's results arrive as outcome events it writes
 * in the same transaction as each result ({@link OutcomeEvents}); dead letters are read back from the DLQ, whoever
 * wrote them. Each becomes a one-event {@link LanguageStats} keyed by language ({@link MetricsEvents}); each task
 * sums its events per language and minute and hands the sums on every flush interval ({@link CombineProcessor});
 * both streams are repartitioned by language into the same number of partitions, so each language lives in exactly
 * one aggregation task; the aggregates are sums ({@link LanguageStats#merge}), exact under exactly-once. The
 * outcomes and DLQ sit in their own sub-topology, so moderating a comment never waits on them.
 *
 * <p>Windows use record timestamps: a verdict counts in the minute its comment was ingested, a rewriter outcome in
 * the minute it was decided ({@code processed_at}), a dead letter in the minute of its DLQ record. A minute's sum
 * arriving later than the grace period is dropped from the windows (Kafka Streams' {@code dropped-records} metric)
 * but still counted in the all-time store.
 */
public final class MetricsTopology {

    /** Repartition topics ({@code <application.id>-<name>-repartition}). */
    public static final String VERDICTS_BY_LANG = "metrics-verdicts-by-lang";
    public static final String OUTCOMES_BY_LANG = "metrics-outcomes-by-lang";
    public static final Duration WINDOW_SIZE = Duration.ofMinutes(1);

    /**
     * @param partitions partitions of both repartition topics, hence the number of aggregation tasks
     * @param grace      how late an event may be and still update its window
     * @param retention  how long windows are kept (at least {@link #WINDOW_SIZE} + grace)
     * @param flushInterval how often each task hands its partial sums on ({@link CombineProcessor})
     */
    public record Options(int partitions, Duration grace, Duration retention, Duration flushInterval) {

        public Options {
            if (retention.compareTo(WINDOW_SIZE.plus(grace)) < 0) {
                throw new IllegalArgumentException("metrics window retention " + retention
                        + " must be at least the window size plus the grace period (" + WINDOW_SIZE.plus(grace) + ")");
            }
        }

        public static Options from(DetoxConfig config) {
            return new Options(config.getInt(DetoxConfig.TOPICS_PARTITIONS),
                    Duration.ofMillis(config.getLong(DetoxConfig.METRICS_WINDOW_GRACE_MS)),
                    Duration.ofMillis(config.getLong(DetoxConfig.METRICS_WINDOW_RETENTION_MS)),
                    Duration.ofMillis(config.getLong(DetoxConfig.METRICS_FLUSH_INTERVAL_MS)));
        }
    }

    private MetricsTopology() {
    }

    public static void build(StreamsBuilder builder, KStream<byte[], ModerationResult> verdicts, TopicNames topics,
                             Codecs codecs, Options options) {
        Serde<byte[]> bytes = Serdes.ByteArray();
        Serde<String> langs = Serdes.String();
        Serde<LanguageStats> stats = new LanguageStatsSerde();

        // 1. The moderator's verdicts, counted where they are made, summed per task before the repartition.
        builder.addStateStore(buffer(StoreNames.METRICS_VERDICTS_BUFFER, langs, stats));
        builder.addStateStore(buffer(StoreNames.METRICS_OUTCOMES_BUFFER, langs, stats));
        KStream<String, LanguageStats> verdictEvents = verdicts
                .map((key, v) -> KeyValue.pair(v.getLanguage().getLang(), MetricsEvents.verdict(v)),
                        Named.as("metrics-verdict-events"))
                .process(() -> new CombineProcessor(StoreNames.METRICS_VERDICTS_BUFFER, options.flushInterval()),
                        Named.as("metrics-combine-verdicts"), StoreNames.METRICS_VERDICTS_BUFFER)
                .repartition(byLanguage(VERDICTS_BY_LANG, langs, stats, options));

        // 2. The rewriter's outcome events and all dead letters, from their topics.
        KStream<String, LanguageStats> outcomes = builder
                .stream(topics.outcomes(), Consumed.with(bytes, bytes).withName("metrics-outcomes-source"))
                .process(() -> new OutcomeEventProcessor(topics.outcomes()), Named.as("metrics-outcome-events"));
        KStream<String, LanguageStats> deadLetters = builder
                .stream(topics.dlq(), Consumed.with(bytes, bytes).withName("metrics-dlq-source"))
                .process(() -> new DlqEventProcessor(codecs.comments(), topics.comments()),
                        Named.as("metrics-dlq-events"));
        KStream<String, LanguageStats> outcomeEvents = outcomes
                .merge(deadLetters, Named.as("metrics-merge-dlq"))
                .process(() -> new CombineProcessor(StoreNames.METRICS_OUTCOMES_BUFFER, options.flushInterval()),
                        Named.as("metrics-combine-outcomes"), StoreNames.METRICS_OUTCOMES_BUFFER)
                .repartition(byLanguage(OUTCOMES_BY_LANG, langs, stats, options));

        // 3. Per-language sums, all time and per minute.
        KGroupedStream<String, LanguageStats> byLanguage = verdictEvents
                .merge(outcomeEvents, Named.as("metrics-events"))
                .groupByKey(Grouped.with("metrics-by-lang", langs, stats));
        KTable<String, LanguageStats> allTime = byLanguage.aggregate(LanguageStats::new,
                (lang, event, sum) -> sum.merge(event), Named.as("metrics-aggregate"),
                Materialized.<String, LanguageStats, KeyValueStore<Bytes, byte[]>>as(StoreNames.LANGUAGE_METRICS)
                        .withKeySerde(langs).withValueSerde(stats));
        KTable<Windowed<String>, LanguageStats> perMinute = byLanguage
                .windowedBy(TimeWindows.ofSizeAndGrace(WINDOW_SIZE, options.grace()))
                .aggregate(LanguageStats::new, (lang, event, sum) -> sum.merge(event), Named.as("metrics-aggregate-1m"),
                        Materialized.<String, LanguageStats, WindowStore<Bytes, byte[]>>as(StoreNames.LANGUAGE_METRICS_1M)
                                .withKeySerde(langs).withValueSerde(stats).withRetention(options.retention()));

        // 4. Published as LanguageMetrics, keyed by language (window_start null = all time).
        Serde<LanguageMetrics> records = codecs.metrics().serde();
        allTime.toStream(Named.as("metrics-changes"))
                .mapValues((lang, s) -> MetricsRecords.toAvro(lang, s), Named.as("metrics-to-record"))
                .to(topics.metrics(), Produced.with(langs, records).withName("metrics-sink"));
        perMinute.toStream(Named.as("metrics-1m-changes"))
                .map((w, s) -> KeyValue.pair(w.key(), MetricsRecords.toAvro(w.key(), s, w.window().startTime(),
                        w.window().endTime())), Named.as("metrics-1m-to-record"))
                .to(topics.metrics(), Produced.with(langs, records).withName("metrics-1m-sink"));
    }

    /** In memory and changelogged (restored after a failure); cached, so the changelog sees one write per key per commit. */
    private static StoreBuilder<KeyValueStore<String, LanguageStats>> buffer(String name, Serde<String> langs,
                                                                            Serde<LanguageStats> stats) {
        return Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(name), langs, stats).withCachingEnabled();
    }

    private static Repartitioned<String, LanguageStats> byLanguage(String name, Serde<String> langs,
                                                                  Serde<LanguageStats> stats, Options options) {
        return Repartitioned.<String, LanguageStats>as(name).withKeySerde(langs).withValueSerde(stats)
                .withNumberOfPartitions(options.partitions());
    }
}
