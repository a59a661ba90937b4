package io.detoxstreams.it;

import io.detoxstreams.testing.TestModels;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/**
 * {@link PipelineScenario} on Apache Kafka in a container, for machines with Docker; skipped cleanly without it.
 * The container's port is mapped to the local host only.
 */
@Testcontainers(disabledWithoutDocker = true)
class PipelineContainerIT {

    @Container
    private static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka-native:4.1.0")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
            .withEnv("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1")
            .withEnv("KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR", "1");

    @Test
    void shouldDeliverEveryValidCommentExactlyOnceAndEveryMalformedOneToTheDlq() throws Exception {
        PipelineScenario.run(KAFKA.getBootstrapServers(), "target/kafka-streams-container-it", TestModels.bundle());
    }
}
