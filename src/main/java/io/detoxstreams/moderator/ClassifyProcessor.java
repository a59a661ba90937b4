package io.detoxstreams.moderator;

import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Clock;

/**
 * Topology node {@code classify}: scores the comment with the per-language thresholds, looks for threats and
 * self-harm, and emits the moderator's verdict ({@link ModerationPolicy}) — PASS (final), HOLD (final, for review) or
 * PENDING (toxic, for the rewriter) — carrying the classification. The classify timing includes the harm check.
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], DetectedComment, ModerationResult> {

    private final ToxicityClassifier classifier;
    private final ModerationPolicy policy;
    private final Clock clock;
    private FixedKeyProcessorContext<byte[], ModerationResult> context;

    ClassifyProcessor(ToxicityClassifier classifier, ModerationPolicy policy, Clock clock) {
        this.classifier = classifier;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], ModerationResult> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], DetectedComment> record) {
        DetectedComment d = record.value();
        long t0 = System.nanoTime();
        String text = d.comment().text();
        ToxicityResult toxicity = classifier.classify(text, d.language().lang());
        ModerationPolicy.Decision decision = policy.decide(text, d.language(), toxicity);
        long micros = (System.nanoTime() - t0) / 1_000;
        ModerationResult verdict = ModeratorVerdicts.of(d.comment(), d.language(), toxicity, decision,
                d.detectMicros(), micros, clock.millis());
        context.forward(record.withValue(verdict));
    }
}
