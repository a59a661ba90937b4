package io.detoxstreams.config;

import org.apache.kafka.common.config.ConfigException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The model keys whose names carry a language or an endpoint name, and the check that every key under a model prefix
 * is one Detox Streams knows: a misspelt {@code clasifier.en} passes silently in most software; here
 * {@code classifier.eng} or {@code chat.vllm.urll} fails at start-up, naming the key. Keys defined in
 * {@link DetoxConfig#CONFIG} always pass (other features may add keys under these prefixes), and prefixes outside
 * {@link #PREFIXES} (such as {@code kafka.}) are not looked at.
 */
public final class ModelKeys {

    /** Prefixes whose keys are checked. */
    public static final List<String> PREFIXES = List.of("classifier.", "threshold.", "rewriter.", "seq2seq.", "onnx.",
            "chat.", "model.", "language.", "review.");

    /** The fields of one chat endpoint, {@code chat.<name>.<field>}. */
    public static final List<String> CHAT_FIELDS = List.of("url", "model", "api.key.env", "timeout.ms",
            "connect.timeout.ms", "max.in.flight", "max.retries", "retry.backoff.ms", "retry.max.backoff.ms",
            "breaker.failures", "breaker.open.ms", "temperature", "max.tokens", "prompts.dir", "json.mode");

    static final Pattern CLASSIFIER_LANG = Pattern.compile("classifier\\.([a-z]{2,3})");
    static final Pattern THRESHOLD_LANG = Pattern.compile("threshold\\.([a-z]{2,3})");
    static final Pattern REVIEW_LANG = Pattern.compile("review\\.threshold\\.([a-z]{2,3})");
    static final Pattern CHAIN_LANG = Pattern.compile("rewriter\\.chain\\.([a-z]{2,3})");
    static final Pattern PROMPT_LANG = Pattern.compile("seq2seq\\.prompt\\.([a-z]{2,3})");
    static final Pattern CHAT_KEY = Pattern.compile("chat\\.([a-z0-9][a-z0-9-]*)\\.(.+)");

    /** The README rows of the patterned keys (the fixed ones come from {@link DetoxConfig#CONFIG}). */
    public static final List<String[]> PATTERN_DOCS = List.of(
            new String[] {"classifier.<lang>", "Toxicity classifier of one language: embedded or onnx:DIR "
                    + "(overrides classifier.default)."},
            new String[] {"threshold.<lang>", "Decision threshold of the classifier in one language, in (0, 1); "
                    + "reaches the embedded model through its per-language overrides and replaces the shipped "
                    + "operating point (MODEL_CARD.md): at or above it a comment is rewritten."},
            new String[] {"review.threshold.<lang>", "Lower bound of the review band of one language, in [0, 1] "
                    + "(default: the band shipped with the embedded model, MODEL_CARD.md; onnx classifiers have "
                    + "none): a comment scoring at least this but under threshold.<lang> is uncertain and goes by "
                    + "moderation.uncertain.action instead of being rewritten. Capped at the language's threshold "
                    + "(a threshold.<lang> below it empties the band); rewrites must score under it to be published."},
            new String[] {"rewriter.chain.<lang>", "Rewrite backends of one language, in order (overrides "
                    + "rewriter.chain), e.g. chat:vllm,onnx-seq2seq:/models/mt0,embedded."},
            new String[] {"seq2seq.prompt.<lang>", "Prompt of onnx-seq2seq models in one language (overrides "
                    + "seq2seq.prompt; may be empty)."},
            new String[] {"chat.<name>.url", "Base URL of an OpenAI-compatible server, e.g. http://vllm:8000/v1 "
                    + "(/chat/completions is added); required for chat:<name>."},
            new String[] {"chat.<name>.model", "Model name sent in each request; required for chat:<name>."},
            new String[] {"chat.<name>.api.key.env", "Name of the environment variable holding the API key (sent as "
                    + "Bearer token); empty sends none. Not a DETOX_ variable."},
            new String[] {"chat.<name>.timeout.ms", "Longest wait for one answer (default 30000)."},
            new String[] {"chat.<name>.connect.timeout.ms", "Longest wait to connect (default 5000)."},
            new String[] {"chat.<name>.max.in.flight", "Requests in flight at once per rewriter worker (default 8)."},
            new String[] {"chat.<name>.max.retries", "Retries of a request after a timeout, 429 or 5xx (default 2)."},
            new String[] {"chat.<name>.retry.backoff.ms", "First retry pause; doubles per retry, with full jitter; a "
                    + "Retry-After header is honoured up to retry.max.backoff.ms (default 500)."},
            new String[] {"chat.<name>.retry.max.backoff.ms", "Longest pause before a retry (default 10000)."},
            new String[] {"chat.<name>.breaker.failures", "Consecutive failed requests that open the circuit breaker: "
                    + "the backend is skipped (the chain moves on) until breaker.open.ms has passed (default 5)."},
            new String[] {"chat.<name>.breaker.open.ms", "How long an open breaker skips the backend before one "
                    + "trial request (default 30000)."},
            new String[] {"chat.<name>.temperature", "Sampling temperature (default 0)."},
            new String[] {"chat.<name>.max.tokens", "Longest answer, in tokens (default 256)."},
            new String[] {"chat.<name>.prompts.dir", "Directory of prompt templates (<lang>.json, default.json) that "
                    + "replace the shipped ones (src/main/resources/chat/prompts)."},
            new String[] {"chat.<name>.json.mode", "Send response_format {\"type\": \"json_object\"} (default true; "
                    + "false for servers that reject it)."});

    private ModelKeys() {
    }

    /**
     * Fails on the first key under a model prefix that is neither defined nor a known pattern, or whose language is
     * not among {@code languages}.
     */
    static void check(Map<String, ?> originals, Set<String> defined, List<String> languages) {
        for (String key : new java.util.TreeSet<>(originals.keySet())) {
            if (defined.contains(key) || PREFIXES.stream().noneMatch(key::startsWith)) {
                continue;
            }
            Optional<String> lang = language(key);
            if (lang.isPresent()) {
                if (!languages.contains(lang.get())) {
                    throw new ConfigException(key, originals.get(key), "language '" + lang.get()
                            + "' is not in " + DetoxConfig.LANGUAGES + " " + languages);
                }
                continue;
            }
            Matcher chat = CHAT_KEY.matcher(key);
            if (chat.matches() && CHAT_FIELDS.contains(chat.group(2))) {
                continue;
            }
            throw new ConfigException("unknown configuration key '" + key + "'; known under "
                    + key.substring(0, key.indexOf('.') + 1) + ": " + known(key, defined));
        }
    }

    /** The language of a per-language key, when {@code key} is one. */
    static Optional<String> language(String key) {
        for (Pattern p : List.of(CLASSIFIER_LANG, THRESHOLD_LANG, REVIEW_LANG, CHAIN_LANG, PROMPT_LANG)) {
            Matcher m = p.matcher(key);
            if (m.matches()) {
                return Optional.of(m.group(1));
            }
        }
        return Optional.empty();
    }

    private static String known(String key, Set<String> defined) {
        String prefix = key.substring(0, key.indexOf('.') + 1);
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(defined.stream().filter(k -> k.startsWith(prefix))
                .toList()));
        PATTERN_DOCS.stream().map(d -> d[0]).filter(k -> k.startsWith(prefix)).forEach(names::add);
        return String.join(", ", names);
    }
}
