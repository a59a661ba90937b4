package io.detoxstreams.config;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Builds a {@link DetoxConfig} from, in increasing precedence: the defaults, an optional properties file, the
 * environment ({@code DETOX_*}), and explicit overrides (command-line options).
 *
 * <p>Environment mapping: drop {@code DETOX_}, lower-case, {@code _} → {@code .}; so
 * {@code DETOX_BOOTSTRAP_SERVERS} → {@code bootstrap.servers} and {@code DETOX_KAFKA_MAX_POLL_RECORDS} →
 * {@code kafka.max.poll.records}.
 *
 * <pre>{@code
 * DetoxConfig cfg = ConfigLoader.load(Optional.of(Path.of("detox.properties")), System.getenv(), Map.of());
 * }</pre>
 */
public final class ConfigLoader {

    public static final String ENV_PREFIX = "DETOX_";

    private ConfigLoader() {
    }

    public static DetoxConfig load(Path file, Map<String, String> env, Map<String, String> overrides) {
        Map<String, Object> values = new HashMap<>();
        if (file != null) {
            values.putAll(readProperties(file));
        }
        values.putAll(fromEnvironment(env));
        values.putAll(overrides);
        return new DetoxConfig(values);
    }

    /** The configuration keys named by {@code DETOX_*} variables, with their values. */
    public static Map<String, String> fromEnvironment(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        env.forEach((name, value) -> {
            if (name.startsWith(ENV_PREFIX) && name.length() > ENV_PREFIX.length()) {
                values.put(envToKey(name), value);
            }
        });
        return values;
    }

    static String envToKey(String envName) {
        return envName.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).replace('_', '.');
    }

    /** The environment variable that sets {@code key}. */
    public static String keyToEnv(String key) {
        return ENV_PREFIX + key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    private static Map<String, String> readProperties(Path file) {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration file " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k).trim()));
        return values;
    }
}
