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
 * A failing backend never drops a record: the batch is retried with exponential backoff, up to {@code maxAttempts}
 * times. Then:
 * <ul>
 *   <li>the backend is unavailable ({@link BackendUnavailableException#isOutage}: down, timing out, circuit open):
 *       nothing is held; {@link BackendUnavailableException} goes up to the worker, which pauses consumption and
 *       retries the batch later;</li>
 *   <li>it failed otherwise: each comment is tried on its own (one bad comment must not hold back the rest), and a
 *       comment that fails on its own too is held with reason {@code backend_failed};</li>
 *   <li>the backend was unavailable for some comments on every attempt while it served the others
 *       ({@link BackendUnavailableException#served()} &gt; 0 each time — e.g. a server that answers 500 to one
 *       particular comment): each comment is tried on its own, and one the backend is still unavailable for while it
 *       served another of the batch is held {@code backend_failed}, so that one comment cannot stop its partition.
 *       If it served none of them, it is an outage after all (above).</li>
 * </ul>
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
        boolean servedOthersEachTime = pending.size() > 1;
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
                servedOthersEachTime &= BackendUnavailableException.served(e) > 0;
                LOG.warn("rewrite batch of {} failed (attempt {}/{}): {}", pending.size(), attempt, maxAttempts, describe(e));
                if (attempt < maxAttempts) {
                    Thread.sleep(backoffMillis << (attempt - 1));
                }
            }
        }
        if (BackendUnavailableException.isOutage(last) && !servedOthersEachTime) {
            throw unavailable(pending.size(), last);
        }
        return pending.size() == 1 ? List.of(RewriterVerdicts.backendFailed(pending.get(0), maxAttempts,
                describe(last), clock.millis())) : oneByOne(pending, requests, servedOthersEachTime);
    }

    private BackendUnavailableException unavailable(int size, RuntimeException cause) {
        return cause instanceof BackendUnavailableException b ? b
                : new BackendUnavailableException("rewrite backend unavailable for a batch of " + size + ": "
                        + describe(cause), cause);
    }

    /**
     * Each comment on its own. An unavailable backend stops the pass (retry the batch later) unless
     * {@code servedOthers}: then the comments it is unavailable for are held, provided it served another one alone.
     */
    private List<ModerationResult> oneByOne(List<ModerationResult> pending, List<RewriteRequest> requests,
                                            boolean servedOthers) {
        ModerationResult[] out = new ModerationResult[pending.size()];
        RuntimeException[] unavailable = new RuntimeException[pending.size()];
        RuntimeException outage = null;
        int decided = 0;
        for (int i = 0; i < pending.size(); i++) {
            long t0 = System.nanoTime();
            try {
                ModerationDecision d = call(List.of(requests.get(i))).get(0);
                out[i] = RewriterVerdicts.decided(pending.get(i), d, (System.nanoTime() - t0) / 1_000, maxAttempts + 1,
                        clock.millis());
                decided++;
            } catch (RuntimeException e) {
                if (BackendUnavailableException.isOutage(e)) {
                    if (!servedOthers) {
                        throw unavailable(pending.size(), e);   // the backend went away: hold nothing, retry later
                    }
                    unavailable[i] = e;
                    outage = e;
                    continue;
                }
                LOG.warn("rewrite of comment {} failed on its own too; holding it: {}", pending.get(i).getId(), describe(e));
                out[i] = RewriterVerdicts.backendFailed(pending.get(i), maxAttempts + 1, describe(e), clock.millis());
            }
        }
        if (outage != null && decided == 0) {
            throw unavailable(pending.size(), outage);   // it serves nobody now: an outage after all
        }
        for (int i = 0; i < out.length; i++) {
            if (unavailable[i] != null) {
                LOG.warn("rewrite backend unavailable for comment {} on every attempt while it served {} other(s) of "
                        + "the batch; holding it: {}", pending.get(i).getId(), decided, describe(unavailable[i]));
                out[i] = RewriterVerdicts.backendFailed(pending.get(i), maxAttempts + 1, "the backend served "
                        + decided + " other comment(s) of the batch but never this one: " + describe(unavailable[i]),
                        clock.millis());
            }
        }
        return List.of(out);
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
