package io.detoxstreams.moderator;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.config.TopicNames;
import io.detoxstreams.ingest.CommentDecoder;
import io.detoxstreams.ingest.CommentValidator;
import io.detoxstreams.ingest.DeadLetters;
import io.detoxstreams.ingest.Ingest;
import io.detoxstreams.ingest.RecordLimits;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.metrics.MetricsTopology;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

import java.time.Clock;
import java.util.Map;

/**
 * The moderator's whole topology (DESIGN §2), top to bottom:
 * <pre>
 * comments ─► decode ─► validate ─┬─ rejected ─► dlq-raw ─► comments.dlq   (original bytes + error headers, bounded)
 *                                 └─ valid ─► normalize ─► detect-language ─► classify ─┬─ pass ─► comments.detoxified
 *                                                                                       ├─ hold ─► comments.review
 *                                                                                       ├─ toxic ─► comments.toxic
 *                                                                                       └─ metrics sub-topology
 * </pre>
 * The metrics sub-topology ({@link MetricsTopology}) also reads the rewriter's outcomes and the DLQ back from their
 * topics and keeps the per-language stores; {@code observe-*} nodes feed process-local telemetry.
 * {@code classify} applies the {@link ModerationPolicy}: threats and self-harm (on every comment), unsupported languages
 * and uncertain scores may be held by the moderator itself and go straight to review.
 * Keys are never touched: the input key is the key of every output record. Values are read as bytes so that
 * decoding happens inside the topology and a bad record can go to the DLQ exactly as it came.
 *
 * <pre>{@code
 * StreamsBuilder builder = new StreamsBuilder();
 * ModeratorTopology.build(builder, new ModeratorTopology.Deps(topics, codecs, detector, classifier, 5000, Clock.systemUTC()));
 * Topology topology = builder.build();
 * }</pre>
 */
public final class ModeratorTopology {

    /** Node names of the branches, for tests and topology descriptions. */
    public static final String VERDICT_BRANCH_PREFIX = "verdict-";
    public static final String INGEST_BRANCH_PREFIX = "ingest-";

    /**
     * What the topology needs: topic names, codecs, the shared (thread-safe) models, limits, a clock; the options of
     * the metrics sub-topology (null: without it), an observer for process-local telemetry, and the moderation
     * policy (review band, unsupported languages, harm detection).
     */
    public record Deps(TopicNames topics, Codecs codecs, LanguageDetector detector, ToxicityClassifier classifier,
                       int maxChars, Clock clock, MetricsTopology.Options metrics, VerdictObserver observer,
                       RecordLimits limits, ModerationPolicy policy) {

        /** With the default {@link ModerationPolicy}. */
        public Deps(TopicNames topics, Codecs codecs, LanguageDetector detector, ToxicityClassifier classifier,
                    int maxChars, Clock clock, MetricsTopology.Options metrics, VerdictObserver observer,
                    RecordLimits limits) {
            this(topics, codecs, detector, classifier, maxChars, clock, metrics, observer, limits,
                    ModerationPolicy.defaults(classifier));
        }

        /** With the default record size limits. */
        public Deps(TopicNames topics, Codecs codecs, LanguageDetector detector, ToxicityClassifier classifier,
                    int maxChars, Clock clock, MetricsTopology.Options metrics, VerdictObserver observer,
                    ModerationPolicy policy) {
            this(topics, codecs, detector, classifier, maxChars, clock, metrics, observer, RecordLimits.defaults(),
                    policy);
        }

        /** With the default record size limits and the default {@link ModerationPolicy}. */
        public Deps(TopicNames topics, Codecs codecs, LanguageDetector detector, ToxicityClassifier classifier,
                    int maxChars, Clock clock, MetricsTopology.Options metrics, VerdictObserver observer) {
            this(topics, codecs, detector, classifier, maxChars, clock, metrics, observer, RecordLimits.defaults(),
                    ModerationPolicy.defaults(classifier));
        }

        /** Without the metrics sub-topology and without telemetry, with the default policy. */
        public Deps(TopicNames topics, Codecs codecs, LanguageDetector detector, ToxicityClassifier classifier,
                    int maxChars, Clock clock) {
            this(topics, codecs, detector, classifier, maxChars, clock, null, VerdictObserver.NONE);
        }
    }

