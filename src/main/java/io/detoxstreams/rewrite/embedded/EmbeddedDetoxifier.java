package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.rewrite.MemoizingClassifier;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.policy.HoldPolicy;

/**
 * The default CPU detoxifier: the shipped {@link EmbeddedRewriter} behind a {@link VerifyingDetoxifier} with the
 * default {@link HoldPolicy} (including the shipped non-detoxifiable model) and the shipped {@link FluencyModel} both
 * choosing the rewriter's edits and checking its rewrites. Rewriter self-check and verifier share one
 * {@link MemoizingClassifier}, so the verifier's re-score of a rewrite is the self-check's score of the same text
 * rather than a second classifier run.
 *
 * <pre>{@code
 * Detoxifier d = EmbeddedDetoxifier.create(classifier, detector, Verifier.DEFAULT_SIMILARITY_FLOOR);
 * }</pre>
 */
public final class EmbeddedDetoxifier {

    private EmbeddedDetoxifier() {
    }

    /**
     * @param classifier      scores rewrites (shared; not closed by the detoxifier)
     * @param detector        checks the language of rewrites that insert words; null skips the check
     * @param similarityFloor minimum content similarity of a rewrite to its original
     */
    public static VerifyingDetoxifier create(ToxicityClassifier classifier, LanguageDetector detector,
                                             double similarityFloor) {
        return create(classifier, detector, similarityFloor, HoldPolicy.defaults());
    }

    public static VerifyingDetoxifier create(ToxicityClassifier classifier, LanguageDetector detector,
                                             double similarityFloor, HoldPolicy policy) {
        return create(classifier, detector, similarityFloor, policy, Verifier.DEFAULT_FLUENCY_FLOOR);
    }

    /**
     * @param fluencyFloor share of the language's human rewrites the fluency check would reject (see
     *                     {@link Verifier}); 0 turns the check off (the fluency model still chooses the edits)
     */
    public static VerifyingDetoxifier create(ToxicityClassifier classifier, LanguageDetector detector,
                                             double similarityFloor, HoldPolicy policy, double fluencyFloor) {
        MemoizingClassifier rescoring = new MemoizingClassifier(classifier);
        FluencyModel fluency = FluencyModel.loadDefault();
        return VerifyingDetoxifier.builder()
                .classifier(rescoring)
                .languageDetector(detector)
                .rewriter(EmbeddedRewriter.loadDefault(rescoring))
                .similarityFloor(similarityFloor)
                .fluency(fluency, fluencyFloor)
                .policy(policy)
                .build();
    }
}
