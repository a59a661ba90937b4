package io.detoxstreams.config;

import io.detoxstreams.language.CompositeLanguageDetector;
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
    public static final String MODERATOR_COMMIT_INTERVAL_MS = "moderator.commit.interval.ms";
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
    /** {@code review.threshold.<lang>}: the lower bound of a language's review band (read by {@link ModelSettings}). */
    public static final String REVIEW_THRESHOLD_PREFIX = "review.threshold.";
    /** What the moderator does with an uncertain or unsupported comment. */
    public static final String ACTION_PASS = "pass";
    public static final String ACTION_REVIEW = "review";

    public static final String INPUT_MAX_BYTES = "input.max.bytes";
    public static final String RECORDS_MAX_BYTES = "records.max.bytes";
    public static final String STARTUP_TIMEOUT_MS = "startup.timeout.ms";
    public static final String SHUTDOWN_TIMEOUT_MS = "shutdown.timeout.ms";
    public static final String REWRITER_RETRY_BACKOFF_MAX_MS = "rewriter.retry.backoff.max.ms";
    public static final String SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO = "schema.registry.basic.auth.user.info";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION = "schema.registry.ssl.truststore.location";
    public static final String SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD = "schema.registry.ssl.truststore.password";
    public static final String SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION = "schema.registry.ssl.keystore.location";
    public static final String SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD = "schema.registry.ssl.keystore.password";

    // Models (ModelSettings reads these, and the per-language and per-endpoint keys listed in ModelKeys).
    public static final String LANGUAGES = "languages";
    public static final String LANGUAGE_LINGUA_ACCURACY = "language.lingua.accuracy";
    public static final String CLASSIFIER_DEFAULT = "classifier.default";
    public static final String CLASSIFIER_TOXIC_LABEL = "classifier.toxic.label";
    public static final String CLASSIFIER_MAX_BATCH = "classifier.max.batch";
    public static final String THRESHOLD_DEFAULT = "threshold.default";
    public static final String REWRITER_CHAIN = "rewriter.chain";
    public static final String REWRITER_SIMILARITY_FLOOR = "rewriter.similarity.floor";
    public static final String REWRITER_HOLD_THRESHOLD = "rewriter.hold.threshold";
    public static final String REWRITER_FLUENCY_FLOOR = "rewriter.fluency.floor";
    public static final String REWRITER_MAX_BATCH_TOKENS = "rewriter.max.batch.tokens";
    public static final String MODEL_DEVICE = "model.device";
    public static final String ONNX_DEVICE = "onnx.device";
    public static final String SEQ2SEQ_DEVICE = "seq2seq.device";
    public static final String SEQ2SEQ_NUM_BEAMS = "seq2seq.num.beams";
    public static final String SEQ2SEQ_MAX_NEW_TOKENS = "seq2seq.max.new.tokens";
    public static final String SEQ2SEQ_NO_REPEAT_NGRAM_SIZE = "seq2seq.no.repeat.ngram.size";
    public static final String SEQ2SEQ_REPETITION_PENALTY = "seq2seq.repetition.penalty";
    public static final String SEQ2SEQ_USE_CACHE = "seq2seq.use.cache";
    public static final String SEQ2SEQ_PROMPT = "seq2seq.prompt";

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
                    "Base URL of a Confluent-compatible Schema Registry; required by avro-confluent. https:// URLs use "
                            + "the JVM's trust store unless schema.registry.ssl.truststore.location is set.")
            .define(SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO, Type.PASSWORD, null, Importance.MEDIUM,
                    "user:password for HTTP basic authentication to the Schema Registry (as Confluent's "
                            + "basic.auth.user.info); empty sends no credentials.")
            .define(SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION, Type.STRING, "", Importance.LOW,
                    "Trust store (PKCS12 or JKS) with the CA that signed the Schema Registry's certificate; empty uses "
                            + "the JVM's default trust store.")
            .define(SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                    "Password of schema.registry.ssl.truststore.location.")
            .define(SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION, Type.STRING, "", Importance.LOW,
                    "Key store (PKCS12 or JKS) with this client's certificate and key, for a registry that requires "
                            + "TLS client authentication; empty sends none.")
            .define(SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                    "Password of schema.registry.ssl.keystore.location (and of its key).")
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
                    "Longest comment text accepted, in UTF-16 chars; longer ones go to the DLQ (too_long).")
            .define(INPUT_MAX_BYTES, Type.INT, 262_144, ConfigDef.Range.atLeast(1_024), Importance.MEDIUM,
                    "Largest input record the moderator accepts: key + value + headers, uncompressed bytes. Larger "
                            + "ones go to the DLQ (too_large) without being decoded. An output record carries its input's key "
                            + "and headers, so a result's value may use records.max.bytes less this.")
            .define(RECORDS_MAX_BYTES, Type.INT, 1_000_000, ConfigDef.Range.atLeast(16_384), Importance.MEDIUM,
                    "Largest record the pipeline writes (key + value + headers, uncompressed): a result that would be "
                            + "larger sends its input to the DLQ (too_large); a DLQ copy that would be larger is cut to "
                            + "fit, with headers giving the original sizes and SHA-256. Keep it below the producers' "
                            + "max.request.size and the topics' max.message.bytes (both about 1 MiB by default).")
            .define(MODERATOR_THREADS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Stream threads per moderator instance (num.stream.threads).")
            .define(MODERATOR_COMMIT_INTERVAL_MS, Type.LONG, 100L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "How often the moderator commits (Kafka Streams commit.interval.ms; 100 is Streams' exactly-once "
                            + "default). Results become visible to read_committed consumers only at a commit, so this "
                            + "adds to end-to-end latency: on 2 cores 1000 ms moved PASS p50 from about 90 to 520 ms "
                            + "for no throughput gain beyond noise (BENCHMARKS.md). kafka.commit.interval.ms, if set, wins.")
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
                    "Pause before the first retry of a failed backend call or Kafka transaction; doubles on each "
                            + "further attempt, up to rewriter.retry.backoff.max.ms.")
            .define(REWRITER_RETRY_BACKOFF_MAX_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Longest pause between retries. While the rewrite backend is unavailable, or transactions keep "
                            + "failing, the worker pauses consumption (staying in its group) and retries the same batch "
                            + "after each pause; nothing is held or dead-lettered because of an outage.")
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
            .define(LANGUAGES, Type.LIST, String.join(",", CompositeLanguageDetector.DEFAULT_LANGUAGES), Importance.MEDIUM,
                    "Languages the detector may answer (ISO 639-1, comma list); others come out as und. Per-language "
                            + "keys (classifier.<lang>, threshold.<lang>, review.threshold.<lang>, rewriter.chain.<lang>, seq2seq.prompt.<lang>) "
                            + "must name one of these.")
            .define(LANGUAGE_LINGUA_ACCURACY, Type.STRING, "high", ValidString.in("high", "low"), Importance.LOW,
                    "Lingua's mode for the language-detection fallback: high (accurate, ~410 MB, 5-10 s to load) or "
                            + "low (trigrams only, ~37 MB, ~2.5 s; mean accuracy 0.989 vs 0.991).")
            .define(CLASSIFIER_DEFAULT, Type.STRING, "embedded", Importance.HIGH,
                    "Toxicity classifier of languages without classifier.<lang>: embedded (the model shipped in the "
                            + "jar) or onnx:DIR (a Hugging Face sequence-classification model exported with Optimum, see "
                            + "README, Using real models).")
            .define(CLASSIFIER_TOXIC_LABEL, Type.STRING, "toxic", Importance.LOW,
                    "Label (config.json id2label) whose probability is the toxicity score of onnx classifiers; with "
                            + "two labels and none of this name, the second one (index 1).")
            .define(CLASSIFIER_MAX_BATCH, Type.INT, 32, ConfigDef.Range.atLeast(1), Importance.LOW,
                    "Largest micro-batch of an onnx classifier: a batch is sorted by token length and cut into "
                            + "micro-batches of at most this many comments, each padded to its own longest.")
            .define(THRESHOLD_DEFAULT, Type.DOUBLE, 0.5, ConfigDef.Range.between(0.0, 1.0), Importance.MEDIUM,
                    "Decision threshold of onnx classifiers in languages without threshold.<lang> (the embedded "
                            + "model keeps its calibrated per-language thresholds unless threshold.<lang> is set).")
            .define(REWRITER_CHAIN, Type.STRING, "embedded", Importance.HIGH,
                    "Rewrite backends of languages without rewriter.chain.<lang>, tried in order (comma list of "
                            + "embedded, onnx-seq2seq:DIR, chat:NAME): a proposal that fails verification goes to the "
                            + "next; when none passes the comment is held with the last reason.")
            .define(REWRITER_SIMILARITY_FLOOR, Type.DOUBLE, 0.30, ConfigDef.Range.between(0.0, 1.0), Importance.MEDIUM,
                    "Minimum content similarity (char n-gram F1) of a rewrite to its original; below it the rewrite "
                            + "fails verification (meaning_lost).")
            .define(REWRITER_HOLD_THRESHOLD, Type.DOUBLE, null, Importance.LOW,
                    "Decision threshold of the non-detoxifiable hold model(s); empty keeps the shipped one (chosen on "
                            + "DEV); lower holds more.")
            .define(REWRITER_FLUENCY_FLOOR, Type.DOUBLE, 0.01, ConfigDef.Range.between(0.0, 0.99), Importance.MEDIUM,
                    "Fluency check of every rewrite, any backend in the chain: a rewrite whose weakest new junction "
                            + "scores below this share of the language's human rewrites (DEV split), or whose "
                            + "language-model score per changed word falls below all of them, fails verification "
                            + "(next backend, then HOLD not_fluent); 0 turns the check off. Languages without a "
                            + "fluency model are not checked.")
            .define(REWRITER_MAX_BATCH_TOKENS, Type.INT, 8192, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Token budget of one backend call: a poll batch is grouped by backend and language, sorted by "
                            + "length and cut so that comments x longest (in tokens) stays within this.")
            .define(MODEL_DEVICE, Type.STRING, "cpu", Importance.MEDIUM,
                    "Device of ONNX models: cpu or cuda:N (needs the -Pgpu build and CUDA; without it a warning and "
                            + "the CPU).")
            .define(ONNX_DEVICE, Type.STRING, "", Importance.LOW,
                    "Device of onnx classifiers (cpu or cuda:N); empty means model.device.")
            .define(SEQ2SEQ_DEVICE, Type.STRING, "", Importance.LOW,
                    "Device of onnx-seq2seq rewriters (cpu or cuda:N); empty means model.device.")
            .define(SEQ2SEQ_NUM_BEAMS, Type.INT, 1, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Beams of onnx-seq2seq generation; 1 is greedy decoding.")
            .define(SEQ2SEQ_MAX_NEW_TOKENS, Type.INT, 64, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "Longest rewrite an onnx-seq2seq model may generate, in tokens.")
            .define(SEQ2SEQ_NO_REPEAT_NGRAM_SIZE, Type.INT, 0, ConfigDef.Range.atLeast(0), Importance.LOW,
                    "onnx-seq2seq: no n-gram of this size is generated twice (0 = off).")
            .define(SEQ2SEQ_REPETITION_PENALTY, Type.DOUBLE, 1.0, ConfigDef.Range.atLeast(1.0), Importance.LOW,
                    "onnx-seq2seq: penalty on tokens already generated (1.0 = off; Hugging Face's definition).")
            .define(SEQ2SEQ_USE_CACHE, Type.BOOLEAN, true, Importance.LOW,
                    "onnx-seq2seq: decode with the key/value cache (decoder_with_past_model.onnx or "
                            + "decoder_model_merged.onnx); false re-runs the decoder on the whole prefix each step.")
            .define(SEQ2SEQ_PROMPT, Type.STRING, "", Importance.MEDIUM,
                    "Prompt of onnx-seq2seq models, in front of the comment (one space between) or around it where "
                            + "it contains {text} (mT0-style models: 'Detoxify:'; BART: empty); seq2seq.prompt.<lang> overrides per "
                            + "language.")
            .define(STARTUP_TIMEOUT_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "How long moderator, rewriter, produce and tail wait at start-up for a Kafka broker to answer at "
                            + "bootstrap.servers; then they exit with an error naming the address.")
            .define(SHUTDOWN_TIMEOUT_MS, Type.LONG, 4_000L, ConfigDef.Range.atLeast(1), Importance.MEDIUM,
                    "How long a stopping moderator or rewriter (SIGTERM, Ctrl-C) waits for its Kafka clients to close: "
                            + "finish or abort the open transaction and leave the group.")
            .define(MODERATION_UNCERTAIN_ACTION, Type.STRING, ACTION_PASS, ValidString.in(ACTION_PASS, ACTION_REVIEW),
                    Importance.MEDIUM, "What the moderator does with a comment in the review band (scored at or above "
                            + "review.threshold.<lang> but under the rewrite threshold): pass (publish it unchanged) or "
                            + "review (hold it for review, reason uncertain). It is never rewritten.")
            .define(MODERATION_UNSUPPORTED_ACTION, Type.STRING, ACTION_REVIEW,
                    ValidString.in(ACTION_PASS, ACTION_REVIEW), Importance.MEDIUM, "What the moderator does with a "
                            + "comment whose language the model has no data for, or that no language could be detected "
                            + "for (coverage unsupported): review (hold it, reason unsupported_language) or pass "
                            + "(publish it unchanged, marked unsupported). Threats and self-harm are held either way.");

    private final ModelSettings models;

    /** @throws org.apache.kafka.common.config.ConfigException naming the key when a value or a model key is wrong */
    public DetoxConfig(Map<?, ?> values) {
        super(CONFIG, values, false);
        if (getInt(RECORDS_MAX_BYTES) - getInt(INPUT_MAX_BYTES) < 16_384) {
            throw new org.apache.kafka.common.config.ConfigException(RECORDS_MAX_BYTES + "=" + getInt(RECORDS_MAX_BYTES)
                    + " must exceed " + INPUT_MAX_BYTES + "=" + getInt(INPUT_MAX_BYTES) + " by at least 16384: a result "
                    + "carries its input's key and headers beside its own value");
        }
        this.models = ModelSettings.from(this);
    }

    /**
     * The largest record this process may write: {@code records.max.bytes}, or less when the producers'
     * {@code kafka.max.request.size} is smaller.
     */
    public int recordsMaxBytes() {
        Object requestSize = kafkaProperties().get("max.request.size");
        int limit = getInt(RECORDS_MAX_BYTES);
        if (requestSize != null) {
            limit = Math.min(limit, Integer.parseInt(requestSize.toString().trim()) - 1_024);
        }
        return limit;
    }

    /** The largest value of a result the moderator may write, leaving room for its input's key and headers. */
    public int resultMaxBytes() {
        return recordsMaxBytes() - getInt(INPUT_MAX_BYTES);
    }

    /** A password-type value, or null when unset or empty. */
    public String password(String key) {
        org.apache.kafka.common.config.types.Password p = getPassword(key);
        return p == null || p.value().isEmpty() ? null : p.value();
    }

    /** The model configuration (languages, classifiers, thresholds, rewriter chains, devices, chat endpoints). */
    public ModelSettings models() {
        return models;
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
        return password(HTTP_AUTH_TOKEN);
    }

    /** A copy with some values replaced (e.g. the demo's embedded broker address). */
    public DetoxConfig with(Map<String, ?> overrides) {
        Map<String, Object> all = new java.util.HashMap<>(originals());
        all.putAll(overrides);
        return new DetoxConfig(all);
    }
}
