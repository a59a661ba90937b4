package io.detoxstreams.it;

import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.testing.TestModels;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/** {@link PipelineScenario} on a real Kafka broker running in this JVM (KRaft, from Kafka's own jars). */
class PipelineIT {

    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(Path.of("target", "kafka-it"));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldDeliverEveryValidCommentExactlyOnceAndEveryMalformedOneToTheDlq() throws Exception {
        PipelineScenario.run(kafka.bootstrapServers(), "target/kafka-streams-it", TestModels.bundle());
    }
}
