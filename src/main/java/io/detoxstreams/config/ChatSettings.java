package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * One OpenAI-compatible chat endpoint, {@code chat.<name>.*} (a rewriter chain names it {@code chat:<name>}).
 *
 * @param apiKeyEnv the environment variable holding the API key; null sends no key
 * @param promptsDir directory of prompt templates replacing the shipped ones; null uses the shipped ones
 */
public record ChatSettings(String name, URI url, String model, String apiKeyEnv, Duration timeout,
                           Duration connectTimeout, int maxInFlight, int maxRetries, Duration retryBackoff,
                           Duration retryMaxBackoff, int breakerFailures, Duration breakerOpen, double temperature,
                           int maxTokens, Path promptsDir, boolean jsonMode) {

    /** Reads {@code chat.<name>.*} from the original values; {@code url} and {@code model} are required. */
    static ChatSettings read(String name, Map<String, ?> values) {
        String p = "chat." + name + ".";
        Function<String, String> get = f -> {
            Object v = values.get(p + f);
            return v == null ? null : v.toString().trim();
        };
        String url = required(get, p, "url");
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(p + "url", url, "not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !uri.getScheme().startsWith("http") || uri.getHost() == null) {
            throw new ConfigException(p + "url", url, "expected http(s)://host[:port]/path");
        }
        String keyEnv = get.apply("api.key.env");
        String prompts = get.apply("prompts.dir");
        return new ChatSettings(name, uri, required(get, p, "model"),
                keyEnv == null || keyEnv.isEmpty() ? null : keyEnv,
                Duration.ofMillis(number(get, p, "timeout.ms", 30_000, 1)),
                Duration.ofMillis(number(get, p, "connect.timeout.ms", 5_000, 1)),
                (int) number(get, p, "max.in.flight", 8, 1), (int) number(get, p, "max.retries", 2, 0),
                Duration.ofMillis(number(get, p, "retry.backoff.ms", 500, 0)),
                Duration.ofMillis(number(get, p, "retry.max.backoff.ms", 10_000, 0)),
                (int) number(get, p, "breaker.failures", 5, 1), Duration.ofMillis(number(get, p, "breaker.open.ms",
                30_000, 1)), decimal(get, p, "temperature", 0.0), (int) number(get, p, "max.tokens", 256, 1),
                prompts == null || prompts.isEmpty() ? null : Path.of(prompts), bool(get, p, "json.mode", true));
    }

    /** The API key, read from {@link #apiKeyEnv()} in {@code env}; null when none is configured. */
    public String apiKey(Map<String, String> env) {
        if (apiKeyEnv == null) {
            return null;
        }
        String key = env.get(apiKeyEnv);
        if (key == null || key.isBlank()) {
            throw new ConfigException("chat." + name + ".api.key.env names the environment variable " + apiKeyEnv
                    + ", which is not set");
        }
        return key.trim();
    }

    private static String required(Function<String, String> get, String p, String field) {
        String v = get.apply(field);
        if (v == null || v.isEmpty()) {
            throw new ConfigException(p + field + " is required for the chat endpoint " + p.substring(5,
                    p.length() - 1));
        }
        return v;
    }

    private static long number(Function<String, String> get, String p, String field, long def, long min) {
        String v = get.apply(field);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            long n = Long.parseLong(v);
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(p + field, v, "expected a whole number >= " + min);
    }

    private static double decimal(Function<String, String> get, String p, String field, double def) {
        String v = get.apply(field);
        if (v == null || v.isEmpty()) {
            return def;
        }
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 2) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ConfigException(p + field, v, "expected a number in [0, 2]");
    }

    private static boolean bool(Function<String, String> get, String p, String field, boolean def) {
        String v = get.apply(field);
        if (v == null || v.isEmpty()) {
            return def;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        throw new ConfigException(p + field, v, "expected true or false");
    }
}
