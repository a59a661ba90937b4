package io.detoxstreams.metrics;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;

/**
 * Topology node {@code metrics-outcome-events}: an outcome event the rewriter wrote to {@code comments.outcomes}
 * ({@link OutcomeEvents}), keyed by its language. A record that is not an outcome event is logged and skipped rather
 * than thrown: an exception here would send it to the DLQ and count it there.
 */
final class OutcomeEventProcessor implements Processor<byte[], byte[], String, LanguageStats> {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeEventProcessor.class);

    private final String topic;
    private ProcessorContext<String, LanguageStats> context;

    OutcomeEventProcessor(String topic) {
        this.topic = topic;
    }

    @Override
    public void init(ProcessorContext<String, LanguageStats> context) {
        this.context = context;
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        LanguageStats event = OutcomeEvents.decode(topic, record.value());
        if (event == null || record.key() == null) {
            LOG.warn("metrics: skipping a record on {} that is not an outcome event", topic);
            return;
        }
        String lang = new String(record.key(), StandardCharsets.UTF_8);
        context.forward(new Record<>(lang, event, record.timestamp()));
    }
}
