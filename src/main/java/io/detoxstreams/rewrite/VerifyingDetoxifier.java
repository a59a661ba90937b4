package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.ExplanationBuilder;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.language.LanguageDetector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@link Detoxifier}: policy, then a fallback chain of {@link Rewriter}s, each proposal checked by the
 * {@link Verifier}, then an explanation. Per request:
 * <ol>
 *   <li>what the {@link RewritePolicy} holds before rewriting (threats, self-harm, …) is held at once;</li>
 *   <li>each backend in order proposes a rewrite for the requests still open; a declined or empty proposal, one that
 *       keeps no content of the original ({@link RewritePolicy#afterRewrite}) or one that fails verification moves on
 *       to the next backend; a backend that throws is skipped for that batch;</li>
 *   <li>a request whose classifier verdict was "not toxic" and that no backend changed (or whose change failed) is
 *       PASSed unchanged; a toxic one that no backend could rewrite is HELD with the last failure as reason.</li>
 * </ol>
 * Build with {@link #builder()} (classifier, policy and at least one rewriter are required; the shipped policy is
 * {@code HoldPolicy.defaults()}). Thread-safe: it has no mutable state; the classifier, detector and rewriters must be
 * thread-safe themselves. {@link #close()} closes the rewriters, not the classifier or detector (shared models).
 */
public final class VerifyingDetoxifier implements Detoxifier {

    private static final Logger LOG = LoggerFactory.getLogger(VerifyingDetoxifier.class);

    private final List<Rewriter> chain;
    private final Verifier verifier;
    private final RewritePolicy policy;

    private VerifyingDetoxifier(List<Rewriter> chain, Verifier verifier, RewritePolicy policy) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a detoxifier needs at least one rewriter");
        }
        this.chain = List.copyOf(chain);
        this.verifier = verifier;
        this.policy = policy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a {@link VerifyingDetoxifier}; {@link #classifier}, {@link #policy} and at least one {@link #rewriter} are
     * required.
     */
    public static final class Builder {
        private final List<Rewriter> chain = new ArrayList<>();
        private ToxicityClassifier classifier;
        private LanguageDetector detector;
        private double similarityFloor = Verifier.DEFAULT_SIMILARITY_FLOOR;
        private FluencyModel fluency = FluencyModel.none();
        private double fluencyFloor;
        private RewritePolicy policy;

        /** Appends a backend to the fallback chain (first added is tried first). */
        public Builder rewriter(Rewriter r) {
            chain.add(r);
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

        /** The hold rules, e.g. {@code HoldPolicy.defaults()}; required, so no caller runs without threat checks. */
        /**
         * Optional: checks that rewrites read as sentences (see {@link Verifier}); {@code floor} is the share of the
         * language's human rewrites that would fail, 0 turns it off.
         */
        public Builder fluency(FluencyModel model, double floor) {
            this.fluency = model;
            this.fluencyFloor = floor;
            return this;
        }

        public Builder policy(RewritePolicy p) {
            this.policy = p;
            return this;
        }

        public VerifyingDetoxifier build() {
            if (classifier == null) {
                throw new IllegalStateException("a detoxifier needs a classifier to verify rewrites");
            }
            if (policy == null) {
                throw new IllegalStateException("a detoxifier needs a hold policy (e.g. HoldPolicy.defaults())");
            }
            return new VerifyingDetoxifier(chain, new Verifier(classifier, detector, similarityFloor, fluency, fluencyFloor), policy);
        }
    }

    @Override
    public List<ModerationDecision> detoxifyBatch(List<RewriteRequest> requests) {
        int n = requests.size();
        ModerationDecision[] out = new ModerationDecision[n];
        HoldReason[] failure = new HoldReason[n];
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
        for (Rewriter rewriter : chain) {
            if (open.isEmpty()) {
                break;
            }
            open = tryBackend(rewriter, requests, open, out, failure);
        }
        for (int i : open) {
            RewriteRequest r = requests.get(i);
            out[i] = r.toxicity().toxic() ? hold(r, failure[i], "none", chain.get(chain.size() - 1).name()) : pass(r);
        }
        return List.of(out);
    }

    /** Runs one backend on the open requests; returns those still open afterwards. */
    private List<Integer> tryBackend(Rewriter rewriter, List<RewriteRequest> requests, List<Integer> open,
                                     ModerationDecision[] out, HoldReason[] failure) {
        List<RewriteRequest> batch = open.stream().map(requests::get).toList();
        List<Rewrite> rewrites;
        try {
            rewrites = rewriter.rewriteBatch(batch);
        } catch (RuntimeException e) {
            LOG.warn("rewrite backend {} failed on a batch of {}: {}", rewriter.name(), batch.size(), e.toString());
            return open;
        }
        List<Integer> verifyIdx = new ArrayList<>();
        List<RewriteRequest> verifyReq = new ArrayList<>();
        List<Rewrite> verifyRw = new ArrayList<>();
        List<Integer> stillOpen = new ArrayList<>();
        for (int k = 0; k < open.size(); k++) {
            int i = open.get(k);
            RewriteRequest r = requests.get(i);
            Rewrite w = rewrites.get(k);
            if (!r.toxicity().toxic() && unchanged(w)) {
                out[i] = pass(r);
                continue;
            }
            Optional<HoldReason> policyHold = w.declined() != null ? Optional.of(w.declined())
                    : Verifier.hasLetterOrDigit(w.text()) ? policy.afterRewrite(r, w)
                    : Optional.of(HoldReason.EMPTY_REWRITE);
            if (policyHold.isPresent()) {
                failure[i] = policyHold.get();
                stillOpen.add(i);
            } else {
                verifyIdx.add(i);
                verifyReq.add(r);
                verifyRw.add(w);
            }
        }
        List<Verifier.Verdict> verdicts = verifier.verifyBatch(verifyReq, verifyRw);
        for (int k = 0; k < verifyIdx.size(); k++) {
            int i = verifyIdx.get(k);
            Verifier.Verdict v = verdicts.get(k);
            if (v.passed()) {
                out[i] = rewritten(requests.get(i), verifyRw.get(k), v, rewriter.name());
            } else {
                failure[i] = v.failure();
                stillOpen.add(i);
            }
        }
        stillOpen.sort(Integer::compare);
        return stillOpen;
    }

    private static boolean unchanged(Rewrite w) {
        return w.edits().stream().noneMatch(e -> e.action() == EditAction.DELETED || e.action() == EditAction.REPLACED
                || e.action() == EditAction.REPHRASED);
    }

    private static ModerationDecision rewritten(RewriteRequest r, Rewrite w, Verifier.Verdict v, String backend) {
        double after = v.after().score();
        return new ModerationDecision(Action.REWRITE, w.text(), null, r.toxicity().score(), after, v.similarity(),
                ExplanationBuilder.rewritten(r.text(), r.toxicity(), w.edits(), w.method(), after, backend));
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

    /** The backends of the fallback chain, in order ({@link Rewriter#name()}). */
    public List<String> backends() {
        return chain.stream().map(Rewriter::name).toList();
    }

    @Override
    public void close() {
        for (Rewriter r : chain) {
            r.close();
        }
    }
}
