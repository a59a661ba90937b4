package io.detoxstreams.moderator;

import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

import java.time.Clock;

/**
 * Topology node {@code classify}: scores the comment with the per-language threshold and emits the moderator's
 * verdict — PASS (final) or PENDING (toxic, for the rewriter), carrying the classification.
 */
final class ClassifyProcessor implements FixedKeyProcessor<byte[], DetectedComment, ModerationResult> {

    private final ToxicityClassifier classifier;
    private final Clock clock;
    private FixedKeyProcessorContext<byte[], ModerationResult> context;

    ClassifyProcessor(ToxicityClassifier classifier, Clock clock) {
        this.classifier = classifier;
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
        ToxicityResult toxicity = classifier.classify(d.comment().text(), d.language().lang());
        long micros = (System.nanoTime() - t0) / 1_000;
        ModerationResult verdict = ModeratorVerdicts.of(d.comment(), d.language(), toxicity, d.detectMicros(), micros,
                clock.millis());
        context.forward(record.withValue(verdict));
    }
}
