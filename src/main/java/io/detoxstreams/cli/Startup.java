package io.detoxstreams.cli;

import io.detoxstreams.broker.BrokerCheck;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Start-up steps shared by the commands that talk to Kafka. */
final class Startup {

    private Startup() {
    }

    /**
     * Waits (up to {@code startup.timeout.ms}) for a broker to answer at {@code bootstrap.servers}.
     *
     * @throws io.detoxstreams.broker.BrokerUnreachableException with a message naming the address
     */
    static void awaitBroker(DetoxConfig config) {
        BrokerCheck.await(config.kafkaProperties(), config.bootstrapServers(), startupTimeout(config));
    }

    /** Waits for a broker, then creates the configured topics when {@code topics.create} is true. */
    static void ensureTopics(DetoxConfig config) {
        awaitBroker(config);
        if (!config.getBoolean(DetoxConfig.TOPICS_CREATE)) {
            return;
        }
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            TopicCreator.ensure(admin, config.topics().all(), config.getInt(DetoxConfig.TOPICS_PARTITIONS),
                    config.getShort(DetoxConfig.TOPICS_REPLICATION_FACTOR), startupTimeout(config));
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + " (Kafka at " + config.bootstrapServers() + ")", e);
        }
    }

    static Duration startupTimeout(DetoxConfig config) {
        return Duration.ofMillis(config.getLong(DetoxConfig.STARTUP_TIMEOUT_MS));
    }

    static Duration shutdownTimeout(DetoxConfig config) {
        return Duration.ofMillis(config.getLong(DetoxConfig.SHUTDOWN_TIMEOUT_MS));
    }
}
