package io.detoxstreams.moderator;

import io.detoxstreams.config.DetoxConfig;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ModeratorStreamsPropertiesTest {

    @Test
    void shouldCommitEvery100msByDefaultAsStreamsDoesUnderExactlyOnce() {
        var p = ModeratorService.streamsProperties(new DetoxConfig(Map.of()));
        assertThat(p.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(100L);
        assertThat(p.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG)).isEqualTo(StreamsConfig.EXACTLY_ONCE_V2);
    }

    @Test
    void shouldTakeTheCommitIntervalFromItsKeyUnlessAKafkaPropertySetsIt() {
        var own = ModeratorService.streamsProperties(new DetoxConfig(Map.of(DetoxConfig.MODERATOR_COMMIT_INTERVAL_MS, "250")));
        assertThat(own.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo(250L);
        var kafka = ModeratorService.streamsProperties(new DetoxConfig(Map.of(DetoxConfig.MODERATOR_COMMIT_INTERVAL_MS, "250",
                "kafka.commit.interval.ms", "40")));
        assertThat(kafka.get(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG)).isEqualTo("40");
    }
}
