package io.detoxstreams.metrics;

import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Topology nodes {@code metrics-combine-verdicts} and {@code metrics-combine-outcomes}: sums the one-event deltas of
 * its task per language and minute in a buffer store, and every flush interval (wall-clock punctuation) forwards each
 * partial sum — timestamped with the start of its minute — and empties the buffer. So the repartition topic carries a
 * few records per language per second instead of one per comment, which is most of what the metrics would
 * otherwise cost the moderator.
 *
 * <p>Exact under exactly-once: the buffer is a changelogged store, so what was summed but not yet forwarded is part of
 * the committed state, restored after a failure and forwarded then; forwarding and emptying happen in the same
 * transaction. The price: an event counts as late for its window only if its minute's partial sum arrives later
 * than the grace period (judged per flush, not per event).
 */
final class CombineProcessor implements Processor<String, LanguageStats, String, LanguageStats> {

    private static final long MINUTE = MetricsTopology.WINDOW_SIZE.toMillis();

    private final String storeName;
    private final Duration interval;
    private ProcessorContext<String, LanguageStats> context;
    private KeyValueStore<String, LanguageStats> buffer;

    CombineProcessor(String storeName, Duration interval) {
        this.storeName = storeName;
        this.interval = interval;
    }

    @Override
    public void init(ProcessorContext<String, LanguageStats> context) {
        this.context = context;
        this.buffer = context.getStateStore(storeName);
        context.schedule(interval, PunctuationType.WALL_CLOCK_TIME, now -> flush());
    }

    @Override
    public void process(Record<String, LanguageStats> record) {
        String key = bufferKey(record.key(), record.timestamp() - Math.floorMod(record.timestamp(), MINUTE));
        LanguageStats sum = buffer.get(key);
        buffer.put(key, sum == null ? record.value() : sum.merge(record.value()));
    }

    private void flush() {
        List<String> keys = new ArrayList<>();
        try (KeyValueIterator<String, LanguageStats> it = buffer.all()) {
            while (it.hasNext()) {
                var kv = it.next();
                keys.add(kv.key);
                int at = kv.key.lastIndexOf('@');
                context.forward(new Record<>(kv.key.substring(0, at), kv.value, Long.parseLong(kv.key.substring(at + 1))));
            }
        }
        keys.forEach(buffer::delete);
    }

    /** {@code lang@minuteStartMillis}: the language never contains '@' (it is a language code). */
    static String bufferKey(String lang, long minuteStart) {
        return lang + "@" + minuteStart;
    }
}
