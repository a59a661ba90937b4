package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.ExplanationBuilder;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.policy.HoldPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The {@link Detoxifier}: policy, then each language's fallback chain of {@link Rewriter}s, each proposal checked by
 * the {@link Verifier}, then an explanation. Per request:
 * <ol>
 *   <li>threats and self-harm ({@link HoldPolicy#beforeRewrite}) are held at once;</li>
 *   <li>each backend of the request's chain ({@link Builder#chain}, else the default chain) in order proposes a
 *       rewrite; no proposal ({@link Rewrite#proposed()} false, or the backend call threw), an empty proposal, one
 *       that keeps no content of the original ({@link HoldPolicy#afterRewrite}) or one that fails verification moves
 *       on to the next backend;</li>
 *   <li>a request whose classifier verdict was "not toxic" and that no backend changed (or whose change failed) is
 *       PASSed unchanged; a toxic one that no backend could rewrite is HELD with the last failure as reason;</li>
 *   <li>but a toxic request that no backend could even try — every backend of its chain was unavailable for it
 *       ({@link Rewrite#unavailable}, or the call threw an {@linkplain BackendUnavailableException#isOutage outage}) —
 *       is not held: the whole batch fails with {@link BackendUnavailableException}, so the worker pauses and retries
 *       it later. A chain with a local fallback ({@code chat:NAME,embedded}) therefore degrades to the fallback
 *       during an outage, and a chain of remote backends only pauses.</li>
 * </ol>
 * The chains advance in rounds: round k sends every open request to the k-th backend of its chain, grouped by
 * backend, then by language and length within {@link Builder#maxBatchTokens} ({@link BackendBatches}), and verifies
 * all proposals of the round in one batch — so a poll batch becomes few, full backend batches.
 *
 * <p>Build with {@link #builder()}. Thread-safe: the classifier, detector and rewriters must be thread-safe
 * themselves. {@link #close()} closes each rewriter once, not the classifier or detector (shared models).
 */
public final class VerifyingDetoxifier implements Detoxifier {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyingDetoxifier.class);

    private final List<Rewriter> defaultChain;
    private final Map<String, List<Rewriter>> chains;
    private final Verifier verifier;
    private final HoldPolicy policy;
    private final int maxBatchTokens;
    private final List<BackendObserver> observers = new CopyOnWriteArrayList<>();

    private VerifyingDetoxifier(Builder b) {
        if (b.chain.isEmpty()) {
            throw new IllegalArgumentException("a detoxifier needs at least one rewriter");
        }
        this.defaultChain = List.copyOf(b.chain);
        Map<String, List<Rewriter>> c = new LinkedHashMap<>();
        b.chains.forEach((lang, chain) -> {
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("the rewriter chain of " + lang + " is empty");
            }
            c.put(lang, List.copyOf(chain));
        });
        this.chains = Map.copyOf(c);
        this.verifier = new Verifier(b.classifier, b.detector, b.similarityFloor);
        this.policy = b.policy;
        this.maxBatchTokens = b.maxBatchTokens;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link VerifyingDetoxifier}; {@link #classifier} and at least one {@link #rewriter} are required. */
    public static final class Builder {
        private final List<Rewriter> chain = new ArrayList<>();
        private final Map<String, List<Rewriter>> chains = new LinkedHashMap<>();
        private ToxicityClassifier classifier;
        private LanguageDetector detector;
        private double similarityFloor = Verifier.DEFAULT_SIMILARITY_FLOOR;
        private HoldPolicy policy = HoldPolicy.defaults();
        private int maxBatchTokens = Integer.MAX_VALUE;

        /** Appends a backend to the default fallback chain (first added is tried first). */
        public Builder rewriter(Rewriter r) {
            chain.add(r);
            return this;
        }

        /** The chain of one language, in order (instead of the default chain). */
        public Builder chain(String lang, List<Rewriter> backends) {
            chains.put(lang, List.copyOf(backends));
            return this;
        }

        public Builder classifier(ToxicityClassifier c) {
            this.classifier = c;
            return this;
        }

        /** Optional: without one the language check is skipped. */
        public Builder languageDetector(LanguageDetector d) {
            this.detector = d;
            return this;
        }

        public Builder similarityFloor(double floor) {
            this.similarityFloor = floor;
            return this;
        }

        public Builder policy(HoldPolicy p) {
            this.policy = p;
            return this;
        }

        /** Token budget of one call to a padded backend ({@code rewriter.max.batch.tokens}). */
        public Builder maxBatchTokens(int tokens) {
            if (tokens < 1) {
                throw new IllegalArgumentException("maxBatchTokens must be >= 1");
            }
            this.maxBatchTokens = tokens;
            return this;
        }

        public VerifyingDetoxifier build() {
            if (classifier == null) {
                throw new IllegalStateException("a detoxifier needs a classifier to verify rewrites");
            }
            return new VerifyingDetoxifier(this);
        }
    }

    /** Tells {@code o} of every backend call from now on. */
    public void addObserver(BackendObserver o) {
        observers.add(o);
    }

    public void removeObserver(BackendObserver o) {
        observers.remove(o);
    }

    @Override
    public List<ModerationDecision> detoxifyBatch(List<RewriteRequest> requests) {
        int n = requests.size();
        ModerationDecision[] out = new ModerationDecision[n];
        HoldReason[] failure = new HoldReason[n];
        String[] lastBackend = new String[n];
        boolean[] reached = new boolean[n];   // some backend tried it (proposed, or failed on this comment itself)
        List<Integer> open = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Optional<HoldReason> hold = policy.beforeRewrite(requests.get(i));
            if (hold.isPresent()) {
                out[i] = hold(requests.get(i), hold.get(), "policy", "policy");
            } else {
                open.add(i);
                failure[i] = HoldReason.BACKEND_FAILED;
            }
        }
        for (int round = 0; !open.isEmpty(); round++) {
            open = round(round, requests, open, out, failure, lastBackend, reached);
        }
        failIfUnavailable(requests, out, reached, lastBackend);
        for (int i = 0; i < n; i++) {
            if (out[i] == null) {
                RewriteRequest r = requests.get(i);
                out[i] = r.toxicity().toxic() ? hold(r, failure[i], "none", lastBackend[i]) : pass(r);
            }
        }
        return List.of(out);
    }

    /** Throws when a toxic request is undecided only because no backend of its chain could be reached. */
    private static void failIfUnavailable(List<RewriteRequest> requests, ModerationDecision[] out, boolean[] reached,
                                          String[] lastBackend) {
        int unavailable = 0;
        int served = 0;
        String example = null;
        for (int i = 0; i < out.length; i++) {
            if (reached[i]) {
                served++;
            } else if (out[i] == null && requests.get(i).toxicity().toxic()) {
                unavailable++;
                example = lastBackend[i];
            }
        }
        if (unavailable > 0) {
            throw new BackendUnavailableException("rewrite backend unavailable: " + unavailable + " of " + out.length
                    + " comment(s) could not be tried: "
                    + "every backend of their chain was unavailable (last: " + example + "); " + served
                    + " served", served);
        }
    }

    /** The chain of {@code lang}. */
    public List<Rewriter> chain(String lang) {
        return chains.getOrDefault(lang, defaultChain);
    }

    /**
     * Sends each open request to the {@code round}-th backend of its chain; returns the requests still open after
     * verification (those whose chain is exhausted are left undecided for the caller to hold or pass).
     */
    private List<Integer> round(int round, List<RewriteRequest> requests, List<Integer> open,
                                ModerationDecision[] out, HoldReason[] failure, String[] lastBackend,
                                boolean[] reached) {
        Map<Rewriter, List<Integer>> byBackend = new IdentityHashMap<>();
        List<Rewriter> order = new ArrayList<>();
        for (int i : open) {
            List<Rewriter> chain = chain(requests.get(i).lang());
            if (round < chain.size()) {
                Rewriter r = chain.get(round);
                if (!byBackend.containsKey(r)) {
                    order.add(r);
                }
                byBackend.computeIfAbsent(r, k -> new ArrayList<>()).add(i);
                lastBackend[i] = r.name();
            }
        }
        List<Integer> verifyIdx = new ArrayList<>();
        List<Rewrite> verifyRw = new ArrayList<>();
        List<String> verifyBackend = new ArrayList<>();
        List<Integer> stillOpen = new ArrayList<>();
        for (Rewriter backend : order) {
            for (BackendBatches.Call call : BackendBatches.plan(backend, requests, byBackend.get(backend),
                    maxBatchTokens)) {
                List<Rewrite> rewrites = call(backend, call, requests);
                for (int k = 0; k < call.requests().size(); k++) {
                    int i = call.requests().get(k);
                    RewriteRequest r = requests.get(i);
                    Rewrite w = rewrites.get(k);
                    reached[i] |= !w.unavailable();
                    if (!w.proposed()) {
                        failure[i] = HoldReason.BACKEND_FAILED;
                        stillOpen.add(i);
                    } else if (!r.toxicity().toxic() && unchanged(w)) {
                        out[i] = pass(r);
                    } else {
                        Optional<HoldReason> policyHold = Verifier.hasLetterOrDigit(w.text())
                                ? policy.afterRewrite(r, w) : Optional.of(HoldReason.EMPTY_REWRITE);
                        if (policyHold.isPresent()) {
                            failure[i] = policyHold.get();
                            stillOpen.add(i);
                        } else {
                            verifyIdx.add(i);
                            verifyRw.add(w);
                            verifyBackend.add(backend.name());
                        }
                    }
                }
            }
        }
        List<Verifier.Verdict> verdicts = verifier.verifyBatch(verifyIdx.stream().map(requests::get).toList(),
                verifyRw);
        for (int k = 0; k < verifyIdx.size(); k++) {
            int i = verifyIdx.get(k);
            Verifier.Verdict v = verdicts.get(k);
            if (v.passed()) {
                out[i] = rewritten(requests.get(i), verifyRw.get(k), v, verifyBackend.get(k));
            } else {
                failure[i] = v.failure();
                stillOpen.add(i);
            }
        }
        // Requests whose chain is exhausted stay undecided (out[i] == null) and are not carried into the next round.
        stillOpen.removeIf(i -> round + 1 >= chain(requests.get(i).lang()).size());
        Collections.sort(stillOpen);
        return stillOpen;
    }

    /**
     * One backend call. When it throws, every request of the call gets no proposal (and moves on): unavailable when
     * the exception says the backend is ({@link BackendUnavailableException#isOutage}), failed otherwise.
     */
    private List<Rewrite> call(Rewriter backend, BackendBatches.Call call, List<RewriteRequest> requests) {
        List<RewriteRequest> batch = call.requests().stream().map(requests::get).toList();
        long t0 = System.nanoTime();
        List<Rewrite> rewrites;
        try {
            rewrites = backend.rewriteBatch(batch);
            if (rewrites == null || rewrites.size() != batch.size()) {
                throw new IllegalStateException("returned " + (rewrites == null ? "null" : rewrites.size())
                        + " rewrites for " + batch.size() + " requests");
            }
        } catch (RuntimeException e) {
            LOG.warn("rewrite backend {} failed on a batch of {} ({}): {}", backend.name(), batch.size(), call.lang(),
                    e.toString());
            observe(backend, call.lang(), batch.size(), System.nanoTime() - t0, batch.size());
            Rewrite none = BackendUnavailableException.isOutage(e) ? Rewrite.unavailable(backend.name(), e.toString())
                    : Rewrite.failed(backend.name(), e.toString());
            return Collections.nCopies(batch.size(), none);
        }
        int failed = (int) rewrites.stream().filter(w -> !w.proposed()).count();
        if (failed > 0) {
            LOG.debug("rewrite backend {} made no proposal for {} of {}: {}", backend.name(), failed, batch.size(),
                    rewrites.stream().filter(w -> !w.proposed()).map(Rewrite::failure).distinct().toList());
        }
        observe(backend, call.lang(), batch.size(), System.nanoTime() - t0, failed);
        return rewrites;
    }

    private void observe(Rewriter backend, String lang, int size, long nanos, int failed) {
        for (BackendObserver o : observers) {
            o.backendCall(backend.name(), lang, size, nanos, failed);
        }
    }

    private static boolean unchanged(Rewrite w) {
        return w.edits().stream().noneMatch(e -> e.action() == EditAction.DELETED || e.action() == EditAction.REPLACED
                || e.action() == EditAction.REPHRASED);
    }

    private static ModerationDecision rewritten(RewriteRequest r, Rewrite w, Verifier.Verdict v, String backend) {
        double after = v.after().score();
        return new ModerationDecision(Action.REWRITE, w.text(), null, r.toxicity().score(), after, v.similarity(),
                ExplanationBuilder.rewritten(r.text(), r.toxicity(), w, after, backend));
    }

    private static ModerationDecision hold(RewriteRequest r, HoldReason reason, String method, String backend) {
        ToxicityResult t = r.toxicity();
        return new ModerationDecision(Action.HOLD, "", reason, t.score(), Double.NaN, Double.NaN,
                ExplanationBuilder.held(r.text(), t, reason, method, backend));
    }

    private static ModerationDecision pass(RewriteRequest r) {
        return new ModerationDecision(Action.PASS, r.text(), null, r.toxicity().score(), r.toxicity().score(), 1.0,
                null);
    }

    /** The backends of the default fallback chain, in order ({@link Rewriter#name()}). */
    public List<String> backends() {
        return defaultChain.stream().map(Rewriter::name).toList();
    }

    /** Every language's chain that differs from the default, by language ({@link Rewriter#name()}s). */
    public Map<String, List<String>> languageChains() {
        Map<String, List<String>> m = new java.util.TreeMap<>();
        chains.forEach((lang, chain) -> m.put(lang, chain.stream().map(Rewriter::name).toList()));
        return m;
    }

    @Override
    public void close() {
        java.util.Set<Rewriter> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.addAll(defaultChain);
        chains.values().forEach(all::addAll);
        for (Rewriter r : all) {
            r.close();
        }
    }
}
