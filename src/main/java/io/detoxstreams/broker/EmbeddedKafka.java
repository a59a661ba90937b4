package io.detoxstreams.broker;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * A real single-node Kafka broker (KRaft, combined broker + controller) running inside this JVM, from Kafka's own
 * jars — no Docker, no download. Used by {@code demo} and the integration tests (DESIGN §7).
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.start(Path.of("target/kafka"))) {
 *     String bootstrap = kafka.bootstrapServers();   // 127.0.0.1:<free port>
 *     ...
 * }
 * }</pre>
 *
 * <p>Both listeners bind to 127.0.0.1 only. Single-node settings make transactions (EOS) work: the transaction state
 * log and offsets topic have replication factor 1 and min ISR 1.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;

    private final KafkaRaftServer server;
    private final Path logDir;
    private final String bootstrapServers;
    private final boolean deleteOnClose;

    private EmbeddedKafka(KafkaRaftServer server, Path logDir, String bootstrapServers, boolean deleteOnClose) {
        this.server = server;
        this.logDir = logDir;
        this.bootstrapServers = bootstrapServers;
        this.deleteOnClose = deleteOnClose;
    }

    /** Starts a broker whose data lives in a fresh directory under {@code parentDir}, deleted on close. */
    public static EmbeddedKafka start(Path parentDir) {
        return start(parentDir, Map.of());
    }

    /**
     * Starts a broker with extra broker properties (they override the defaults, e.g. {@code num.partitions}).
     * Blocks until the broker has started (about 3–5 s).
     */
    public static EmbeddedKafka start(Path parentDir, Map<String, String> overrides) {
        return start(parentDir, (props, port) -> overrides.forEach(props::setProperty));
    }

    /**
     * Starts a broker whose client listener requires SASL/PLAIN (SASL_PLAINTEXT) and which authorizes every request
     * with Kafka's {@code StandardAuthorizer}: only {@code User:admin} (the broker itself) is a super user, everyone
     * else needs ACLs. {@code users} maps user name to password and must contain {@code admin}.
     */
    public static EmbeddedKafka startWithSaslPlain(Path parentDir, Map<String, String> users) {
        if (!users.containsKey("admin")) {
            throw new IllegalArgumentException("users must contain admin, the broker's own principal");
        }
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"admin\" password=\"" + users.get("admin") + "\"");
        users.forEach((u, pw) -> jaas.append(" user_").append(u).append("=\"").append(pw).append('"'));
        jaas.append(';');
        return start(parentDir, (p, port) -> {
            String controller = p.getProperty("listeners").split(",")[1];
            p.setProperty("listeners", "SASL_PLAINTEXT://127.0.0.1:" + port + "," + controller);
            p.setProperty("advertised.listeners", "SASL_PLAINTEXT://127.0.0.1:" + port);
            p.setProperty("listener.security.protocol.map", "SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT");
            p.setProperty("inter.broker.listener.name", "SASL_PLAINTEXT");
            p.setProperty("sasl.enabled.mechanisms", "PLAIN");
            p.setProperty("sasl.mechanism.inter.broker.protocol", "PLAIN");
            p.setProperty("listener.name.sasl_plaintext.plain.sasl.jaas.config", jaas.toString());
            p.setProperty("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
            // The controller listener (loopback, PLAINTEXT) carries only the node's own traffic.
            p.setProperty("super.users", "User:admin;User:ANONYMOUS");
            p.setProperty("allow.everyone.if.no.acl.found", "false");
        });
    }

    private static EmbeddedKafka start(Path parentDir, java.util.function.BiConsumer<Properties, Integer> customize) {
        try {
            Files.createDirectories(parentDir);
            Path dir = Files.createTempDirectory(parentDir, "kraft-");
            int brokerPort = freePort();
            int controllerPort = freePort();
            Properties props = brokerProperties(dir.resolve("logs"), brokerPort, controllerPort);
            customize.accept(props, brokerPort);
            format(dir, props);
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            LOG.info("Embedded Kafka broker started on {} (data in {})", bootstrap, dir);
            return new EmbeddedKafka(server, dir, bootstrap, true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the embedded Kafka broker", e);
        }
    }

    /** The broker settings of a single KRaft node on 127.0.0.1 (also used to run a broker in its own JVM). */
    public static Properties brokerProperties(Path logs, int brokerPort, int controllerPort) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", String.valueOf(NODE_ID));
        p.setProperty("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", logs.toString());
        // One node: internal topics cannot have more replicas than brokers, or transactions never start.
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "5");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("transaction.state.log.num.partitions", "5");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        p.setProperty("num.partitions", "1");
        p.setProperty("auto.create.topics.enable", "false");
        p.setProperty("log.flush.interval.messages", String.valueOf(Long.MAX_VALUE));
        p.setProperty("num.network.threads", "2");
        p.setProperty("num.io.threads", "4");
        return p;
    }

    /** Formats the storage directory as {@code kafka-storage.sh format -t <uuid> -c <file>} would; writes the file to {@code dir/server.properties}. */
    public static void format(Path dir, Properties props) throws IOException {
        Path file = dir.resolve("server.properties");
        try (OutputStream out = Files.newOutputStream(file)) {
            props.store(out, "embedded KRaft broker");
        }
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        String[] args = {"format", "-t", Uuid.randomUuid().toString(), "-c", file.toString(), "--ignore-formatted"};
        int rc = StorageTool.execute(args, new PrintStream(log, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("kafka storage format failed (" + rc + "): " + log.toString(StandardCharsets.UTF_8));
        }
    }

    /** A free TCP port on loopback. */
    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    /** {@code host:port} of the PLAINTEXT listener on 127.0.0.1. */
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        try {
            server.shutdown();
            server.awaitShutdown();
        } finally {
            if (deleteOnClose) {
                try {
                    Utils.delete(logDir.toFile());
                } catch (IOException e) {
                    LOG.warn("could not delete {}: {}", logDir, e.toString());
                }
            }
        }
    }
}
