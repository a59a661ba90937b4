package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.config.ChatSettings;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.deploy.DeployFiles.HostPort;
import io.detoxstreams.deploy.DeployFiles.Manifest;
import io.detoxstreams.http.Endpoints;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/k8s against the code and against itself: keys, ports, probes, Services, the StatefulSets' identities, KEDA's
 * consumer groups and topics, secrets, network policies and resource requests (from the memory measured in README,
 * "Operations"). No cluster runs here: the manifests are read, not applied.
 */
class KubernetesManifestsTest {

    private final List<Manifest> all = DeployFiles.kubernetes();
    private final PodSpec moderator = workload("detox-moderator");
    private final PodSpec rewriter = workload("detox-rewriter");

    @Test
    void shouldListEveryManifestInTheKustomizationButTheExampleSecret() {
        JsonNode k = DeployFiles.yaml(DeployFiles.K8S.resolve("kustomization.yaml"));
        Set<String> listed = new TreeSet<>();
        k.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        DeployFiles.k8sFiles().forEach(f -> files.add(f.getFileName().toString()));
        files.remove("kustomization.yaml");
        files.remove(ExampleSecrets.FILE);
        assertThat(listed).isEqualTo(files);
    }

    @Test
    void shouldSetOnlyRealConfigurationKeysAndLoadEachWorkloadsConfiguration() {
        List<String> problems = new ArrayList<>();
        for (PodSpec p : List.of(moderator, rewriter)) {
            for (JsonNode e : p.envEntries()) {
                String name = e.path("name").asText();
                if (name.startsWith("DETOX_")) {
                    ConfigKeys.problem(ConfigKeys.keyOf(name)).ifPresent(x -> problems.add(p + " " + name + ": " + x));
                }
            }
            problems.addAll(ConfigKeys.problems(p + " (ConfigMap)", p.properties().keySet()));
        }
        assertThat(problems).as("keys the application does not know").isEmpty();
        assertThat(moderator.config()).isNotNull();
        assertThat(rewriter.config()).isNotNull();
        assertThat(moderator.subcommand()).isEqualTo("moderator");
        assertThat(rewriter.subcommand()).isEqualTo("rewriter");
    }

    @Test
    void shouldRunTheImagesComposeBuilds() {
        Map<String, String> composeImages = new java.util.HashMap<>();
        ComposeService.all(DeployFiles.compose()).forEach(s -> composeImages.put(s.name(), s.image()));
        String version = DeployFiles.imageVersion();
        assertThat(moderator.container().path("image").asText()).isEqualTo("detox-streams:" + version)
                .isEqualTo(composeImages.get("moderator-1"));
        boolean gpu = rewriter.container().path("resources").path("limits").path("nvidia.com/gpu").asInt() > 0;
        assertThat(gpu).as("the rewriter runs on a GPU").isTrue();
        assertThat(rewriter.container().path("image").asText()).isEqualTo("detox-streams:" + version + "-gpu")
                .isEqualTo(composeImages.get("rewriter-gpu"));
    }

    @Test
    void shouldAdvertiseTheModeratorsStableDnsNameThroughTheHeadlessService() {
        DetoxConfig c = moderator.config();
        String serviceName = moderator.workload().doc().path("spec").path("serviceName").asText();
        Manifest headless = find("Service", serviceName);
        assertThat(headless.doc().path("spec").path("clusterIP").asText()).isEqualTo("None");
        assertThat(headless.doc().path("spec").path("publishNotReadyAddresses").asBoolean())
                .as("rebalancing peers (503 on /health) must stay resolvable").isTrue();
        assertThat(selects(headless, moderator)).isTrue();
        String raw = rawEnv(moderator, "DETOX_HTTP_ADVERTISED_HOST");
        assertThat(raw).startsWith("$(POD_NAME)." + serviceName + ".$(POD_NAMESPACE).svc");
        assertThat(moderator.env().get("POD_NAME")).isEqualTo(moderator.workload().name() + "-0");
        assertThat(c.getString(DetoxConfig.HTTP_ADVERTISED_HOST))
                .isEqualTo(moderator.workload().name() + "-0." + serviceName + ".detox.svc");
        assertThat(servicePorts(headless)).contains(c.getInt(DetoxConfig.HTTP_PORT));
    }

