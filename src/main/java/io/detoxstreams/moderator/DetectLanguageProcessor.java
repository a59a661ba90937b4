package io.detoxstreams.moderator;

import io.detoxstreams.ingest.Comment;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;
import org.apache.kafka.streams.processor.api.FixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyProcessorContext;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;

/** Topology node {@code detect-language}: runs the shared {@link LanguageDetector} (hint, script, n-gram paths). */
final class DetectLanguageProcessor implements FixedKeyProcessor<byte[], Comment, DetectedComment> {

    private final LanguageDetector detector;
    private FixedKeyProcessorContext<byte[], DetectedComment> context;

    DetectLanguageProcessor(LanguageDetector detector) {
        this.detector = detector;
    }

    @Override
    public void init(FixedKeyProcessorContext<byte[], DetectedComment> context) {
        this.context = context;
    }

    @Override
    public void process(FixedKeyRecord<byte[], Comment> record) {
        Comment c = record.value();
        long t0 = System.nanoTime();
        LanguageGuess guess = detector.detect(c.text(), c.langHint());
        long micros = (System.nanoTime() - t0) / 1_000;
        context.forward(record.withValue(new DetectedComment(c, guess, micros)));
    }
}
