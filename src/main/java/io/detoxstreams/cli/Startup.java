package io.detoxstreams.cli;

import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Start-up steps shared by the {@code moderator}, {@code rewriter} and {@code demo} commands. */
final class Startup {

    private Startup() {
    }

    /** Creates the configured topics when {@code topics.create} is true. */
    static void ensureTopics(DetoxConfig config) {
        if (!config.getBoolean(DetoxConfig.TOPICS_CREATE)) {
            return;
        }
        Map<String, Object> p = new HashMap<>(config.kafkaProperties());
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            TopicCreator.ensure(admin, config.topics().all(), config.getInt(DetoxConfig.TOPICS_PARTITIONS),
                    config.getShort(DetoxConfig.TOPICS_REPLICATION_FACTOR), Duration.ofSeconds(60));
        }
    }
}