    @Test
    void shouldExposeServeAndProbeTheConfiguredPortsAndRealEndpoints() {
        for (PodSpec p : List.of(moderator, rewriter)) {
            DetoxConfig c = p.config();
            int port = c.getInt(p.subcommand().equals("rewriter") ? DetoxConfig.REWRITER_HTTP_PORT : DetoxConfig.HTTP_PORT);
            assertThat(c.getString(DetoxConfig.HTTP_BIND_ADDRESS)).as(p.toString()).isEqualTo("0.0.0.0");
            assertThat(p.namedPorts()).as("container ports of %s", p).containsEntry("http", port);
            Set<String> probePaths = c.httpAuthToken() == null ? Set.of(Endpoints.HEALTH, Endpoints.METRICS)
                    : Endpoints.OPEN_PATHS;
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                JsonNode pr = p.container().path(probe);
                assertThat(pr.isMissingNode()).as("%s of %s", probe, p).isFalse();
                JsonNode target = pr.has("httpGet") ? pr.path("httpGet") : pr.path("tcpSocket");
                assertThat(p.port(target.path("port"))).as("port of %s's %s", p, probe).isEqualTo(port);
                if (pr.has("httpGet")) {
                    assertThat(pr.path("httpGet").path("path").asText()).as("%s's %s", p, probe).isIn(probePaths);
                }
            }
            assertThat(p.container().path("readinessProbe").path("httpGet").path("path").asText())
                    .isEqualTo(Endpoints.HEALTH);
            assertThat(p.annotations()).containsEntry("prometheus.io/port", String.valueOf(port))
                    .containsEntry("prometheus.io/path", Endpoints.METRICS);
            long shutdownBound = (c.getLong(DetoxConfig.SHUTDOWN_TIMEOUT_MS) + 1_000 + 999) / 1_000;
            assertThat(p.podSpec().path("terminationGracePeriodSeconds").asLong())
                    .as("%s: SIGTERM stops within shutdown.timeout.ms + 1 s", p).isGreaterThanOrEqualTo(shutdownBound);
        }
        for (Manifest s : kind("Service")) {
            PodSpec target = List.of(moderator, rewriter).stream().filter(p -> selects(s, p)).findFirst()
                    .orElseThrow(() -> new AssertionError(s + " selects no workload"));
            for (JsonNode port : s.doc().path("spec").path("ports")) {
                assertThat(target.port(port.path("targetPort"))).as("%s targets a port of %s", s, target)
                        .isEqualTo(port.path("port").asInt());
            }
        }
    }

    @Test
    void shouldKeepModeratorStateOnPersistentVolumesWithStandbysAndADisruptionBudget() {
        DetoxConfig c = moderator.config();
        assertThat(moderator.workload().kind()).isEqualTo("StatefulSet");
        String stateDir = String.valueOf(c.kafkaProperties().get("state.dir"));
        String mount = moderator.mounts().keySet().stream().filter(m -> (stateDir + "/").startsWith(m + "/"))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at state.dir " + stateDir));
        assertThat(moderator.volume(moderator.mounts().get(mount)).path("spec").path("accessModes").toString())
                .as("state.dir on a volume claim template").contains("ReadWriteOnce");
        int replicas = moderator.workload().doc().path("spec").path("replicas").asInt();
        int standbys = c.getInt(DetoxConfig.MODERATOR_STANDBY_REPLICAS);
        assertThat(standbys).isPositive().isLessThan(replicas);
        assertThat(replicas * c.getInt(DetoxConfig.MODERATOR_THREADS)).isLessThanOrEqualTo(partitions(c));
        for (PodSpec p : List.of(moderator, rewriter)) {
            Manifest pdb = kind("PodDisruptionBudget").stream().filter(b -> selects(b, p)).findFirst()
                    .orElseThrow(() -> new AssertionError("no PodDisruptionBudget for " + p));
            assertThat(pdb.doc().path("spec").path("maxUnavailable").asInt()).as(pdb.toString()).isEqualTo(1);
        }
    }

    @Test
    void shouldNameEachRewriterTransactionallyAfterItsStablePodNameAndRunItOnAGpuNode() {
        assertThat(rewriter.workload().kind()).as("stable pod names: a StatefulSet").isEqualTo("StatefulSet");
        assertThat(rawEnv(rewriter, "DETOX_REWRITER_TRANSACTIONAL_ID")).isEqualTo("$(POD_NAME)");
        assertThat(rewriter.config().getString(DetoxConfig.REWRITER_TRANSACTIONAL_ID))
                .isEqualTo(rewriter.workload().name() + "-0");
        DetoxConfig c = rewriter.config();
        assertThat(c.getString(DetoxConfig.MODEL_DEVICE)).startsWith("cuda:");
        JsonNode spec = rewriter.podSpec();
        assertThat(spec.path("nodeSelector").toString()).contains("nvidia.com/gpu");
        assertThat(spec.path("tolerations").toString()).contains("nvidia.com/gpu");
        for (String dir : ComposeFileTest.modelDirs(c)) {
            String mount = rewriter.mounts().keySet().stream().filter(m -> dir.startsWith(m + "/")).findFirst()
                    .orElseThrow(() -> new AssertionError("the rewriter reads " + dir + " but mounts nothing there"));
            String claim = rewriter.volume(rewriter.mounts().get(mount)).path("persistentVolumeClaim")
                    .path("claimName").asText();
            find("PersistentVolumeClaim", claim);
        }
    }

    @Test
    void shouldReadEverySecretTheExampleDefinesAndPointTheTrustStoreAtAMountedKey() {
        for (PodSpec p : List.of(moderator, rewriter)) {
            Map<String, String> env = p.env();   // fails on a secretKeyRef the example does not define
            DetoxConfig c = p.config();
            assertThat(c.httpAuthToken()).as("%s: http.auth.token from the Secret", p).isNotNull();
            assertThat(String.valueOf(c.kafkaProperties().get("sasl.jaas.config")))
                    .contains("username=\"" + env.get("KAFKA_USERNAME") + "\"");
            String trustStore = String.valueOf(c.kafkaProperties().get("ssl.truststore.location"));
            String dir = trustStore.substring(0, trustStore.lastIndexOf('/'));
            JsonNode volume = p.volume(p.mounts().get(dir));
            String secret = volume.path("secret").path("secretName").asText();
            assertThat(ExampleSecrets.has(secret, trustStore.substring(dir.length() + 1)))
                    .as("%s reads %s from Secret %s", p, trustStore, secret).isTrue();
            assertThat(c.models().chat().isEmpty()).as("%s: chat endpoints only where they are used", p)
                    .isEqualTo(p == moderator);
            if (p == rewriter) {
                for (ChatSettings chat : c.models().chat().values()) {
                    assertThat(env).as("%s: chat.%s.api.key.env", p, chat.name()).containsKey(chat.apiKeyEnv());
                    assertThat(PollBudget.worstCaseMillis(c, chat)).as("poll batch of %s on chat:%s", p, chat.name())
                            .isLessThan(PollBudget.maxPollIntervalMillis(c));
                }
            }
        }
    }

    @Test
    void shouldScaleEachStageOnTheLagOfItsOwnGroupAndTopicUpToThePartitions() {
        List<Manifest> scaled = kind("ScaledObject");
        assertThat(scaled).hasSize(2);
        for (Manifest so : scaled) {
            JsonNode spec = so.doc().path("spec");
            PodSpec target = workload(spec.path("scaleTargetRef").path("name").asText());
            assertThat(spec.path("scaleTargetRef").path("kind").asText()).isEqualTo(target.workload().kind());
            DetoxConfig c = target.config();
            boolean isModerator = target.equals(moderator);
            int threads = isModerator ? c.getInt(DetoxConfig.MODERATOR_THREADS) : 1;
            int max = spec.path("maxReplicaCount").asInt();
            int min = spec.path("minReplicaCount").asInt();
            assertThat(max * threads).as("%s: instances x threads <= topics.partitions", so).isLessThanOrEqualTo(partitions(c));
            int replicas = target.workload().doc().path("spec").path("replicas").asInt();
            assertThat(replicas).isBetween(min, max);
            if (isModerator) {
                assertThat(min).as("moderators keep their standbys").isGreaterThan(c.getInt(DetoxConfig.MODERATOR_STANDBY_REPLICAS));
            }
            JsonNode triggers = spec.path("triggers");
            assertThat(triggers).isNotEmpty();
            for (JsonNode t : triggers) {
                if (!t.path("type").asText().equals("kafka")) {
                    continue;
                }
                JsonNode md = t.path("metadata");
                assertThat(md.path("consumerGroup").asText()).as("%s's consumer group", so).isEqualTo(isModerator
                        ? c.getString(DetoxConfig.APPLICATION_ID) : c.getString(DetoxConfig.REWRITER_GROUP_ID));
                assertThat(md.path("topic").asText()).as("%s's topic", so)
                        .isEqualTo(isModerator ? c.topics().comments() : c.topics().toxic());
                assertThat(md.path("bootstrapServers").asText()).isEqualTo(c.bootstrapServers());
                assertThat(md.path("allowIdleConsumers").asText()).isEqualTo("false");
                assertThat(md.path("offsetResetPolicy").asText()).as("Kafka Streams and the rewriter start at earliest")
                        .isEqualTo("earliest");
                assertKedaAuthMatchesTheWorkload(so, t, md, target, c);
            }
        }
    }

    @Test
    void shouldAllowOnlyTheTrafficThePipelineNeeds() {
        for (PodSpec p : List.of(moderator, rewriter)) {
            Manifest policy = kind("NetworkPolicy").stream().filter(n -> selects(n, p)).findFirst()
                    .orElseThrow(() -> new AssertionError("no NetworkPolicy selects " + p));
            DetoxConfig c = p.config();
            JsonNode spec = policy.doc().path("spec");
            assertThat(spec.path("policyTypes").toString()).contains("Ingress", "Egress");
            Set<Integer> egressPorts = new HashSet<>();
            spec.path("egress").forEach(e -> e.path("ports").forEach(port -> egressPorts.add(port.path("port").asInt())));
            Set<Integer> needed = new TreeSet<>(Set.of(53));
            HostPort.list(c.bootstrapServers()).forEach(b -> needed.add(b.port()));
            needed.add(HostPort.of(c.getString(DetoxConfig.SCHEMA_REGISTRY_URL)).port());
            if (p == rewriter) {
                c.models().chat().values().forEach(chat -> needed.add(HostPort.of(chat.url().toString()).port()));
            } else {
                needed.add(c.getInt(DetoxConfig.HTTP_PORT));   // the cross-instance metrics queries
            }
            assertThat(egressPorts).as("egress of %s", policy).containsAll(needed);
            int port = c.getInt(p == rewriter ? DetoxConfig.REWRITER_HTTP_PORT : DetoxConfig.HTTP_PORT);
            boolean selfAllowed = false;
            for (JsonNode rule : spec.path("ingress")) {
                for (JsonNode rp : rule.path("ports")) {
                    assertThat(p.port(rp.path("port"))).as("ingress port of %s", policy).isEqualTo(port);
                }
                for (JsonNode from : rule.path("from")) {
                    if (from.has("podSelector") && !from.has("namespaceSelector") && p.templateLabels().entrySet()
                            .containsAll(PodSpec.strings(from.path("podSelector").path("matchLabels")).entrySet())) {
                        selfAllowed = true;
                    }
                }
            }
            assertThat(selfAllowed).as("%s: moderators query each other", policy).isEqualTo(p == moderator);
        }
    }

    @Test
    void shouldRequestAtLeastTheMemoryMeasuredForTheHeapTheManifestsSet() {
        for (PodSpec p : List.of(moderator, rewriter)) {
            Sizing measured = Sizing.fromReadme(p.subcommand());
            String options = p.env().get("JDK_JAVA_OPTIONS");
            assertThat(options).as("%s runs with the JVM options its memory was measured with", p)
                    .isEqualTo(measured.jvmOptions());
            long request = bytes(p.container().path("resources").path("requests").path("memory").asText());
            long limit = bytes(p.container().path("resources").path("limits").path("memory").asText());
            assertThat(request).as("memory request of %s vs measured RSS %d MiB", p, measured.maxRssMiB())
                    .isGreaterThan(measured.maxRssMiB() * 1024L * 1024L);
            assertThat(limit).isGreaterThanOrEqualTo(request);
        }
    }

    @Test
    void shouldScrapeThePodsByTheirLabelsWithTheTokenTheyRequire() {
        JsonNode prometheus = DeployFiles.yaml(DeployFiles.PROMETHEUS_K8S);
        Set<String> kept = new TreeSet<>();
        for (JsonNode job : prometheus.path("scrape_configs")) {
            for (JsonNode r : job.path("relabel_configs")) {
                if (r.path("action").asText().equals("keep")
                        && r.path("source_labels").toString().contains("pod_label_app_kubernetes_io_name")) {
                    kept.add(r.path("regex").asText());
                }
            }
            assertThat(job.path("authorization").path("credentials_file").asText()).as("bearer token of %s",
                    job.path("job_name")).endsWith("/http-auth-token");
        }
        assertThat(kept).containsExactlyInAnyOrder(moderator.templateLabels().get("app.kubernetes.io/name"),
                rewriter.templateLabels().get("app.kubernetes.io/name"));
        assertThat(ExampleSecrets.has("detox-secrets", "http-auth-token")).isTrue();
    }

    private void assertKedaAuthMatchesTheWorkload(Manifest so, JsonNode trigger, JsonNode md, PodSpec target,
                                                  DetoxConfig c) {
        String protocol = String.valueOf(c.kafkaProperties().getOrDefault("security.protocol", "PLAINTEXT"));
        String mechanism = String.valueOf(c.kafkaProperties().getOrDefault("sasl.mechanism", "GSSAPI"));
        assertThat(md.path("tls").asText("disable")).as("%s tls vs security.protocol %s", so, protocol)
                .isEqualTo(protocol.endsWith("SSL") ? "enable" : "disable");
        if (!protocol.startsWith("SASL")) {
            return;
        }
        assertThat(md.path("sasl").asText()).as("%s sasl vs sasl.mechanism %s", so, mechanism)
                .isEqualTo(switch (mechanism) {
                    case "PLAIN" -> "plaintext";
                    case "SCRAM-SHA-256" -> "scram_sha256";
                    case "SCRAM-SHA-512" -> "scram_sha512";
                    default -> throw new AssertionError("no KEDA mode for " + mechanism);
                });
        Manifest auth = find("TriggerAuthentication", trigger.path("authenticationRef").path("name").asText());
        Map<String, String> params = new java.util.HashMap<>();
        for (JsonNode ref : auth.doc().path("spec").path("secretTargetRef")) {
            params.put(ref.path("parameter").asText(), ExampleSecrets.value(ref.path("name").asText(),
                    ref.path("key").asText()));
        }
        Map<String, String> env = target.env();
        assertThat(params.get("username")).as("%s authenticates as %s's principal", auth, target)
                .isEqualTo(env.get("KAFKA_USERNAME"));
        assertThat(params.get("password")).isEqualTo(env.get("KAFKA_PASSWORD"));
        if (protocol.endsWith("SSL")) {
            assertThat(params).as("%s: the CA for TLS", auth).containsKey("ca");
        }
    }

    private PodSpec workload(String name) {
        Manifest m = all.stream().filter(x -> (x.kind().equals("StatefulSet") || x.kind().equals("Deployment"))
                && x.name().equals(name)).findFirst().orElseThrow(() -> new AssertionError("no workload " + name));
        return PodSpec.of(m, all);
    }

    private List<Manifest> kind(String kind) {
        return all.stream().filter(m -> m.kind().equals(kind) && !m.file().equals(ExampleSecrets.FILE)).toList();
    }

    private Manifest find(String kind, String name) {
        return kind(kind).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " " + name + " in deploy/k8s"));
    }

    /** Whether a Service, PodDisruptionBudget or NetworkPolicy selects the workload's pods. */
    private static boolean selects(Manifest selector, PodSpec p) {
        JsonNode s = selector.doc().path("spec");
        JsonNode labels = s.has("podSelector") ? s.path("podSelector").path("matchLabels")
                : s.path("selector").has("matchLabels") ? s.path("selector").path("matchLabels") : s.path("selector");
        Map<String, String> wanted = PodSpec.strings(labels);
        return !wanted.isEmpty() && p.templateLabels().entrySet().containsAll(wanted.entrySet());
    }

    private static List<Integer> servicePorts(Manifest service) {
        List<Integer> ports = new ArrayList<>();
        service.doc().path("spec").path("ports").forEach(p -> ports.add(p.path("port").asInt()));
        return ports;
    }

    private static String rawEnv(PodSpec p, String name) {
        return p.envEntries().stream().filter(e -> e.path("name").asText().equals(name)).findFirst()
                .map(e -> e.path("value").asText()).orElseThrow(() -> new AssertionError(p + " does not set " + name));
    }

    private static int partitions(DetoxConfig c) {
        return c.getInt(DetoxConfig.TOPICS_PARTITIONS);
    }

    static long bytes(String quantity) {
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi|M|G)?").matcher(quantity);
        if (!m.matches()) {
            throw new AssertionError("memory quantity " + quantity);
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2) == null ? "" : m.group(2)) {
            case "Mi" -> n << 20;
            case "Gi" -> n << 30;
            case "M" -> n * 1_000_000;
            case "G" -> n * 1_000_000_000;
            default -> n;
        };
    }

    /** A row of README, "Operations" → "Sizing": the JVM options a process ran with and its measured resident memory. */
    record Sizing(String jvmOptions, int maxRssMiB) {
        static Sizing fromReadme(String process) {
            Matcher m = Pattern.compile("(?m)^\\| " + process + " [^|]*\\| `([^`]+)` \\| (\\d+)[–-](\\d+) MiB \\|[ \\t]*$")
                    .matcher(DeployFiles.read(DeployFiles.README));
            if (!m.find()) {
                throw new AssertionError("README, Operations/Sizing, has no measured row for the " + process);
            }
            return new Sizing(m.group(1), Integer.parseInt(m.group(3)));
        }
    }
}
