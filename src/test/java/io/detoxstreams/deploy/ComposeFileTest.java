package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.config.ChatSettings;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.deploy.DeployFiles.HostPort;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml against the code and the other deployment files: every {@code DETOX_*} variable is a real key
 * and every service's configuration loads; ports, addresses and names agree between services, Prometheus and
 * Grafana; topics and partitions match the configuration; images are pinned and are the ones the Dockerfile builds.
 * Docker cannot run where this test runs: it reads the files, it does not start the stack.
 */
class ComposeFileTest {

    private final JsonNode compose = DeployFiles.compose();
    private final List<ComposeService> services = ComposeService.all(compose);

    @Test
    void shouldSetOnlyRealConfigurationKeysAndLoadEveryServicesConfiguration() {
        List<String> problems = new ArrayList<>();
        for (ComposeService s : detox()) {
            for (String env : s.env().keySet()) {
                if (env.startsWith("DETOX_")) {
                    ConfigKeys.problem(ConfigKeys.keyOf(env)).ifPresent(p -> problems.add(s.name() + " " + env + ": " + p));
                }
            }
            problems.addAll(ConfigKeys.problems(s.name() + " (" + DeployFiles.PROPERTIES + ")", s.properties().keySet()));
        }
        assertThat(problems).as("keys the application does not know").isEmpty();
        for (ComposeService s : detox()) {
            assertThat(s.config()).as("configuration of %s", s.name()).isNotNull();
            assertThat(s.subcommand()).as(s.name()).isIn("moderator", "rewriter", "produce", "tail");
        }
    }

    @Test
    void shouldPinEveryImageAndBuildTheDetoxImagesFromTheDockerfile() {
        List<String> stages = DeployFiles.dockerStages();
        for (ComposeService s : services) {
            assertThat(s.tag()).as("tag of %s's image %s", s.name(), s.image()).matches("v?\\d+\\.\\d+\\.\\d+.*");
        }
        for (ComposeService s : services) {
            if (s.repository().equals("apache/kafka")) {
                assertThat(s.tag()).as("the broker image is the Kafka the project is built with")
                        .isEqualTo(DeployFiles.pomProperty("kafka.version"));
            }
        }
        for (ComposeService s : detox()) {
            String target = s.node().path("build").path("target").asText();
            assertThat(stages).as("stage %s of deploy/Dockerfile (%s)", target, s.name()).contains(target);
            assertThat(s.node().path("build").path("dockerfile").asText()).isEqualTo("deploy/Dockerfile");
            assertThat(s.tag()).as("image tag of %s", s.name())
                    .isEqualTo(DeployFiles.imageVersion() + (target.equals("gpu") ? "-gpu" : ""));
        }
    }

