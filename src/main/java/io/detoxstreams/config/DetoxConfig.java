package io.detoxstreams.config;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigDef.ValidString;

import java.util.Map;

/**
 * Every configuration key of Detox Streams, typed, with its default and documentation, in one place — defined with
 * Kafka's own {@link ConfigDef} the way {@code StreamsConfig} defines its keys. Keys starting with {@code kafka.} are
 * not listed here: they are passed, without the prefix, to every Kafka client the process creates (see
 * {@link #kafkaProperties()}).
 *
 * <p>Build one with {@link ConfigLoader#load}; tests may use {@code new DetoxConfig(Map.of(...))}.
 */
public final class DetoxConfig extends AbstractConfig {

    /** Prefix of keys passed through to the Kafka clients (producer, consumer, admin, Streams). */
    public static final String KAFKA_PREFIX = "kafka.";

    public static final String BOOTSTRAP_SERVERS = "bootstrap.servers";
    public static final String APPLICATION_ID = "application.id";
    public static final String INPUT_FORMAT = "input.format";
    public static final String OUTPUT_FORMAT = "output.format";
    public static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    public static final String TOPIC_COMMENTS = "topic.comments";
    public static final String TOPIC_DETOXIFIED = "topic.detoxified";
    public static final String TOPIC_TOXIC = "topic.toxic";
    public static final String TOPIC_REVIEW = "topic.review";
    public static final String TOPIC_DLQ = "topic.dlq";
    public static final String TOPIC_METRICS = "topic.metrics";
    public static final String TOPIC_OUTCOMES = "topic.outcomes";
    public static final String TOPICS_CREATE = "topics.create";
    public static final String TOPICS_PARTITIONS = "topics.partitions";
    public static final String TOPICS_REPLICATION_FACTOR = "topics.replication.factor";
    public static final String TEXT_MAX_CHARS = "text.max.chars";
    public static final String MODERATOR_THREADS = "moderator.threads";
    public static final String REWRITER_GROUP_ID = "rewriter.group.id";
    public static final String REWRITER_TRANSACTIONAL_ID = "rewriter.transactional.id";
    public static final String REWRITER_MAX_BATCH = "rewriter.max.batch";
    public static final String REWRITER_POLL_TIMEOUT_MS = "rewriter.poll.timeout.ms";
    public static final String REWRITER_MAX_ATTEMPTS = "rewriter.max.attempts";
    public static final String REWRITER_RETRY_BACKOFF_MS = "rewriter.retry.backoff.ms";
    public static final String MODERATOR_STANDBY_REPLICAS = "moderator.standby.replicas";
    public static final String METRICS_ENABLED = "metrics.enabled";
    public static final String METRICS_WINDOW_GRACE_MS = "metrics.window.grace.ms";
    public static final String METRICS_WINDOW_RETENTION_MS = "metrics.window.retention.ms";
    public static final String METRICS_FLUSH_INTERVAL_MS = "metrics.flush.interval.ms";
    public static final String HTTP_BIND_ADDRESS = "http.bind.address";
    public static final String HTTP_PORT = "http.port";
    public static final String HTTP_ADVERTISED_HOST = "http.advertised.host";
    public static final String HTTP_AUTH_TOKEN = "http.auth.token";
    public static final String HTTP_PEER_TIMEOUT_MS = "http.peer.timeout.ms";
    public static final String REWRITER_HTTP_PORT = "rewriter.http.port";
    public static final String MODERATION_UNCERTAIN_ACTION = "moderation.uncertain.action";
    public static final String MODERATION_UNSUPPORTED_ACTION = "moderation.unsupported.action";
    /** {@code review.threshold.<lang>}: the lower bound of a language's review band (a {@link #PREFIXED_KEYS} family). */
    public static final String REVIEW_THRESHOLD_PREFIX = "review.threshold.";
    /** What the moderator does with an uncertain or unsupported comment. */
    public static final String ACTION_PASS = "pass";
    public static final String ACTION_REVIEW = "review";

    /**
     * Key families named {@code <prefix><lang>}, which a {@link ConfigDef} cannot list: prefix → (placeholder
     * default, documentation), rendered into the README table like the other keys.
     */
    public static final Map<String, String[]> PREFIXED_KEYS = Map.of(REVIEW_THRESHOLD_PREFIX, new String[] {
            "the model's", "Lower bound of the review band for language <lang> (a calibrated probability in [0, 1], "
            + "e.g. review.threshold.fr=0.6): a comment scoring at least this but under the language's rewrite "
            + "threshold is uncertain and goes by moderation.uncertain.action instead of being rewritten. Capped at "
            + "the rewrite threshold (an override of the rewrite threshold below it empties the band). Default: the band "
            + "the model was shipped with (MODEL_CARD.md)."});

