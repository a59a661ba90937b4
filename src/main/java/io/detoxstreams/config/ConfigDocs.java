package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigDef;

import java.util.ArrayList;
import java.util.List;

/**
 * Renders the configuration reference of the README from {@link DetoxConfig#CONFIG}, so docs and code cannot drift
 * ({@code ReadmeConfigTableTest} checks it). Regenerate: {@code java -cp target/detox-streams.jar
 * io.detoxstreams.config.ConfigDocs}.
 */
public final class ConfigDocs {

    private ConfigDocs() {
    }

    /** One Markdown table row per key: key, environment variable, default, description. */
    public static List<String> markdownRows() {
        List<String> rows = new ArrayList<>();
        for (ConfigDef.ConfigKey k : DetoxConfig.CONFIG.configKeys().values()) {
            String def = k.defaultValue == null || String.valueOf(k.defaultValue).isEmpty()
                    ? "*(empty)*" : "`" + k.defaultValue + "`";
            rows.add("| `" + k.name + "` | `" + ConfigLoader.keyToEnv(k.name) + "` | " + def + " | "
                    + k.documentation.replace("|", "\\|") + " |");
        }
        return rows;
    }

    /** One row per key pattern with a language or endpoint name in it ({@link ModelKeys#PATTERN_DOCS}). */
    public static List<String> patternRows() {
        List<String> rows = new ArrayList<>();
        for (String[] d : ModelKeys.PATTERN_DOCS) {
            rows.add("| `" + d[0] + "` | `" + ConfigLoader.keyToEnv(d[0]) + "` | " + d[1].replace("|", "\\|") + " |");
        }
        return rows;
    }

    public static void main(String[] args) {
        System.out.println("| Key | Environment | Default | Description |");
        System.out.println("|---|---|---|---|");
        markdownRows().forEach(System.out::println);
        System.out.println();
        System.out.println("| Key pattern | Environment | Description |");
        System.out.println("|---|---|---|");
        patternRows().forEach(System.out::println);
    }
}