    @Test
    void shouldServeHttpOnTheConfiguredPortsWithHealthchecksOnTheRightOne() {
        for (ComposeService s : longRunning()) {
            DetoxConfig c = s.config();
            int port = httpPort(s);
            assertThat(c.getString(DetoxConfig.HTTP_BIND_ADDRESS)).as("%s must listen beyond its container", s.name())
                    .isEqualTo("0.0.0.0");
            assertThat(s.publishedContainerPorts()).as("%s publishes only its HTTP port", s.name())
                    .allMatch(p -> p == port);
            List<String> health = s.healthcheck();
            assertThat(health).as("healthcheck of %s", s.name())
                    .containsExactly("CMD", "/opt/detox-streams/healthcheck.sh", s.subcommand());
            assertThat(Duration.parse("PT" + s.node().path("stop_grace_period").asText().toUpperCase()))
                    .as("stop_grace_period of %s: SIGTERM stops within shutdown.timeout.ms + 1 s", s.name())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(c.getLong(DetoxConfig.SHUTDOWN_TIMEOUT_MS) + 1_000));
        }
        for (ComposeService s : services) {
            boolean job = s.name().equals("topic-init") || s.profiles().contains("tools");
            if (!job) {
                assertThat(s.healthcheck()).as("healthcheck of %s", s.name()).isNotEmpty();
            }
        }
    }

    @Test
    void shouldGiveEachModeratorItsOwnStateVolumeAndAReachableName() {
        Set<String> volumes = new HashSet<>();
        Set<String> applicationIds = new TreeSet<>();
        for (ComposeService s : role("moderator")) {
            DetoxConfig c = s.config();
            applicationIds.add(c.getString(DetoxConfig.APPLICATION_ID));
            assertThat(c.getString(DetoxConfig.HTTP_ADVERTISED_HOST)).as("%s advertises its service name", s.name())
                    .isEqualTo(s.name());
            String stateDir = String.valueOf(c.kafkaProperties().get("state.dir"));
            String volume = s.volumes().entrySet().stream().filter(v -> (stateDir + "/").startsWith(v.getValue() + "/"))
                    .map(Map.Entry::getKey).findFirst().orElse(null);
            assertThat(volume).as("a named volume holding %s's state.dir %s", s.name(), stateDir).isNotNull();
            assertThat(compose.path("volumes").has(volume)).as("volume %s declared", volume).isTrue();
            assertThat(volumes.add(volume)).as("%s shares its state volume %s", s.name(), volume).isTrue();
            assertThat(c.getInt(DetoxConfig.MODERATOR_STANDBY_REPLICAS)).isLessThan(role("moderator").size());
        }
        assertThat(role("moderator")).hasSizeGreaterThanOrEqualTo(2);
        int threads = role("moderator").stream().mapToInt(s -> s.config().getInt(DetoxConfig.MODERATOR_THREADS)).sum();
        assertThat(threads).as("stream threads of all moderators vs topics.partitions")
                .isLessThanOrEqualTo(role("moderator").get(0).config().getInt(DetoxConfig.TOPICS_PARTITIONS));
        assertThat(applicationIds).as("moderators share one application.id").hasSize(1);
    }

    @Test
    void shouldRunOneRewriterPerProfileWithStableTransactionalIdsAndGpusWhereTheModelsRunOnCuda() {
        Set<String> groups = new TreeSet<>();
        Set<String> txIds = new HashSet<>();
        Set<String> profiles = new HashSet<>();
        for (ComposeService s : role("rewriter")) {
            DetoxConfig c = s.config();
            groups.add(c.getString(DetoxConfig.REWRITER_GROUP_ID));
            String txId = c.getString(DetoxConfig.REWRITER_TRANSACTIONAL_ID);
            assertThat(txId).as("stable rewriter.transactional.id of %s", s.name()).isNotBlank();
            assertThat(txIds.add(txId)).as("transactional id %s used twice", txId).isTrue();
            assertThat(s.profiles()).as("%s runs only in its profile", s.name()).hasSize(1);
            assertThat(profiles.add(s.profiles().get(0))).as("two rewriters in profile %s", s.profiles()).isTrue();
            boolean cuda = c.getString(DetoxConfig.MODEL_DEVICE).startsWith("cuda");
            assertThat(s.reservesGpu()).as("%s reserves a GPU iff its models run on CUDA", s.name()).isEqualTo(cuda);
            if (cuda) {
                assertThat(s.node().path("build").path("target").asText()).as("%s: CUDA needs the gpu image", s.name())
                        .isEqualTo("gpu");
            }
            for (String dir : modelDirs(c)) {
                assertThat(s.volumes().values()).as("%s reads %s: a volume must be mounted there", s.name(), dir)
                        .anyMatch(target -> dir.startsWith(target + "/"));
            }
        }
        assertThat(profiles).containsExactlyInAnyOrder("cpu", "gpu", "llm");
        assertThat(groups).as("rewriters share one consumer group").hasSize(1);
    }

    @Test
    void shouldWireTheChatBackendToTheLlmServer() {
        int chats = 0;
        for (ComposeService s : role("rewriter")) {
            DetoxConfig c = s.config();
            for (ChatSettings chat : c.models().chat().values()) {
                chats++;
                HostPort url = HostPort.of(chat.url().toString());
                ComposeService server = service(url.host());
                List<String> args = server.command();
                assertThat(server.profiles()).as("%s runs with %s", server.name(), s.name()).isEqualTo(s.profiles());
                assertThat(argument(args, "--port")).as("port of %s", server.name()).isEqualTo(String.valueOf(url.port()));
                assertThat(argument(args, "--served-model-name")).as("model name served by %s", server.name())
                        .isEqualTo(chat.model());
                assertThat(s.env()).as("%s: chat.%s.api.key.env names a variable it has", s.name(), chat.name())
                        .containsKey(chat.apiKeyEnv());
                assertThat(argument(args, "--api-key")).as("the key %s checks", server.name())
                        .isEqualTo(s.env().get(chat.apiKeyEnv()));
                assertThat(s.dependsOn()).contains(server.name());
                assertThat(s.dependencyCondition(server.name())).isEqualTo("service_healthy");
                assertThat(server.reservesGpu()).as("%s reserves a GPU", server.name()).isTrue();
                assertThat(c.getString(DetoxConfig.REWRITER_CHAIN)).startsWith("chat:" + chat.name());
                assertThat(PollBudget.worstCaseMillis(c, chat)).as("a poll batch of %s must finish within "
                        + "max.poll.interval.ms", s.name()).isLessThan(PollBudget.maxPollIntervalMillis(c));
            }
        }
        assertThat(chats).as("a rewriter using the chat backend").isPositive();
    }

    @Test
    void shouldPointAtTheBrokerAndRegistryServicesAndCreateExactlyTheConfiguredTopics() {
        ComposeService init = service("topic-init");
        for (ComposeService s : detox()) {
            DetoxConfig c = s.config();
            for (HostPort b : HostPort.list(c.bootstrapServers())) {
                assertThat(service(b.host()).env().get("KAFKA_ADVERTISED_LISTENERS")).as("%s's broker", s.name())
                        .contains("//" + b.host() + ":" + b.port());
            }
            if (c.getString(DetoxConfig.INPUT_FORMAT).equals("avro-confluent")
                    || c.getString(DetoxConfig.OUTPUT_FORMAT).equals("avro-confluent")) {
                HostPort r = HostPort.of(c.getString(DetoxConfig.SCHEMA_REGISTRY_URL));
                assertThat(service(r.host()).env().get("SCHEMA_REGISTRY_LISTENERS")).endsWith(":" + r.port());
                assertThat(s.dependsOn()).contains(r.host());
            }
            assertThat(s.dependsOn()).contains("kafka", "topic-init");
            assertThat(s.dependencyCondition("topic-init")).isEqualTo("service_completed_successfully");
            assertThat(c.getBoolean(DetoxConfig.TOPICS_CREATE)).as("topic-init creates the topics").isFalse();
            assertThat(init.env().get("PARTITIONS")).as("partitions of the topics vs topics.partitions of %s", s.name())
                    .isEqualTo(String.valueOf(c.getInt(DetoxConfig.TOPICS_PARTITIONS)));
            assertThat(Set.of(init.env().get("TOPICS").trim().split("\\s+"))).as("topics %s needs", s.name())
                    .isEqualTo(new HashSet<>(c.topics().all()));
        }
        assertThat(String.join(" ", init.command())).contains("$TOPICS", "$PARTITIONS", "--if-not-exists");
    }

    @Test
    void shouldScrapeEveryModeratorAndRewriterOnItsPortAndLoadTheAlertRules() {
        JsonNode prometheus = DeployFiles.yaml(DeployFiles.PROMETHEUS);
        Set<String> scraped = new HashSet<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            assertThat(job.path("metrics_path").asText("/metrics")).isEqualTo(io.detoxstreams.http.Endpoints.METRICS);
            for (JsonNode sd : job.path("dns_sd_configs")) {
                for (JsonNode name : sd.path("names")) {
                    ComposeService s = service(name.asText());
                    assertThat(httpPort(s)).as("port Prometheus scrapes on %s", s.name()).isEqualTo(sd.path("port").asInt());
                    scraped.add(s.name());
                }
            }
        }
        Set<String> expected = new HashSet<>();
        longRunning().forEach(s -> expected.add(s.name()));
        assertThat(scraped).as("services Prometheus scrapes").isEqualTo(expected);

        ComposeService p = service("prometheus");
        String configFile = argument(p.command(), "--config.file");
        assertThat(p.volumes()).containsEntry("./" + DeployFiles.PROMETHEUS.toString().replace('\\', '/'), configFile);
        for (JsonNode rules : prometheus.path("rule_files")) {
            String mounted = p.volumes().entrySet().stream().filter(v -> v.getValue().equals(rules.asText()))
                    .map(Map.Entry::getKey).findFirst().orElseThrow(() -> new AssertionError(rules + " not mounted"));
            assertThat(Path.of(mounted)).as("rule file %s", rules).exists();
        }
        assertThat(prometheus.path("rule_files")).isNotEmpty();
    }

    @Test
    void shouldProvisionGrafanaWithThePrometheusServiceAndTheDashboard() {
        ComposeService grafana = service("grafana");
        assertThat(grafana.volumes()).containsEntry("./deploy/grafana/provisioning", "/etc/grafana/provisioning");
        JsonNode ds = DeployFiles.yaml(DeployFiles.GRAFANA_PROVISIONING.resolve("datasources/prometheus.yml"))
                .path("datasources").get(0);
        HostPort url = HostPort.of(ds.path("url").asText());
        assertThat(service(url.host()).repository()).isEqualTo("prom/prometheus");
        assertThat(service(url.host()).publishedContainerPorts()).contains(url.port());
        assertThat(ds.path("type").asText()).isEqualTo("prometheus");

        JsonNode provider = DeployFiles.yaml(DeployFiles.GRAFANA_PROVISIONING.resolve("dashboards/detox.yml"))
                .path("providers").get(0);
        String dashboardTarget = grafana.volumes().get("./" + DeployFiles.DASHBOARD.toString().replace('\\', '/'));
        assertThat(dashboardTarget).as("dashboard mounted").isNotNull();
        assertThat(Path.of(dashboardTarget).getParent().toString().replace('\\', '/'))
                .isEqualTo(provider.path("options").path("path").asText());

        JsonNode dashboard = DeployFiles.json(DeployFiles.DASHBOARD);
        JsonNode variable = dashboard.path("templating").path("list").get(0);
        assertThat(variable.path("type").asText()).isEqualTo("datasource");
        assertThat(variable.path("query").asText()).isEqualTo(ds.path("type").asText());
    }

    @Test
    void shouldDeclareEveryNamedVolumeItUsesAndUseEveryOneItDeclares() {
        Set<String> used = new TreeSet<>();
        for (ComposeService s : services) {
            for (String source : s.volumes().keySet()) {
                if (!source.startsWith(".") && !source.startsWith("/")) {
                    used.add(source);
                } else if (source.startsWith("./deploy")) {
                    assertThat(Files.exists(Path.of(source))).as("%s mounts %s", s.name(), source).isTrue();
                }
            }
        }
        Set<String> declared = new TreeSet<>();
        compose.path("volumes").fieldNames().forEachRemaining(declared::add);
        assertThat(used).isEqualTo(declared);
    }

    private List<ComposeService> detox() {
        return services.stream().filter(ComposeService::isDetox).toList();
    }

    private List<ComposeService> longRunning() {
        return detox().stream().filter(s -> s.subcommand().equals("moderator") || s.subcommand().equals("rewriter"))
                .toList();
    }

    private List<ComposeService> role(String subcommand) {
        return detox().stream().filter(s -> s.subcommand().equals(subcommand)).toList();
    }

    private ComposeService service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("docker-compose.yml has no service " + name));
    }

    private static int httpPort(ComposeService s) {
        return s.config().getInt(s.subcommand().equals("rewriter") ? DetoxConfig.REWRITER_HTTP_PORT : DetoxConfig.HTTP_PORT);
    }

    /** Directories of onnx/onnx-seq2seq models a configuration names. */
    static List<String> modelDirs(DetoxConfig c) {
        List<String> dirs = new ArrayList<>();
        c.originals().forEach((k, v) -> {
            if (k.startsWith("rewriter.chain") || k.startsWith("classifier.")) {
                for (String spec : String.valueOf(v).split(",")) {
                    String s = spec.trim();
                    if (s.startsWith("onnx")) {
                        dirs.add(s.substring(s.indexOf(':') + 1));
                    }
                }
            }
        });
        return dirs;
    }

    /** The value after {@code flag} in an argument list, or of {@code flag=value}. */
    static String argument(List<String> args, String flag) {
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals(flag) && i + 1 < args.size()) {
                return args.get(i + 1);
            }
            if (args.get(i).startsWith(flag + "=")) {
                return args.get(i).substring(flag.length() + 1);
            }
        }
        throw new AssertionError("no " + flag + " in " + args);
    }
}
