package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.rewrite.BackendUnavailableException;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one poll batch of pending results into final ones with a single {@code Detoxifier.detoxifyBatch} call.
 * A failing backend never drops a record: the batch is retried with exponential backoff; if it still fails, each
 * comment is tried on its own (one bad comment must not hold back the rest), and a comment that fails every attempt is
 * held with reason {@code backend_failed}. But when the failure says the backend itself is unavailable
 * ({@link BackendUnavailableException#isOutage}) after the last attempt, nothing is held:
 * {@link BackendUnavailableException} goes up to the worker, which pauses consumption and retries the batch later.
 * Output order is input order.
 *
 * <pre>{@code
 * BatchRewriter r = new BatchRewriter(detoxifier, 3, 200, Clock.systemUTC());
 * List<ModerationResult> finals = r.rewrite(pending);
 * }</pre>
 */
public final class BatchRewriter {

    private static final Logger LOG = LoggerFactory.getLogger(BatchRewriter.class);

    private final Detoxifier detoxifier;
    private final int maxAttempts;
    private final long backoffMillis;
    private final Clock clock;

    public BatchRewriter(Detoxifier detoxifier, int maxAttempts, long backoffMillis, Clock clock) {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1");
        }
        this.detoxifier = detoxifier;
        this.maxAttempts = maxAttempts;
        this.backoffMillis = backoffMillis;
        this.clock = clock;
    }

    /**
     * @throws BackendUnavailableException the backend is unavailable: nothing was decided, retry the batch later
     */
    public List<ModerationResult> rewrite(List<ModerationResult> pending) throws InterruptedException {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<RewriteRequest> requests = pending.stream().map(RewriterVerdicts::request).toList();
        RuntimeException last = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            long t0 = System.nanoTime();
            try {
                List<ModerationDecision> decisions = call(requests);
                long perComment = (System.nanoTime() - t0) / 1_000 / pending.size();
                List<ModerationResult> out = new ArrayList<>(pending.size());
                for (int i = 0; i < pending.size(); i++) {
                    out.add(RewriterVerdicts.decided(pending.get(i), decisions.get(i), perComment, attempt, clock.millis()));
                }
                return out;
            } catch (RuntimeException e) {
                last = e;
                LOG.warn("rewrite batch of {} failed (attempt {}/{}): {}", pending.size(), attempt, maxAttempts, describe(e));
                if (attempt < maxAttempts) {
                    Thread.sleep(backoffMillis << (attempt - 1));
                }
            }
        }
        if (BackendUnavailableException.isOutage(last)) {
            throw unavailable(pending.size(), last);
        }
        return pending.size() == 1 ? List.of(RewriterVerdicts.backendFailed(pending.get(0), maxAttempts,
                describe(last), clock.millis())) : oneByOne(pending, requests);
    }

    private BackendUnavailableException unavailable(int size, RuntimeException cause) {
        return cause instanceof BackendUnavailableException b ? b
                : new BackendUnavailableException("rewrite backend unavailable for a batch of " + size + ": "
                        + describe(cause), cause);
    }

    private List<ModerationResult> oneByOne(List<ModerationResult> pending, List<RewriteRequest> requests) {
        List<ModerationResult> out = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            long t0 = System.nanoTime();
            try {
                ModerationDecision d = call(List.of(requests.get(i))).get(0);
                out.add(RewriterVerdicts.decided(pending.get(i), d, (System.nanoTime() - t0) / 1_000, maxAttempts + 1,
                        clock.millis()));
            } catch (RuntimeException e) {
                if (BackendUnavailableException.isOutage(e)) {
                    throw unavailable(pending.size(), e);   // the backend went away: hold nothing, retry later
                }
                LOG.warn("rewrite of comment {} failed on its own too; holding it: {}", pending.get(i).getId(), describe(e));
                out.add(RewriterVerdicts.backendFailed(pending.get(i), maxAttempts + 1, describe(e), clock.millis()));
            }
        }
        return out;
    }

    private List<ModerationDecision> call(List<RewriteRequest> requests) {
        List<ModerationDecision> decisions = detoxifier.detoxifyBatch(requests);
        if (decisions == null || decisions.size() != requests.size()) {
            throw new IllegalStateException("detoxifier returned " + (decisions == null ? "null" : decisions.size())
                    + " decisions for " + requests.size() + " requests");
        }
        return decisions;
    }

    /** The error, bounded: a backend's message may be long (or quote the request). */
    static String describe(Throwable e) {
        if (e == null) {
            return "unknown error";
        }
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        return m.length() <= 300 ? m : m.substring(0, 299) + "…";
    }
}
