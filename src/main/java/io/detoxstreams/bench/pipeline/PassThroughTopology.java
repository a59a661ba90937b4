package io.detoxstreams.bench.pipeline;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.Coverage;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.ingest.CommentNormalizer;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.moderator.ModerationPolicy;
import io.detoxstreams.moderator.ModeratorVerdicts;
import io.detoxstreams.serde.Codecs;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

import java.time.Clock;

/**
 * The two pass-through baselines of {@code bench pipeline}, run with the moderator's own Streams settings:
 * <ul>
 *   <li>{@link #bytes}: {@code source → sink}, values as bytes — Kafka Streams with exactly-once and nothing else;
 *   <li>{@link #serde}: {@code source → decode → pass → sink}: the comment decoded with the moderator's input codec,
 *       turned into a {@code PASS} {@link ModerationResult} the way the moderator builds its verdicts
 *       ({@link CommentNormalizer}, {@link ModeratorVerdicts}) but with a fixed {@code und} language and a clean score
 *       instead of the models, and encoded with the moderator's output codec. The moderator with its models taken out.
 * </ul>
 */
public final class PassThroughTopology {

    private static final LanguageGuess NO_LANGUAGE = LanguageGuess.undetermined("Zyyy");
    private static final ToxicityResult NO_SCORE = ToxicityResult.clean(0.5, "none/pass-through");
    /** PASS without a model: nothing is known about the language. */
    private static final ModerationPolicy.Decision PASS = new ModerationPolicy.Decision(ModerationPolicy.Route.PASS,
            null, Coverage.UNSUPPORTED, NO_SCORE.threshold(), false, java.util.Optional.empty());

    private PassThroughTopology() {
    }

    public static Topology bytes(String input, String output) {
        StreamsBuilder b = new StreamsBuilder();
        Serde<byte[]> bytes = Serdes.ByteArray();
        b.stream(input, Consumed.with(bytes, bytes).withName("source"))
                .to(output, Produced.with(bytes, bytes).withName("sink"));
        return b.build();
    }

    public static Topology serde(String input, String output, Codecs codecs, Clock clock) {
        StreamsBuilder b = new StreamsBuilder();
        Serde<byte[]> bytes = Serdes.ByteArray();
        b.stream(input, Consumed.with(bytes, bytes).withName("source"))
                .mapValues((key, raw) -> codecs.comments().decode(input, raw), Named.as("decode"))
                .processValues(() -> new PassProcessor(clock), Named.as("pass"))
                .to(output, Produced.with(bytes, codecs.results().serde()).withName("sink"));
        return b.build();
    }

    /** A decoded comment → its PASS result, as the moderator's normalize and classify nodes would without models. */
    private static final class PassProcessor implements FixedKeyProcessor<byte[], CommentEvent, ModerationResult> {

        private final CommentNormalizer normalizer = new CommentNormalizer();
        private final Clock clock;
        private FixedKeyProcessorContext<byte[], ModerationResult> context;

        PassProcessor(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void init(FixedKeyProcessorContext<byte[], ModerationResult> context) {
            this.context = context;
        }

        @Override
        public void process(FixedKeyRecord<byte[], CommentEvent> record) {
            RecordMetadata m = context.recordMetadata().orElseThrow();
            Comment c = normalizer.normalize(record.value(), record.key(), m.topic(), m.partition(), m.offset(),
                    record.timestamp());
            context.forward(record.withValue(ModeratorVerdicts.of(c, NO_LANGUAGE, NO_SCORE, PASS, 0, 0, clock.millis())));
        }
    }
}
