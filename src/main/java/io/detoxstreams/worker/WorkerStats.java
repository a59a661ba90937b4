package io.detoxstreams.worker;

import java.util.concurrent.atomic.AtomicLong;

/** Counters of one rewriter worker, readable from any thread (progress display, health). */
public final class WorkerStats {

    final AtomicLong batches = new AtomicLong();
    final AtomicLong rewritten = new AtomicLong();
    final AtomicLong held = new AtomicLong();
    final AtomicLong passed = new AtomicLong();
    final AtomicLong deadLettered = new AtomicLong();
    final AtomicLong aborted = new AtomicLong();
    final AtomicLong commitRetries = new AtomicLong();

    public long batches() {
        return batches.get();
    }

    public long rewritten() {
        return rewritten.get();
    }

    public long held() {
        return held.get();
    }

    public long passed() {
        return passed.get();
    }

    public long deadLettered() {
        return deadLettered.get();
    }

    /** Transactions aborted and retried after a recoverable Kafka error. */
    public long aborted() {
        return aborted.get();
    }

    /** Commits that timed out and were retried (the broker or its transaction coordinator did not answer in time). */
    public long commitRetries() {
        return commitRetries.get();
    }
}