    private ModeratorTopology() {
    }

    public static Topology build(StreamsBuilder builder, Deps deps) {
        TopicNames topics = deps.topics();
        Serde<byte[]> bytes = Serdes.ByteArray();
        // A result that would not fit under records.max.bytes fails to serialize, before the producer sees it; the
        // production handler (DeadLetterHandlers) then sends its input to the DLQ as too_large.
        Serde<ModerationResult> results = ResultTooLargeException.bounded(deps.codecs().results(),
                deps.limits().resultMaxBytes());
        CommentDecoder decoder = new CommentDecoder(deps.codecs().comments(), deps.limits().inputMaxBytes());
        CommentValidator validator = new CommentValidator(deps.maxChars());

        // 1. Ingest: decode → validate, splitting off what cannot be moderated.
        Map<String, KStream<byte[], Ingest>> ingest = builder
                .stream(topics.comments(), Consumed.with(bytes, bytes).withName("comments-source"))
                .processValues(() -> new DecodeProcessor(decoder), Named.as("decode"))
                .processValues(() -> new ValidateProcessor(validator), Named.as("validate"))
                .split(Named.as(INGEST_BRANCH_PREFIX))
                .branch((key, value) -> value.isRejected(), Branched.as("rejected"))
                .defaultBranch(Branched.as("valid"));

        // 2. Bad input: the original key, value bytes and headers, with the error headers set by decode/validate,
        //    cut to fit records.max.bytes when they do not (DeadLetters).
        DeadLetters deadLetters = deps.limits().deadLetters();
        ingest.get(INGEST_BRANCH_PREFIX + "rejected")
                .peek((key, value) -> deps.observer().rejected(((Ingest.Rejected) value).reason().code()),
                        Named.as("observe-rejected"))
                .process(() -> new DeadLetterProcessor(deadLetters), Named.as("dlq-raw"))
                .to(topics.dlq(), Produced.with(bytes, bytes).withName("dlq-sink"));

        // 3. Moderation: normalize → detect language → classify.
        KStream<byte[], ModerationResult> verdicts = ingest.get(INGEST_BRANCH_PREFIX + "valid")
                .processValues(NormalizeProcessor::new, Named.as("normalize"))
                .processValues(() -> new DetectLanguageProcessor(deps.detector()), Named.as("detect-language"))
                .processValues(() -> new ClassifyProcessor(deps.classifier(), deps.policy(), deps.clock()),
                        Named.as("classify"))
                .peek((key, v) -> deps.observer().verdict(v), Named.as("observe-verdict"));

        // 4. Route: clean comments are final, held ones (threats, self-harm, by policy) go to review, toxic ones to the
        //    rewriter.
        Map<String, KStream<byte[], ModerationResult>> routed = verdicts
                .split(Named.as(VERDICT_BRANCH_PREFIX))
                .branch((key, v) -> v.getAction() == ModerationAction.PASS, Branched.as("pass"))
                .branch((key, v) -> v.getAction() == ModerationAction.HOLD, Branched.as("hold"))
                .defaultBranch(Branched.as("toxic"));
        routed.get(VERDICT_BRANCH_PREFIX + "pass")
                .to(topics.detoxified(), Produced.with(bytes, results).withName("detoxified-sink"));
        routed.get(VERDICT_BRANCH_PREFIX + "hold")
                .to(topics.review(), Produced.with(bytes, results).withName("review-sink"));
        routed.get(VERDICT_BRANCH_PREFIX + "toxic")
                .to(topics.toxic(), Produced.with(bytes, results).withName("toxic-sink"));

        // 5. Per-language metrics: the verdicts, plus the rewriter's outcomes and the DLQ read back from their topics,
        //    into the StoreNames.LANGUAGE_METRICS / LANGUAGE_METRICS_1M stores and topics.metrics().
        if (deps.metrics() != null) {
            MetricsTopology.build(builder, verdicts, topics, deps.codecs(), deps.metrics());
        }
        return builder.build();
    }
}
