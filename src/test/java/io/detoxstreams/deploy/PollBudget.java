package io.detoxstreams.deploy;

import io.detoxstreams.config.ChatSettings;
import io.detoxstreams.config.DetoxConfig;

/**
 * The longest a rewriter's poll batch can spend on a chat backend, against the consumer's {@code max.poll.interval.ms}
 * (README, "Using real models"): the batch's requests go out {@code max.in.flight} at a time, and each may take
 * {@code timeout.ms} per attempt with up to {@code max.retries} retries, each after at most {@code retry.max.backoff.ms}.
 * Past {@code max.poll.interval.ms} the worker is thrown out of its group mid-batch.
 */
final class PollBudget {

    private static final long DEFAULT_MAX_POLL_INTERVAL_MS = 300_000;

    private PollBudget() {
    }

    static long worstCaseMillis(DetoxConfig c, ChatSettings chat) {
        int batch = c.getInt(DetoxConfig.REWRITER_MAX_BATCH);
        long waves = (batch + chat.maxInFlight() - 1) / chat.maxInFlight();
        long perRequest = chat.timeout().toMillis() * (chat.maxRetries() + 1L)
                + chat.retryMaxBackoff().toMillis() * chat.maxRetries();
        return waves * perRequest;
    }

    static long maxPollIntervalMillis(DetoxConfig c) {
        Object v = c.kafkaProperties().get("max.poll.interval.ms");
        return v == null ? DEFAULT_MAX_POLL_INTERVAL_MS : Long.parseLong(v.toString().trim());
    }
}
