package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.deploy.DeployFiles.Manifest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one container of a Kubernetes workload (StatefulSet/Deployment) and the configuration it runs with: the
 * ConfigMap's properties file mounted where its {@code --config} points, then its environment, with {@code valueFrom}
 * resolved the way the kubelet would for pod 0 (field refs, the example Secret's values) and {@code $(VAR)} expanded
 * from the variables defined before it.
 */
record PodSpec(Manifest workload, JsonNode container, List<Manifest> all) {

    private static final Pattern DEPENDENT = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");

    static PodSpec of(Manifest workload, List<Manifest> all) {
        JsonNode containers = workload.doc().path("spec").path("template").path("spec").path("containers");
        if (containers.size() != 1) {
            throw new AssertionError(workload + " should have one container, has " + containers.size());
        }
        return new PodSpec(workload, containers.get(0), all);
    }

    JsonNode podSpec() {
        return workload.doc().path("spec").path("template").path("spec");
    }

    Map<String, String> templateLabels() {
        return strings(workload.doc().path("spec").path("template").path("metadata").path("labels"));
    }

    Map<String, String> annotations() {
        return strings(workload.doc().path("spec").path("template").path("metadata").path("annotations"));
    }

    List<String> args() {
        return ComposeService.strings(container.path("args"));
    }

    String subcommand() {
        return args().isEmpty() ? "" : args().get(0);
    }

    /** Environment variables in order, valueFrom resolved, $(VAR) expanded; unknown refs fail. */
    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode e : container.path("env")) {
            String name = e.path("name").asText();
            String value;
            if (e.has("value")) {
                value = expand(e.path("value").asText(), env, name);
            } else {
                value = valueFrom(e.path("valueFrom"), name);
            }
            env.put(name, value);
        }
        return env;
    }

    /** The environment variables as the manifest writes them (no resolution). */
    List<JsonNode> envEntries() {
        List<JsonNode> out = new ArrayList<>();
        container.path("env").forEach(out::add);
        return out;
    }

    /** containerPort by name ("http" → 8080). */
    Map<String, Integer> namedPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        container.path("ports").forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
        return ports;
    }

    /** A probe's or policy's port (a name or a number) as a number. */
    int port(JsonNode port) {
        if (port.isNumber() || port.asText().matches("\\d+")) {
            return port.asInt();
        }
        Integer p = namedPorts().get(port.asText());
        if (p == null) {
            throw new AssertionError(workload + " has no container port named " + port.asText());
        }
        return p;
    }

    /** Mount path → volume name. */
    Map<String, String> mounts() {
        Map<String, String> m = new LinkedHashMap<>();
        container.path("volumeMounts").forEach(v -> m.put(v.path("mountPath").asText(), v.path("name").asText()));
        return m;
    }

    /** The volume definition (pod volumes, or the StatefulSet's claim templates) of a name. */
    JsonNode volume(String name) {
        for (JsonNode v : podSpec().path("volumes")) {
            if (v.path("name").asText().equals(name)) {
                return v;
            }
        }
        for (JsonNode t : workload.doc().path("spec").path("volumeClaimTemplates")) {
            if (t.path("metadata").path("name").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError(workload + " mounts volume " + name + ", which it does not define");
    }

    /** The properties file its {@code --config} loads, from the ConfigMap mounted there. */
    Map<String, String> properties() {
        List<String> args = args();
        int i = args.indexOf("--config");
        if (i < 0) {
            return Map.of();
        }
        String file = args.get(i + 1);
        String dir = file.substring(0, file.lastIndexOf('/'));
        String volume = mounts().get(dir);
        if (volume == null) {
            throw new AssertionError(workload + " loads " + file + " but mounts nothing at " + dir);
        }
        String configMap = volume(volume).path("configMap").path("name").asText();
        JsonNode data = find("ConfigMap", configMap).doc().path("data").path(file.substring(dir.length() + 1));
        if (data.isMissingNode()) {
            throw new AssertionError("ConfigMap " + configMap + " has no " + file.substring(dir.length() + 1));
        }
        return DeployFiles.properties(data.asText());
    }

    DetoxConfig config() {
        return ConfigKeys.effective(properties(), env());
    }

    Manifest find(String kind, String name) {
        return all.stream().filter(m -> m.kind().equals(kind) && m.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(workload + " refers to " + kind + " " + name
                        + ", which no file of deploy/k8s defines"));
    }

    private String valueFrom(JsonNode from, String name) {
        if (from.has("fieldRef")) {
            return switch (from.path("fieldRef").path("fieldPath").asText()) {
                case "metadata.name" -> workload.name() + "-0";
                case "metadata.namespace" -> "detox";
                case "status.podIP" -> "10.0.0.7";
                default -> throw new AssertionError(name + ": unexpected fieldRef " + from);
            };
        }
        if (from.has("secretKeyRef")) {
            JsonNode ref = from.path("secretKeyRef");
            return ExampleSecrets.value(ref.path("name").asText(), ref.path("key").asText());
        }
        if (from.has("configMapKeyRef")) {
            JsonNode ref = from.path("configMapKeyRef");
            return find("ConfigMap", ref.path("name").asText()).doc().path("data").path(ref.path("key").asText())
                    .asText();
        }
        throw new AssertionError(name + ": unexpected valueFrom " + from);
    }

    private String expand(String value, Map<String, String> defined, String name) {
        Matcher m = DEPENDENT.matcher(value);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = defined.get(m.group(1));
            if (v == null) {
                throw new AssertionError(workload + ": " + name + " uses $(" + m.group(1) + "), which is not defined "
                        + "before it (Kubernetes would leave it unexpanded)");
            }
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        m.appendTail(b);
        return b.toString();
    }

    static Map<String, String> strings(JsonNode map) {
        Map<String, String> out = new LinkedHashMap<>();
        map.fields().forEachRemaining(f -> out.put(f.getKey(), f.getValue().asText()));
        return out;
    }

    @Override
    public String toString() {
        return workload.toString();
    }
}
