package io.detoxstreams.it;

import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.broker.BrokerCheck;
import io.detoxstreams.broker.BrokerUnreachableException;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.StageAcls;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.cli.DetoxStreamsCommand;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.clients.admin.Admin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The pipeline on a broker that requires SASL/PLAIN and authorizes every request (StandardAuthorizer, no ACL = no
 * access): moderator, rewriter, {@code produce} and {@code tail} each log in as their own user, holding exactly the
 * ACLs the README lists ({@link StageAcls}). Proves that the {@code kafka.*} security settings reach every client
 * (Streams' consumers, producers and admin; the rewriter's; the start-up admin; the CLI's) and that the documented
 * ACLs suffice; a wrong password fails at start-up with a clear message.
 */
class SecureClusterIT {

    private static final Map<String, String> USERS = Map.of("admin", "admin-pw", "moderator", "mod-pw",
            "rewriter", "rw-pw", "app", "app-pw");
    private static EmbeddedKafka kafka;

    @TempDir
    Path dir;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.startWithSaslPlain(Path.of("target", "kafka-it-secure"), USERS);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    private static Map<String, String> login(String user, String password) {
        return Map.of("kafka.security.protocol", "SASL_PLAINTEXT", "kafka.sasl.mechanism", "PLAIN",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + user + "\" password=\"" + password + "\";");
    }

    private static Map<String, Object> adminProps() {
        Map<String, Object> p = new HashMap<>();
        login("admin", "admin-pw").forEach((k, v) -> p.put(k.substring("kafka.".length()), v));
        p.put("bootstrap.servers", kafka.bootstrapServers());
        return p;
    }

    private static DetoxConfig config(String user, String run, Map<String, String> extra) {
        Map<String, String> c = new HashMap<>(login(user, USERS.get(user)));
        c.put(DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        c.put(DetoxConfig.APPLICATION_ID, "secure-moderator-" + run);
        c.put(DetoxConfig.REWRITER_GROUP_ID, "secure-rewriter-" + run);
        c.put(DetoxConfig.TOPICS_PARTITIONS, "2");
        c.put(DetoxConfig.HTTP_PORT, "0");
        c.put(DetoxConfig.REWRITER_HTTP_PORT, "-1");
        c.put("kafka.state.dir", "target/kafka-streams-it-secure");
        c.putAll(extra);
        return new DetoxConfig(c);
    }

    @Test
    void shouldRunEveryStageWithItsOwnLoginAndOnlyTheDocumentedAcls() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DetoxConfig moderatorConfig = config("moderator", run, Map.of());
        DetoxConfig rewriterConfig = config("rewriter", run, Map.of());
        try (Admin admin = Admin.create(adminProps())) {
            TopicCreator.ensure(admin, moderatorConfig.topics().all(), 2, (short) 1, Duration.ofSeconds(30));
            List<org.apache.kafka.common.acl.AclBinding> acls = new ArrayList<>();
            acls.addAll(StageAcls.moderator(moderatorConfig, "User:moderator"));
            acls.addAll(StageAcls.rewriter(rewriterConfig, "User:rewriter"));
            acls.addAll(StageAcls.publisher(moderatorConfig, "User:app"));
            acls.addAll(StageAcls.reader(moderatorConfig, "User:app", "detox-tail-"));
            admin.createAcls(acls).all().get();
        }
        Thread.sleep(1_000);   // ACLs propagate through the metadata log
        try (ModeratorNode moderator = ModeratorNode.create(moderatorConfig, TestModels.bundle(), Telemetry.create(), false);
             RewriterNode rewriter = RewriterNode.create(rewriterConfig, TestModels.bundle(), Telemetry.create(), true)) {
            moderator.start(Duration.ofSeconds(90));
            rewriter.start("secure-rewriter");

            Path input = dir.resolve("comments.jsonl");
            Files.writeString(input, "{\"id\":\"s1\",\"text\":\"Thanks, that was really helpful.\",\"lang_hint\":\"en\"}\n"
                    + "{\"id\":\"s2\",\"text\":\"You are a stupid idiot and everybody hates you.\",\"lang_hint\":\"en\"}\n",
                    StandardCharsets.UTF_8);
            Cli produce = cli(cliArgs("produce", "app", run, "--input", input.toString()));
            assertThat(produce.code).as(produce.err).isZero();
            assertThat(produce.err).contains("published 2 of 2");

            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            Cli tail;
            do {
                tail = cli(cliArgs("tail", "app", run, "--topic", "comments.detoxified", "--idle-timeout", "3"));
                Cli review = cli(cliArgs("tail", "app", run, "--topic", "comments.review", "--idle-timeout", "2"));
                tail = new Cli(tail.code, tail.out + review.out, tail.err + review.err);
            } while (!(tail.out.contains("\"s1\"") && tail.out.contains("\"s2\"")) && System.nanoTime() < deadline);
            assertThat(tail.code).as(tail.err).isZero();
            assertThat(tail.out).contains("\"id\":\"s1\"", "\"id\":\"s2\"");
        }
    }

    @Test
    void shouldFailAtStartUpWithAClearMessageOnAWrongPassword() {
        Map<String, Object> p = new HashMap<>();
        login("moderator", "not-the-password").forEach((k, v) -> p.put(k.substring("kafka.".length()), v));
        assertThatThrownBy(() -> BrokerCheck.await(p, kafka.bootstrapServers(), Duration.ofSeconds(20)))
                .isInstanceOf(BrokerUnreachableException.class)
                .hasMessageContaining("refused this client").hasMessageContaining(kafka.bootstrapServers());
    }

    private static String[] cliArgs(String command, String user, String run, String... rest) {
        List<String> a = new ArrayList<>(List.of(command, "-b", kafka.bootstrapServers(), "--set", "input.format=avro"));
        login(user, USERS.get(user)).forEach((k, v) -> {
            a.add("--set");
            a.add(k + "=" + v);
        });
        a.addAll(List.of(rest));
        return a.toArray(String[]::new);
    }

    private record Cli(int code, String out, String err) {
    }

    private static synchronized Cli cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = DetoxStreamsCommand.commandLine().execute(args);
            return new Cli(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
