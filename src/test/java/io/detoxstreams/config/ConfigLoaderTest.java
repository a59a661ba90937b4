package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    @Test
    void shouldUseDefaultsWhenNothingIsGiven() {
        DetoxConfig c = ConfigLoader.load(null, Map.of(), Map.of());
        assertThat(c.bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.topics()).isEqualTo(TopicNames.defaults());
        assertThat(c.getInt(DetoxConfig.TEXT_MAX_CHARS)).isEqualTo(5000);
        assertThat(c.kafkaProperties()).isEmpty();
    }

    @Test
    void shouldLayerFileThenEnvironmentThenOverrides() throws Exception {
        Path file = dir.resolve("detox.properties");
        Files.writeString(file, """
                bootstrap.servers=file:9092
                topic.comments=file-comments
                text.max.chars=100
                kafka.max.poll.records=7
                """);
        Map<String, String> env = Map.of(
                "DETOX_TOPIC_COMMENTS", "env-comments",
                "DETOX_KAFKA_LINGER_MS", "20",
                "HOME", "/root");
        DetoxConfig c = ConfigLoader.load(file, env, Map.of("text.max.chars", "300"));
        assertThat(c.bootstrapServers()).isEqualTo("file:9092");
        assertThat(c.topics().comments()).isEqualTo("env-comments");
        assertThat(c.getInt(DetoxConfig.TEXT_MAX_CHARS)).isEqualTo(300);
        assertThat(c.kafkaProperties()).containsEntry("max.poll.records", "7").containsEntry("linger.ms", "20")
                .doesNotContainKey("home");
    }

    @Test
    void shouldMapEnvironmentNamesToKeysAndBack() {
        assertThat(ConfigLoader.envToKey("DETOX_BOOTSTRAP_SERVERS")).isEqualTo("bootstrap.servers");
        assertThat(ConfigLoader.envToKey("DETOX_KAFKA_MAX_POLL_RECORDS")).isEqualTo("kafka.max.poll.records");
        for (String key : DetoxConfig.CONFIG.names()) {
            assertThat(ConfigLoader.envToKey(ConfigLoader.keyToEnv(key))).isEqualTo(key);
        }
    }

    @Test
    void shouldRejectInvalidValuesWithTheKeyInTheMessage() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("DETOX_INPUT_FORMAT", "xml"), Map.of()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("input.format");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of(), Map.of("topics.partitions", "0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("topics.partitions");
    }

    @Test
    void shouldKeepDefaultTopicNamesInTheTopicsConstants() {
        assertThat(TopicNames.defaults().all()).containsExactlyElementsOf(Topics.ALL);
        assertThat(Topics.ALL).contains("moderation.metrics");
    }
}
