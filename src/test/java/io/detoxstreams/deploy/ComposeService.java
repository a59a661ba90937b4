package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.detoxstreams.config.DetoxConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One service of docker-compose.yml, and, for the Detox Streams services, the configuration it runs with. */
record ComposeService(String name, JsonNode node) {

    static List<ComposeService> all(JsonNode compose) {
        List<ComposeService> out = new ArrayList<>();
        compose.path("services").fields().forEachRemaining(e -> out.add(new ComposeService(e.getKey(), e.getValue())));
        return out;
    }

    String image() {
        return node.path("image").asText();
    }

    /** The image name without its tag. */
    String repository() {
        String image = image();
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    String tag() {
        String image = image();
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : "";
    }

    boolean isDetox() {
        return repository().equals("detox-streams");
    }

    /** moderator, rewriter, produce, tail, … (the first word of the command), for the Detox Streams services. */
    String subcommand() {
        List<String> c = command();
        return c.isEmpty() ? "" : c.get(0);
    }

    List<String> command() {
        return strings(node.path("command"));
    }

    List<String> entrypoint() {
        return strings(node.path("entrypoint"));
    }

    List<String> profiles() {
        return strings(node.path("profiles"));
    }

    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode e = node.path("environment");
        if (e.isArray()) {
            e.forEach(v -> {
                String s = v.asText();
                int eq = s.indexOf('=');
                env.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            });
        } else {
            e.fields().forEachRemaining(f -> env.put(f.getKey(), f.getValue().asText()));
        }
        return env;
    }

    /** The properties file its command loads: the image's copy of deploy/detox.properties, or none. */
    Map<String, String> properties() {
        List<String> c = command();
        int i = c.indexOf("--config");
        if (i < 0) {
            return Map.of();
        }
        if (!c.get(i + 1).equals(DeployFiles.IMAGE_PROPERTIES)) {
            throw new AssertionError(name + " loads " + c.get(i + 1) + ", which the image does not have");
        }
        return DeployFiles.properties(DeployFiles.read(DeployFiles.PROPERTIES));
    }

    DetoxConfig config() {
        return ConfigKeys.effective(properties(), env());
    }

    /** Container ports it publishes ("127.0.0.1:8090:8080" → 8080). */
    List<Integer> publishedContainerPorts() {
        List<Integer> ports = new ArrayList<>();
        node.path("ports").forEach(p -> {
            String[] parts = p.asText().split(":");
            ports.add(Integer.parseInt(parts[parts.length - 1].replace("/tcp", "")));
        });
        return ports;
    }

    /** Volume mounts as source → target. */
    Map<String, String> volumes() {
        Map<String, String> v = new LinkedHashMap<>();
        node.path("volumes").forEach(m -> {
            String[] parts = m.asText().split(":");
            v.put(parts[0], parts[1]);
        });
        return v;
    }

    List<String> healthcheck() {
        return strings(node.path("healthcheck").path("test"));
    }

    List<String> dependsOn() {
        List<String> names = new ArrayList<>();
        JsonNode d = node.path("depends_on");
        if (d.isArray()) {
            d.forEach(n -> names.add(n.asText()));
        } else {
            d.fieldNames().forEachRemaining(names::add);
        }
        return names;
    }

    String dependencyCondition(String service) {
        return node.path("depends_on").path(service).path("condition").asText("service_started");
    }

    boolean reservesGpu() {
        for (JsonNode d : node.path("deploy").path("resources").path("reservations").path("devices")) {
            if (d.path("driver").asText().equals("nvidia") && strings(d.path("capabilities")).contains("gpu")) {
                return true;
            }
        }
        return false;
    }

    static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(v -> out.add(v.asText()));
        } else if (n.isTextual()) {
            out.add(n.asText());
        }
        return out;
    }

    @Override
    public String toString() {
        return "compose service " + name;
    }
}
