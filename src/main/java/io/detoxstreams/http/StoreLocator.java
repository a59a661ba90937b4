package io.detoxstreams.http;

import io.detoxstreams.config.StoreNames;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Finds the instances that hold the metrics stores, from the metadata Kafka Streams shares in the group
 * ({@code application.server} of every member): all of them for a query over every language, or the one whose
 * active task owns a language ({@link KafkaStreams#queryMetadataForKey}). Before the application runs, or while it
 * is in ERROR, there is no metadata and only this instance is known.
 */
final class StoreLocator {

    private static final Serializer<String> KEYS = Serdes.String().serializer();

    private final KafkaStreams streams;
    private final HostInfo self;

    StoreLocator(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    HostInfo self() {
        return self;
    }

    /** This instance first, then every other instance that hosts the metrics stores (active or standby). */
    Set<HostInfo> instances() {
        Set<HostInfo> hosts = new LinkedHashSet<>();
        hosts.add(self);
        try {
            for (StreamsMetadata m : streams.streamsMetadataForStore(StoreNames.LANGUAGE_METRICS)) {
                hosts.add(m.hostInfo());
            }
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // not started or failed: no metadata, this instance only
        }
        return hosts;
    }

    /** Where {@code lang} lives, or {@link KeyQueryMetadata#NOT_AVAILABLE} (e.g. during a rebalance). */
    KeyQueryMetadata owner(String lang) {
        try {
            KeyQueryMetadata m = streams.queryMetadataForKey(StoreNames.LANGUAGE_METRICS, lang, KEYS);
            return m == null ? KeyQueryMetadata.NOT_AVAILABLE : m;
        } catch (InvalidStateStoreException | IllegalStateException e) {
            return KeyQueryMetadata.NOT_AVAILABLE;
        }
    }
}
