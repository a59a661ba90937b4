package io.detoxstreams.cli;

import io.detoxstreams.config.ConfigLoader;
import io.detoxstreams.config.DetoxConfig;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Options shared by every pipeline command: a properties file, {@code DETOX_*} environment overrides, then
 * {@code --set key=value} and {@code --bootstrap-servers} from the command line (highest precedence).
 */
public final class ConfigOptions {

    @Option(names = {"-c", "--config"}, paramLabel = "FILE", description = "Properties file (see README, Configuration).")
    Path file;

    @Option(names = {"-b", "--bootstrap-servers"}, paramLabel = "HOST:PORT", description = "Kafka bootstrap servers.")
    String bootstrapServers;

    @Option(names = {"-s", "--set"}, paramLabel = "KEY=VALUE", description = "Any configuration key, e.g. --set input.format=json.")
    Map<String, String> overrides = new LinkedHashMap<>();

    public DetoxConfig load() {
        Map<String, String> o = new HashMap<>(overrides);
        if (bootstrapServers != null) {
            o.put(DetoxConfig.BOOTSTRAP_SERVERS, bootstrapServers);
        }
        return ConfigLoader.load(file, System.getenv(), o);
    }
}
