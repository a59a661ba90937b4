package io.detoxstreams.ingest;

import io.detoxstreams.config.DetoxConfig;

/**
 * The size limits the pipeline keeps so that nothing it writes can fail the producer (DESIGN §8).
 *
 * @param inputMaxBytes   largest input record accepted (key + value + headers), {@code input.max.bytes}
 * @param recordsMaxBytes largest record written, {@code records.max.bytes} (or less, after {@code max.request.size})
 */
public record RecordLimits(int inputMaxBytes, int recordsMaxBytes) {

    public static RecordLimits from(DetoxConfig config) {
        return new RecordLimits(config.getInt(DetoxConfig.INPUT_MAX_BYTES), config.recordsMaxBytes());
    }

    /** The defaults of {@link DetoxConfig}. */
    public static RecordLimits defaults() {
        return from(new DetoxConfig(java.util.Map.of()));
    }

    /**
     * The largest result value: an output record also carries its input's key and headers, which together are at most
     * {@link #inputMaxBytes}.
     */
    public int resultMaxBytes() {
        return recordsMaxBytes - inputMaxBytes;
    }

    public DeadLetters deadLetters() {
        return new DeadLetters(recordsMaxBytes);
    }
}
