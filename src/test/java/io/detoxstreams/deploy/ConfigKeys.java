package io.detoxstreams.deploy;

import io.detoxstreams.config.ConfigLoader;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.ModelKeys;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a deployment file may set, checked against the code: a {@code DETOX_*} variable or a properties key must name a
 * key of {@link DetoxConfig#CONFIG}, a key pattern of {@link ModelKeys} (language among {@code languages}, a known
 * {@code chat.<name>.*} field), or {@code kafka.} + a real Kafka client or Streams setting. The application itself
 * ignores an unknown key outside the model prefixes, so a misspelt {@code DETOX_HTTP_PROT} would pass silently there;
 * here it fails. {@link #effective} then builds the {@link DetoxConfig} a process would run with.
 */
final class ConfigKeys {

    private static final Set<String> KAFKA_KEYS = kafkaKeys();
    private static final List<String> STREAMS_CLIENT_PREFIXES = List.of(StreamsConfig.MAIN_CONSUMER_PREFIX,
            StreamsConfig.RESTORE_CONSUMER_PREFIX, StreamsConfig.GLOBAL_CONSUMER_PREFIX, StreamsConfig.CONSUMER_PREFIX,
            StreamsConfig.PRODUCER_PREFIX, StreamsConfig.ADMIN_CLIENT_PREFIX, StreamsConfig.TOPIC_PREFIX);

    private ConfigKeys() {
    }

    /** The configuration key a {@code DETOX_*} variable sets. */
    static String keyOf(String envName) {
        return ConfigLoader.fromEnvironment(Map.of(envName, "")).keySet().iterator().next();
    }

    /** Why {@code key} is not a key Detox Streams reads, if it is not. */
    static Optional<String> problem(String key) {
        if (DetoxConfig.CONFIG.names().contains(key)) {
            return Optional.empty();
        }
        if (key.startsWith(DetoxConfig.KAFKA_PREFIX)) {
            String client = stripStreamsPrefix(key.substring(DetoxConfig.KAFKA_PREFIX.length()));
            return KAFKA_KEYS.contains(client) ? Optional.empty()
                    : Optional.of("'" + key + "' passes '" + client + "' to the Kafka clients, which know no such setting");
        }
        if (ModelKeys.PREFIXES.stream().anyMatch(key::startsWith)) {
            try {
                new DetoxConfig(Map.of(key, "x"));   // ModelKeys' own check: unknown pattern or language
                return Optional.empty();
            } catch (org.apache.kafka.common.config.ConfigException e) {
                return e.getMessage().contains("unknown configuration key")
                        || e.getMessage().contains("is not in " + DetoxConfig.LANGUAGES)
                        ? Optional.of(e.getMessage()) : Optional.empty();   // the key is known; "x" is a bad value
            }
        }
        return Optional.of("'" + key + "' is not a configuration key (README, Configuration)");
    }

    /** Every problem among {@code keys}, each prefixed by {@code where}. */
    static List<String> problems(String where, Iterable<String> keys) {
        List<String> out = new ArrayList<>();
        for (String key : keys) {
            problem(key).ifPresent(p -> out.add(where + ": " + p));
        }
        return out;
    }

    /**
     * The configuration a process runs with: the properties file, then its {@code DETOX_*} environment, as
     * {@link ConfigLoader#load} layers them (values validated by {@link DetoxConfig}).
     */
    static DetoxConfig effective(Map<String, String> properties, Map<String, String> env) {
        Map<String, String> values = new LinkedHashMap<>(properties);
        values.putAll(ConfigLoader.fromEnvironment(env));
        return new DetoxConfig(values);
    }

    private static String stripStreamsPrefix(String key) {
        for (String p : STREAMS_CLIENT_PREFIXES) {
            if (key.startsWith(p)) {
                return key.substring(p.length());
            }
        }
        return key;
    }

    private static Set<String> kafkaKeys() {
        Set<String> keys = new HashSet<>(StreamsConfig.configDef().names());
        keys.addAll(ConsumerConfig.configNames());
        keys.addAll(ProducerConfig.configNames());
        keys.addAll(AdminClientConfig.configNames());
        return keys;
    }
}
