package io.detoxstreams.eval.detox;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.data.Split;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rewriter's quality on the held-out TEST split of ../shared/data, with the real embedded classifier and the
 * shipped rewriter and fluency models (the same models the jar runs). Skips with a message when ../shared/data is
 * absent. Targets of issues 3 and 10; the ones not met are stated (and why) in MODEL_CARD.md (Rewriter), and the
 * assertions here guard what is reached, with a small margin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DetoxQualityTest {

    private static final Path DATA = Path.of("../shared/data");

    private ToxicityClassifier classifier;
    private DetoxReport report;

    private String skipReason;

    @BeforeAll
    void evaluate() {
        if (!Files.isDirectory(DATA.resolve("detox"))) {
            skipReason = "../shared/data/detox is absent: skipping the detox quality targets (CI has the data)";
            return;
        }
        // Judged and verified at the review band's lower bound, as the pipeline's rewriter verifies.
        classifier = EmbeddedToxicityClassifier.loadDefault().withThresholdsAtReviewBand();
        VerifyingDetoxifier detoxifier = EmbeddedDetoxifier.create(classifier,
                CompositeLanguageDetector.loadDefault(), Verifier.DEFAULT_SIMILARITY_FLOOR);
        report = new DetoxEvaluator(classifier, detoxifier).evaluate(DATA, EnumSet.of(Split.TEST));
        System.out.println(report.table());
    }

    @AfterAll
    void close() {
        if (classifier != null) {
            classifier.close();
        }
    }

    @org.junit.jupiter.api.BeforeEach
    void requireReport() {
        assumeTrue(skipReason == null, skipReason);
    }

    /**
     * Issue 10 asks for 1.25 × Delete on average (issue 3 for 1.15): not met — 1.12 on TEST, where the human
     * rewriters themselves get 1.10 (system {@code human}). The fluency check holds
     * rewrites that do not read as sentences (a fifth of the zh pairs, whose character-by-character deletions it
     * rejects), and a HOLD counts 0 in J; see MODEL_CARD.md (Rewriter).
     */
    @Test
    void shouldBeatDeleteOnAverageAndInEveryLanguage() {
        double jEmbedded = report.average(DetoxEvaluator.EMBEDDED, SystemScores::j);
        double jDelete = report.average(DetoxEvaluator.DELETE, SystemScores::j);
        assertThat(jEmbedded).isGreaterThanOrEqualTo(1.10 * jDelete);
        report.languages().forEach((lang, r) -> assertThat(r.system(DetoxEvaluator.EMBEDDED).j())
                .as("J(embedded) >= J(delete) in %s", lang)
                .isGreaterThanOrEqualTo(r.system(DetoxEvaluator.DELETE).j()));
    }

    @Test
    void shouldPublishRewritesTheFluencyModelJudgesFluentAndThatLeaveNoHole() {
        for (String lang : java.util.List.of("en", "ru")) {
            SystemScores s = report.languages().get(lang).system(DetoxEvaluator.EMBEDDED);
            assertThat(s.fluent()).as("fluent share of %s rewrites", lang).isGreaterThanOrEqualTo(0.85);
        }
        report.languages().forEach((lang, r) -> assertThat(r.system(DetoxEvaluator.EMBEDDED).dangling())
                .as("share of %s rewrites ending on a dangling word or orphaned punctuation", lang)
                .isLessThanOrEqualTo(0.05));
    }

    /**
     * The toxicity judge (the classifier at the review band's lower bound) must accept what people wrote where it is
     * trained best; where it rejects many human rewrites (de, es, zh: see MODEL_CARD.md) a rewriter that satisfies
     * it has to delete more than people do.
     */
    @Test
    void shouldJudgeMostHumanRewritesNonToxicInEnglishAndRussian() {
        for (String lang : java.util.List.of("en", "ru")) {
            SystemScores s = report.languages().get(lang).system(DetoxEvaluator.REFERENCE);
            assertThat(s.sta()).as("STA of the %s references", lang).isGreaterThanOrEqualTo(0.9);
            assertThat(s.sim()).as("SIM of the %s references", lang).isBetween(0.3, 0.99);
        }
    }

    /**
     * The human rewriters as a system (the best reference of each pair, ChrF = 1) must score a J between Delete's and
     * 1 in en and ru, and their J over Delete is the yardstick of the J targets: on TEST they get 1.10 × Delete on
     * average (MODEL_CARD.md), which is why issue 10's 1.25 is not reached by copying what people wrote either.
     */
    @Test
    void shouldScoreTheBestHumanRewriteOfEachPairAsASystem() {
        for (String lang : java.util.List.of("en", "ru")) {
            DetoxReport.LanguageResult r = report.languages().get(lang);
            SystemScores human = r.system(DetoxEvaluator.HUMAN);
            assertThat(human.rows()).isEqualTo(r.rows());
            assertThat(human.chrf()).isEqualTo(1.0);
            assertThat(human.j()).as("J of the %s references", lang)
                    .isGreaterThan(r.system(DetoxEvaluator.DELETE).j()).isLessThan(1.0);
            assertThat(human.sta()).as("STA of the best %s reference", lang).isGreaterThanOrEqualTo(0.95);
        }
    }

    /** The judge is worth something only if human rewrites pass it and plain deletion does not. */
    @Test
    void shouldJudgeHumanRewritesFluentAndPlainDeletionMuchLessSo() {
        for (String lang : java.util.List.of("en", "ru")) {
            DetoxReport.LanguageResult r = report.languages().get(lang);
            assertThat(r.system(DetoxEvaluator.REFERENCE).fluent()).as("references %s", lang)
                    .isGreaterThanOrEqualTo(0.85);
            assertThat(r.system(DetoxEvaluator.DELETE).fluent()).as("Delete %s", lang).isLessThanOrEqualTo(0.80);
            assertThat(r.system(DetoxEvaluator.DELETE).dangling()).as("Delete %s", lang).isGreaterThan(0.05);
        }
    }

    @Test
    void shouldPublishNonToxicRewritesAndHoldFewRewritablePairs() {
        report.languages().forEach((lang, r) -> {
            SystemScores s = r.system(DetoxEvaluator.EMBEDDED);
            assertThat(s.staRewrites()).as("STA among rewrites in %s", lang).isGreaterThanOrEqualTo(0.85);
        });
        // Issue 10 asks for <= 6 %: not met on the mean over languages (7.4 % on TEST, zh 17.4 %; pooled 3.2 %), see
        // MODEL_CARD.md (Rewriter).
        assertThat(report.average(DetoxEvaluator.EMBEDDED, SystemScores::holdRate)).isLessThanOrEqualTo(0.10);
    }

    /**
     * Not met at the shipped operating point, on purpose. 4,236 of the 9,568 sentences of cannot_rewrite/en.tsv also
     * occur in detox/en.tsv with a human rewrite, so any hold of such a text is also a hold of a rewritable pair:
     * holding 40% of cannot_rewrite costs about a quarter of the English rewritable pairs (DEV, --hold-threshold
     * 0.50: cannot_rewrite HOLD 44%, en HOLD 26%, J(en) 0.499 vs Delete 0.599, macro J ratio 1.14). The shipped
     * threshold (DEV: cannot_rewrite HOLD 14%, en HOLD 5%) keeps J(en) >= J(Delete); see
     * MODEL_CARD.md (Rewriter).
     */
    @Test
    @org.junit.jupiter.api.Disabled("issue 3 target not met at the shipped operating point (cannot_rewrite HOLD ~14% on "
            + "DEV): it conflicts with J(en) >= J(Delete); see MODEL_CARD.md (Rewriter)")
    void shouldHoldAtLeastFortyPercentOfNonDetoxifiableSentences() {
        assertThat(report.cannotRewrite().get("en").holdRate()).isGreaterThanOrEqualTo(0.40);
    }

    @Test
    void shouldHoldNonDetoxifiableSentencesMoreOftenThanRewritableOnes() {
        assertThat(report.cannotRewrite()).containsKey("en");
        double rewritable = report.languages().get("en").system(DetoxEvaluator.EMBEDDED).holdRate();
        assertThat(report.cannotRewrite().get("en").holdRate()).isGreaterThan(rewritable);
    }
}