    public static final ConfigDef CONFIG = new ConfigDef()
            .define(BOOTSTRAP_SERVERS, Type.STRING, "localhost:9092", Importance.HIGH,
                    "Kafka bootstrap servers, host:port[,host:port].")
            .define(APPLICATION_ID, Type.STRING, "detox-moderator", Importance.HIGH,
                    "Kafka Streams application.id of the moderator: instances with the same id share the work.")
            .define(INPUT_FORMAT, Type.STRING, "avro", ValidString.in("avro", "avro-confluent", "json"),
                    Importance.HIGH, "Wire format of the comments topic: avro (single-object encoding), "
                            + "avro-confluent (Confluent wire format, needs schema.registry.url) or json.")
            .define(OUTPUT_FORMAT, Type.STRING, "avro", ValidString.in("avro", "avro-confluent", "json"),
                    Importance.HIGH, "Wire format of the result topics (detoxified, toxic, review, metrics).")
            .define(SCHEMA_REGISTRY_URL, Type.STRING, "", Importance.MEDIUM,
                    "Base URL of a Confluent-compatible Schema Registry; required by avro-confluent.")
            .define(TOPIC_COMMENTS, Type.STRING, Topics.COMMENTS, Importance.MEDIUM, "Input topic of comment events.")
            .define(TOPIC_DETOXIFIED, Type.STRING, Topics.DETOXIFIED, Importance.MEDIUM,
                    "Output topic for PASS and REWRITE results.")
            .define(TOPIC_TOXIC, Type.STRING, Topics.TOXIC, Importance.MEDIUM,
                    "Internal topic from the moderator to the rewriter (results with action PENDING).")
            .define(TOPIC_REVIEW, Type.STRING, Topics.REVIEW, Importance.MEDIUM, "Output topic for HOLD results.")
            .define(TOPIC_DLQ, Type.STRING, Topics.DLQ, Importance.MEDIUM,
                    "Dead-letter topic: input records that cannot be moderated, unchanged, with error headers.")
            .define(TOPIC_METRICS, Type.STRING, Topics.METRICS, Importance.LOW,
                    "Topic of per-language LanguageMetrics records.")
            .define(TOPIC_OUTCOMES, Type.STRING, Topics.OUTCOMES, Importance.LOW,
                    "Internal topic from the rewriter to the moderator's metrics: one outcome event per rewriter result, "
                            + "written in the same transaction as the result.")
            .define(TOPICS_CREATE, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Create missing topics at start-up.")
            .define(TOPICS_PARTITIONS, Type.INT, 6, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Partitions of topics created at start-up (the most instances of each stage that can work), and of "
                            + "the moderator's metrics repartition topics.")
            .define(TOPICS_REPLICATION_FACTOR, Type.SHORT, (short) -1, Importance.MEDIUM,
                    "Replication factor of topics created at start-up; -1 uses the broker's default.")
            .define(TEXT_MAX_CHARS, Type.INT, 5000, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Longest comment text accepted, in UTF-16 chars; longer ones go to the DLQ.")
            .define(MODERATOR_THREADS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Stream threads per moderator instance (num.stream.threads).")
            .define(REWRITER_GROUP_ID, Type.STRING, "detox-rewriter", Importance.HIGH,
                    "Consumer group of the rewriter workers: workers with the same group share comments.toxic.")
            .define(REWRITER_TRANSACTIONAL_ID, Type.STRING, "", Importance.MEDIUM,
                    "transactional.id of this rewriter's producer; empty means rewriter.group.id plus a random suffix. "
                            + "A stable id per instance (e.g. the pod name) fences a crashed predecessor at once.")
            .define(REWRITER_MAX_BATCH, Type.INT, 64, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Largest poll batch, which is also the rewrite batch (max.poll.records).")
            .define(REWRITER_POLL_TIMEOUT_MS, Type.LONG, 200L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How long one poll of comments.toxic waits for records.")
            .define(REWRITER_MAX_ATTEMPTS, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Attempts of a rewrite backend call before the comment is held with reason backend_failed.")
            .define(REWRITER_RETRY_BACKOFF_MS, Type.LONG, 200L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "Pause before the first retry of a failed backend call; doubles on each further attempt.")
            .define(MODERATOR_STANDBY_REPLICAS, Type.INT, 1, ConfigDef.Range.atLeast(0), Importance.MEDIUM,
                    "Standby replicas of the moderator's state stores (num.standby.replicas): another instance keeps a "
                            + "warm copy of the metrics stores, so they move at once when an instance stops.")
            .define(METRICS_ENABLED, Type.BOOLEAN, true, Importance.MEDIUM,
                    "Run the per-language metrics sub-topology (stores language-metrics and language-metrics-1m, "
                            + "topic.metrics) in the moderator.")
            .define(METRICS_WINDOW_GRACE_MS, Type.LONG, 3_600_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "How late (by record timestamp) an outcome may arrive and still be counted in its 1-minute window; "
                            + "later ones count in the all-time store only.")
            .define(METRICS_WINDOW_RETENTION_MS, Type.LONG, 86_400_000L, ConfigDef.Range.atLeast(60_000L),
                    Importance.LOW, "How long the 1-minute windows are kept (at least one minute plus the grace period).")
            .define(METRICS_FLUSH_INTERVAL_MS, Type.LONG, 1_000L, ConfigDef.Range.atLeast(10), Importance.LOW,
                    "How often each moderator task hands its partial per-language sums on to the metrics stores: "
                            + "the stores trail the pipeline by about this much; shorter costs more throughput.")
            .define(HTTP_BIND_ADDRESS, Type.STRING, "127.0.0.1", Importance.HIGH,
                    "Address the HTTP server (metrics queries, /health, /metrics) binds to; 0.0.0.0 to serve other "
                            + "hosts, e.g. in a container.")
            .define(HTTP_PORT, Type.INT, 8080, ConfigDef.Range.between(-1, 65535), Importance.HIGH,
                    "Port of the moderator's HTTP server; 0 picks a free port, -1 turns the server off.")
            .define(HTTP_ADVERTISED_HOST, Type.STRING, "", Importance.MEDIUM,
                    "Host name or address other moderator instances use to reach this one (application.server is "
                            + "host:port); empty means http.bind.address, which must then not be a wildcard.")
            .define(HTTP_AUTH_TOKEN, Type.PASSWORD, null, Importance.MEDIUM,
                    "If set, every HTTP request but /health must carry 'Authorization: Bearer <token>'; instances send "
                            + "it to each other, so give all the same token.")
            .define(HTTP_PEER_TIMEOUT_MS, Type.LONG, 2_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "How long a query waits for another instance before answering without it (marked partial).")
            .define(REWRITER_HTTP_PORT, Type.INT, 8081, ConfigDef.Range.between(-1, 65535), Importance.MEDIUM,
                    "Port of a rewriter worker's HTTP server (/health, /metrics); 0 picks a free port, -1 turns it off.")
            .define(MODERATION_UNCERTAIN_ACTION, Type.STRING, ACTION_PASS, ValidString.in(ACTION_PASS, ACTION_REVIEW),
                    Importance.MEDIUM, "What the moderator does with a comment in the review band (scored at or above "
                            + "review.threshold.<lang> but under the rewrite threshold): pass (publish it unchanged) or "
                            + "review (hold it for review, reason uncertain). It is never rewritten.")
            .define(MODERATION_UNSUPPORTED_ACTION, Type.STRING, ACTION_REVIEW,
                    ValidString.in(ACTION_PASS, ACTION_REVIEW), Importance.MEDIUM, "What the moderator does with a "
                            + "comment whose language the model has no data for, or that no language could be detected "
                            + "for (coverage unsupported): review (hold it, reason unsupported_language) or pass "
                            + "(publish it unchanged, marked unsupported). Threats and self-harm are held either way.");

    public DetoxConfig(Map<?, ?> values) {
        super(CONFIG, values, false);
        reviewThresholds(); // fail at start-up, naming the key, rather than on the first comment
    }

    /**
     * The {@code review.threshold.<lang>} overrides: language → lower bound of its review band.
     *
     * @throws org.apache.kafka.common.config.ConfigException naming the key when a value is not a number in [0, 1]
     */
    public Map<String, Double> reviewThresholds() {
        Map<String, Double> out = new java.util.TreeMap<>();
        originalsWithPrefix(REVIEW_THRESHOLD_PREFIX, true).forEach((lang, value) -> {
            String key = REVIEW_THRESHOLD_PREFIX + lang;
            double v;
            try {
                v = Double.parseDouble(String.valueOf(value).trim());
            } catch (NumberFormatException e) {
                throw new org.apache.kafka.common.config.ConfigException(key, value, "must be a number in [0, 1]");
            }
            if (!(v >= 0 && v <= 1) || lang.isBlank()) {
                throw new org.apache.kafka.common.config.ConfigException(key, value,
                        "must be review.threshold.<lang> with a number in [0, 1]");
            }
            out.put(lang.toLowerCase(java.util.Locale.ROOT), v);
        });
        return out;
    }

    /** The {@code kafka.*} entries with the prefix removed, for every Kafka client. */
    public Map<String, Object> kafkaProperties() {
        return originalsWithPrefix(KAFKA_PREFIX, true);
    }

    public TopicNames topics() {
        return new TopicNames(getString(TOPIC_COMMENTS), getString(TOPIC_DETOXIFIED), getString(TOPIC_TOXIC),
                getString(TOPIC_REVIEW), getString(TOPIC_DLQ), getString(TOPIC_METRICS), getString(TOPIC_OUTCOMES));
    }

    public String bootstrapServers() {
        return getString(BOOTSTRAP_SERVERS);
    }

    /** The bearer token the HTTP servers require, or null when none is configured. */
    public String httpAuthToken() {
        org.apache.kafka.common.config.types.Password p = getPassword(HTTP_AUTH_TOKEN);
        return p == null || p.value().isEmpty() ? null : p.value();
    }

    /** A copy with some values replaced (e.g. the demo's embedded broker address). */
    public DetoxConfig with(Map<String, ?> overrides) {
        Map<String, Object> all = new java.util.HashMap<>(originals());
        all.putAll(overrides);
        return new DetoxConfig(all);
    }
}
