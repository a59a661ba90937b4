package io.detoxstreams.deploy;

import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.http.Endpoints;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * deploy/Dockerfile and deploy/healthcheck.sh against the code: pinned base images, the gpu target built with -Pgpu on
 * a CUDA 12 + cuDNN runtime, a non-root user, DJL kept offline, the health check on /health at the configured ports,
 * and a build context (.dockerignore) that holds what the COPY lines need. Docker cannot run here: no image was built.
 */
class DockerfileTest {

    private static final String JAR = "/opt/detox-streams/detox-streams.jar";
    private static final String HEALTHCHECK = "/opt/detox-streams/healthcheck.sh";

    private final String dockerfile = DeployFiles.read(DeployFiles.DOCKERFILE);
    private final Map<String, String> stages = stages(dockerfile);

    @Test
    void shouldPinEveryBaseImageToAnExactVersion() {
        Matcher args = Pattern.compile("(?m)^ARG (\\w+_IMAGE)=(\\S+)$").matcher(dockerfile);
        int images = 0;
        while (args.find()) {
            images++;
            assertThat(args.group(2)).as(args.group(1)).matches("[a-z0-9./-]+:\\d+\\.\\d+\\.\\d+[^\\s]*")
                    .doesNotContain(":latest");
        }
        assertThat(images).isEqualTo(3);
        Matcher from = Pattern.compile("(?m)^FROM (\\S+)").matcher(dockerfile);
        while (from.find()) {
            assertThat(from.group(1)).as("FROM %s: a pinned ARG or an earlier stage", from.group(1))
                    .matches("\\$\\{\\w+_IMAGE}|" + String.join("|", stages.keySet()));
        }
        assertThat(dockerfile).contains("ARG CUDA_IMAGE=nvidia/cuda:12.").containsPattern("CUDA_IMAGE=\\S+-cudnn-runtime-");
    }

    @Test
    void shouldBuildTheGpuTargetWithTheGpuProfileAndMakeCpuTheDefault() {
        assertThat(stages).containsKeys("cpu", "gpu", "build-cpu", "build-gpu");
        assertThat(new ArrayList<>(stages.keySet()).get(stages.size() - 1)).as("default target").isEqualTo("cpu");
        assertThat(stages.get("build-gpu")).contains("mvn -B -Pgpu -DskipTests package");
        assertThat(stages.get("build-cpu")).contains("mvn -B -DskipTests package").doesNotContain("-Pgpu");
        assertThat(DeployFiles.read(DeployFiles.POM)).contains("<id>gpu</id>");
        assertThat(stages.get("gpu")).contains("FROM ${CUDA_IMAGE} AS gpu", "COPY --from=build-gpu ");
        assertThat(stages.get("cpu")).contains("FROM jre AS cpu", "COPY --from=build-cpu ");
        assertThat(stages.get("jre")).contains("FROM ${JRE_IMAGE} AS jre");
    }

    @Test
    void shouldRunAsNonRootOfflineWithAHealthCheckOnTheHealthEndpoint() {
        for (String target : List.of("cpu", "gpu")) {
            String s = stages.get(target);
            assertThat(s).as(target).containsPattern("(?m)^USER 10001:10001$")
                    .contains("useradd --system --uid 10001")
                    .contains("OPT_OUT_TRACKING=true")
                    .contains("ENTRYPOINT [\"java\", \"-Dai.djl.offline=true\", \"-jar\", \"" + JAR + "\"]")
                    .contains("/src/target/detox-streams.jar " + JAR)
                    .contains("COPY deploy/detox.properties " + DeployFiles.IMAGE_PROPERTIES)
                    .contains("COPY --chmod=0755 deploy/healthcheck.sh " + HEALTHCHECK)
                    .contains("CMD [\"" + HEALTHCHECK + "\"]")
                    .contains("mkdir -p /var/lib/detox-streams /models")
                    .contains("EXPOSE " + DetoxConfig.CONFIG.defaultValues().get(DetoxConfig.HTTP_PORT) + " "
                            + DetoxConfig.CONFIG.defaultValues().get(DetoxConfig.REWRITER_HTTP_PORT));
            assertThat(s).as("%s: no JAVA_TOOL_OPTIONS to override the offline flag by accident", target)
                    .doesNotContain("JAVA_TOOL_OPTIONS");
        }
    }

    @Test
    void shouldCheckHealthOnTheDefaultPortsOfEachProcess() {
        String script = DeployFiles.read(DeployFiles.HEALTHCHECK);
        Map<String, Object> defaults = DetoxConfig.CONFIG.defaultValues();
        assertThat(script).contains("${DETOX_HTTP_PORT:-" + defaults.get(DetoxConfig.HTTP_PORT) + "}")
                .contains("${DETOX_REWRITER_HTTP_PORT:-" + defaults.get(DetoxConfig.REWRITER_HTTP_PORT) + "}")
                .contains("GET " + Endpoints.HEALTH + " HTTP/1.0");
        assertThat(Endpoints.OPEN_PATHS).as("/health needs no token, so the check needs none").contains(Endpoints.HEALTH);
        assertThat(DeployFiles.HEALTHCHECK.toFile().canExecute()).as("healthcheck.sh is executable").isTrue();
    }

    @Test
    void shouldSendTheBuildEverythingItCopies() {
        List<String> allowed = new ArrayList<>();
        for (String line : DeployFiles.read(DeployFiles.DOCKERIGNORE).split("\n")) {
            if (line.startsWith("!")) {
                allowed.add(line.substring(1).replaceAll("/$", ""));
            }
        }
        assertThat(DeployFiles.read(DeployFiles.DOCKERIGNORE)).containsPattern("(?m)^\\*$");
        Matcher copy = Pattern.compile("(?m)^COPY (?!--from)(?:--\\S+ )*(\\S+) \\S+$").matcher(dockerfile);
        int copies = 0;
        while (copy.find()) {
            copies++;
            String source = copy.group(1).replaceAll("/$", "");
            assertThat(allowed).as("%s is in the build context (.dockerignore)", source).contains(source);
        }
        assertThat(copies).isGreaterThanOrEqualTo(5);
    }

    /** Stage name → its text, in order. */
    private static Map<String, String> stages(String dockerfile) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(?m)^FROM \\S+ AS (\\S+)$").matcher(dockerfile);
        List<int[]> starts = new ArrayList<>();
        List<String> names = new ArrayList<>();
        while (m.find()) {
            starts.add(new int[] {m.start()});
            names.add(m.group(1));
        }
        for (int i = 0; i < names.size(); i++) {
            int end = i + 1 < names.size() ? starts.get(i + 1)[0] : dockerfile.length();
            out.put(names.get(i), dockerfile.substring(starts.get(i)[0], end));
        }
        return out;
    }
}
