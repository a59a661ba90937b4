package io.detoxstreams.failure;

import io.detoxstreams.broker.BrokerCheck;
import io.detoxstreams.broker.EmbeddedKafka;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A real Kafka broker in its own JVM, from Kafka's own jars inside the built jar (DESIGN §7): storage formatted once,
 * then {@code kafka.Kafka server.properties}. It keeps its ports and data across {@link #kill()} and {@link #start()},
 * so a restart is the same broker coming back.
 */
final class BrokerProcess implements AutoCloseable {

    private final JvmProcess jvm;
    private final String bootstrap;

    private BrokerProcess(JvmProcess jvm, String bootstrap) {
        this.jvm = jvm;
        this.bootstrap = bootstrap;
    }

    static BrokerProcess create(String name, Map<String, String> overrides) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of("target", "failure-proofs")), name + "-");
        int port = EmbeddedKafka.freePort();
        Properties p = EmbeddedKafka.brokerProperties(dir.resolve("logs"), port, EmbeddedKafka.freePort());
        overrides.forEach(p::setProperty);
        EmbeddedKafka.format(dir, p);   // writes dir/server.properties
        try (OutputStream out = Files.newOutputStream(dir.resolve("server.properties"))) {
            p.store(out, "broker for the failure proofs");
        }
        JvmProcess jvm = JvmProcess.main(name, "512m", "kafka.Kafka",
                List.of(dir.resolve("server.properties").toAbsolutePath().toString()));
        return new BrokerProcess(jvm, "127.0.0.1:" + port);
    }

    /** Starts (or restarts) the broker and waits until it answers. */
    BrokerProcess start() throws IOException {
        jvm.start();
        BrokerCheck.await(Map.of(), bootstrap, Duration.ofSeconds(60));
        return this;
    }

    void kill() throws InterruptedException {
        jvm.kill();
    }

    String bootstrapServers() {
        return bootstrap;
    }

    JvmProcess jvm() {
        return jvm;
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
