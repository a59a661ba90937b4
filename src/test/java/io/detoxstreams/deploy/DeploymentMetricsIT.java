package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.app.ModeratorNode;
import io.detoxstreams.app.RewriterNode;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.broker.EmbeddedKafka;
import io.detoxstreams.broker.TopicCreator;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.deploy.DeployFiles.Manifest;
import io.detoxstreams.http.LanguagesClient;
import io.detoxstreams.it.IntegrationTestUtils;
import io.detoxstreams.models.Models;
import io.detoxstreams.observe.Telemetry;
import io.detoxstreams.serde.Codecs;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The deployment files against a running moderator and rewriter (in this JVM, on a real in-process broker, after the
 * demo's sample has gone through them): every metric the Grafana dashboard, the alert rules and KEDA query is on their
 * {@code /metrics}, with the label values and grouping labels the queries use; every HTTP probe path of the Kubernetes
 * manifests answers 200; and deploy/healthcheck.sh, run with bash as the image runs it, passes against each process and
 * fails against a closed port.
 */
class DeploymentMetricsIT {

    private static EmbeddedKafka kafka;
    private final Models models = TestModels.bundle();

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(Path.of("target", "kafka-it-deploy"));
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void shouldExportEverythingTheDeploymentFilesQueryAndPassTheirProbes() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        DetoxConfig config = config(run);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()))) {
            TopicCreator.ensure(admin, config.topics().all(), 3, (short) -1, Duration.ofSeconds(30));
        }
        try (ModeratorNode moderator = ModeratorNode.create(config, models, Telemetry.create(), false)) {
            moderator.start(Duration.ofSeconds(90));
            RewriterNode rewriter = RewriterNode.create(config, models, Telemetry.create(), true);
            try {
                rewriter.start("it-deploy-rewriter");
                String moderatorUrl = moderator.url().orElseThrow();
                String rewriterUrl = "http://127.0.0.1:" + rewriter.httpPort().orElseThrow();
                int comments = produceSample(config, config.topics());
                awaitAllDecided(moderatorUrl, comments);

                DeployedQueries queries = DeployedQueries.load();
                assertThat(queries.allMetrics()).as("metrics the deployment files query").hasSizeGreaterThan(20);
                List<String> missing = awaitExported(queries, moderatorUrl, rewriterUrl);
                assertThat(missing).as("what the dashboard, alert rules and KEDA query but /metrics lacks").isEmpty();

                for (String path : probePaths()) {
                    assertThat(status(moderatorUrl + path)).as("moderator %s", path).isEqualTo(200);
                    assertThat(status(rewriterUrl + path)).as("rewriter %s", path).isEqualTo(200);
                }
                int moderatorPort = URI.create(moderatorUrl).getPort();
                int rewriterPort = rewriter.httpPort().orElseThrow();
                assertThat(healthcheck("moderator", Map.of("DETOX_HTTP_PORT", String.valueOf(moderatorPort))))
                        .as("healthcheck.sh moderator").isZero();
                assertThat(healthcheck("rewriter", Map.of("DETOX_REWRITER_HTTP_PORT", String.valueOf(rewriterPort))))
                        .as("healthcheck.sh rewriter").isZero();
                assertThat(healthcheck("moderator", Map.of("DETOX_HTTP_PORT", String.valueOf(closedPort()))))
                        .as("healthcheck.sh against a closed port").isNotZero();
                assertThat(healthcheck("rewriter", Map.of("DETOX_REWRITER_HTTP_PORT", String.valueOf(moderatorPort),
                        "DETOX_HEALTH_PORT", String.valueOf(rewriterPort)))).as("DETOX_HEALTH_PORT wins").isZero();
            } finally {
                rewriter.close();
            }
        }
    }

    private static List<String> awaitExported(DeployedQueries queries, String moderatorUrl, String rewriterUrl)
            throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();   // Kafka binders refresh every 10 s
        List<String> missing;
        do {
            String scraped = text(moderatorUrl + "/metrics") + "\n" + text(rewriterUrl + "/metrics");
            missing = queries.missingFrom(scraped);
            if (!missing.isEmpty()) {
                Thread.sleep(1_000);
            }
        } while (!missing.isEmpty() && System.nanoTime() < deadline);
        return missing;
    }

    /** The sample comments and malformed records of the demo, so that every kind of outcome has a meter. */
    private static int produceSample(DetoxConfig config, TopicNames topics) throws Exception {
        Codecs codecs = Codecs.from(config);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        List<CommentEvent> sample = SampleComments.comments(Instant.now());
        for (int i = 0; i < sample.size(); i++) {
            records.add(new ProducerRecord<>(topics.comments(), utf8("k-" + i),
                    codecs.comments().encode(topics.comments(), sample.get(i))));
        }
        for (SampleComments.Malformed bad : SampleComments.malformed(codecs.comments(), topics.comments(), Instant.now())) {
            records.add(new ProducerRecord<>(topics.comments(), utf8("bad"), bad.bytes()));
        }
        records.add(new ProducerRecord<>(topics.toxic(), utf8("foreign"), utf8("not a pending result")));
        IntegrationTestUtils.produceSynchronously(config.bootstrapServers(), records);
        return sample.size();
    }

    private static void awaitAllDecided(String url, int comments) throws Exception {
        LanguagesClient client = new LanguagesClient(url, null);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        JsonNode all = null;
        while (System.nanoTime() < deadline) {
            all = client.languages().path("all");
            if (all.path("total").asInt() == comments && all.path("pending").asInt() == 0
                    && all.path("hold").asInt() > 0 && all.path("dlq").asInt() > 0) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the sample did not come through: " + all);
    }

    /** The httpGet paths of every probe in deploy/k8s. */
    private static List<String> probePaths() {
        List<String> paths = new ArrayList<>();
        for (Manifest m : DeployFiles.kubernetes()) {
            for (JsonNode c : m.doc().path("spec").path("template").path("spec").path("containers")) {
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    JsonNode path = c.path(probe).path("httpGet").path("path");
                    if (!path.isMissingNode() && !paths.contains(path.asText())) {
                        paths.add(path.asText());
                    }
                }
            }
        }
        assertThat(paths).isNotEmpty();
        return paths;
    }

    private static int healthcheck(String role, Map<String, String> env) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", DeployFiles.HEALTHCHECK.toString(), role)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        pb.environment().keySet().removeIf(k -> k.startsWith("DETOX_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("healthcheck.sh did not finish");
        }
        return p.exitValue();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int status(String url) throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static String text(String url) throws Exception {
        return client().send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static HttpClient client() {
        return HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static DetoxConfig config(String run) {
        Map<String, Object> m = new HashMap<>();
        m.put(DetoxConfig.BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        m.put(DetoxConfig.APPLICATION_ID, "it-deploy-" + run);
        m.put(DetoxConfig.REWRITER_GROUP_ID, "it-deploy-rewriter-" + run);
        m.put(DetoxConfig.TOPICS_PARTITIONS, "3");
        m.put(DetoxConfig.HTTP_BIND_ADDRESS, "127.0.0.1");
        m.put(DetoxConfig.HTTP_PORT, "0");
        m.put(DetoxConfig.REWRITER_HTTP_PORT, "0");
        m.put("kafka.state.dir", Path.of("target", "it-deploy", run).toString());
        String p = "deploy-" + run + ".";
        m.put(DetoxConfig.TOPIC_COMMENTS, p + "comments");
        m.put(DetoxConfig.TOPIC_DETOXIFIED, p + "detoxified");
        m.put(DetoxConfig.TOPIC_TOXIC, p + "toxic");
        m.put(DetoxConfig.TOPIC_REVIEW, p + "review");
        m.put(DetoxConfig.TOPIC_DLQ, p + "dlq");
        m.put(DetoxConfig.TOPIC_METRICS, p + "metrics");
        m.put(DetoxConfig.TOPIC_OUTCOMES, p + "outcomes");
        return new DetoxConfig(m);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
