package io.detoxstreams.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The deployment files of the repository, parsed: {@code docker-compose.yml} (anchors, aliases and {@code <<} merge keys
 * resolved and {@code ${VAR:-default}} interpolated as Docker Compose does with an empty environment), the Kubernetes
 * manifests of {@code deploy/k8s} (every document), the Prometheus and Grafana files, the Dockerfile and the example
 * properties. Paths are relative to the repository root (the tests' working directory).
 */
final class DeployFiles {

    static final Path COMPOSE = Path.of("docker-compose.yml");
    static final Path DOCKERFILE = Path.of("deploy", "Dockerfile");
    static final Path DOCKERIGNORE = Path.of(".dockerignore");
    static final Path HEALTHCHECK = Path.of("deploy", "healthcheck.sh");
    static final Path PROPERTIES = Path.of("deploy", "detox.properties");
    static final Path K8S = Path.of("deploy", "k8s");
    static final Path PROMETHEUS = Path.of("deploy", "prometheus", "prometheus.yml");
    static final Path PROMETHEUS_K8S = Path.of("deploy", "prometheus", "kubernetes.yml");
    static final Path ALERTS = Path.of("deploy", "prometheus", "alerts.yml");
    static final Path GRAFANA_PROVISIONING = Path.of("deploy", "grafana", "provisioning");
    static final Path DASHBOARD = Path.of("deploy", "grafana", "detox-streams-dashboard.json");
    static final Path README = Path.of("README.md");
    static final Path POM = Path.of("pom.xml");

    /** Where the image puts {@link #PROPERTIES} (deploy/Dockerfile), which {@code --config} names. */
    static final String IMAGE_PROPERTIES = "/etc/detox-streams/detox.properties";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\$|\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private DeployFiles() {
    }

    /** docker-compose.yml, merged and interpolated. */
    static JsonNode compose() {
        return JSON.valueToTree(interpolate(yamlDocuments(read(COMPOSE)).get(0)));
    }

    /** Every document of every {@code deploy/k8s/*.yaml}, with the file it came from. */
    static List<Manifest> kubernetes() {
        List<Manifest> all = new ArrayList<>();
        for (Path file : k8sFiles()) {
            for (Object doc : yamlDocuments(read(file))) {
                if (doc != null) {
                    all.add(new Manifest(file.getFileName().toString(), JSON.valueToTree(doc)));
                }
            }
        }
        return all;
    }

    static List<Path> k8sFiles() {
        try (Stream<Path> files = Files.list(K8S)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A YAML file of the repository as a tree (its first document). */
    static JsonNode yaml(Path file) {
        return JSON.valueToTree(yamlDocuments(read(file)).get(0));
    }

    static JsonNode json(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> properties(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k).trim()));
        return m;
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** A {@code <properties>} value of pom.xml, e.g. {@code kafka.version}. */
    static String pomProperty(String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(read(POM));
        if (!m.find()) {
            throw new AssertionError("pom.xml has no property " + name);
        }
        return m.group(1).trim();
    }

    /** The release the images are tagged with: the project's version without -SNAPSHOT. */
    static String imageVersion() {
        Matcher m = Pattern.compile("<artifactId>detox-streams</artifactId>\\s*<version>([^<]+)</version>").matcher(read(POM));
        if (!m.find()) {
            throw new AssertionError("no project version in pom.xml");
        }
        return m.group(1).replace("-SNAPSHOT", "");
    }

    /** The stages of deploy/Dockerfile ({@code FROM ... AS name}), in order. */
    static List<String> dockerStages() {
        List<String> stages = new ArrayList<>();
        Matcher m = Pattern.compile("(?im)^FROM\\s+\\S+\\s+AS\\s+(\\S+)").matcher(read(DOCKERFILE));
        while (m.find()) {
            stages.add(m.group(1));
        }
        return stages;
    }

    /** host and port of {@code host:port} or of a URL's authority. */
    record HostPort(String host, int port) {
        static HostPort of(String address) {
            String a = address.replaceFirst("^[a-z]+://", "").replaceFirst("/.*$", "");
            int colon = a.lastIndexOf(':');
            if (colon < 0) {
                throw new AssertionError("no port in " + address);
            }
            return new HostPort(a.substring(0, colon), Integer.parseInt(a.substring(colon + 1)));
        }

        static List<HostPort> list(String commaSeparated) {
            List<HostPort> out = new ArrayList<>();
            for (String s : commaSeparated.split(",")) {
                out.add(of(s.trim()));
            }
            return out;
        }
    }

    /** One Kubernetes object and the file that defines it. */
    record Manifest(String file, JsonNode doc) {
        String kind() {
            return doc.path("kind").asText();
        }

        String name() {
            return doc.path("metadata").path("name").asText();
        }

        @Override
        public String toString() {
            return kind() + "/" + name() + " (" + file + ")";
        }
    }

    private static List<Object> yamlDocuments(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Object> docs = new ArrayList<>();
        new Yaml(options).loadAll(text).forEach(docs::add);
        return docs;
    }

    /** Compose's variable substitution with no variables set: {@code ${X:-d}}/{@code ${X-d}} → d, {@code $$} → $. */
    @SuppressWarnings("unchecked")
    private static Object interpolate(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Map<Object, Object>) map).forEach((k, v) -> out.put(String.valueOf(k), interpolate(v)));
            return out;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(DeployFiles::interpolate).toList();
        }
        if (node instanceof String s) {
            Matcher m = INTERPOLATION.matcher(s);
            StringBuilder b = new StringBuilder();
            while (m.find()) {
                String replacement;
                if (m.group().equals("$$")) {
                    replacement = "$";
                } else if (m.group(2) != null && m.group(2).endsWith("-")) {
                    replacement = m.group(3);
                } else {
                    throw new IllegalStateException("compose variable without a default: " + m.group()
                            + " (a fresh checkout must work without an .env file)");
                }
                m.appendReplacement(b, Matcher.quoteReplacement(replacement));
            }
            m.appendTail(b);
            return b.toString();
        }
        return node == null ? null : node.toString();
    }
}
