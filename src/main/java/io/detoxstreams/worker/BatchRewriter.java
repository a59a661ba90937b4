package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationResult;
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
 * held with reason {@code backend_failed}. Output order is input order.
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
                LOG.warn("rewrite batch of {} failed (attempt {}/{}): {}", pending.size(), attempt, maxAttempts, e.toString());
                if (attempt < maxAttempts) {
                    Thread.sleep(backoffMillis << (attempt - 1));
                }
            }
        }
        return pending.size() == 1 ? List.of(RewriterVerdicts.backendFailed(pending.get(0), maxAttempts,
                describe(last), clock.millis())) : oneByOne(pending, requests);
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
                LOG.warn("rewrite of comment {} failed on its own too; holding it: {}", pending.get(i).getId(), e.toString());
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

    private static String describe(RuntimeException e) {
        return e == null ? "unknown error" : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
