package io.detoxstreams.rewrite;

import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.language.CompositeLanguageDetector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The verifier with the shipped classifier and language detector. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerifierTest {

    private EmbeddedToxicityClassifier classifier;
    private CompositeLanguageDetector detector;
    private Verifier verifier;

    @BeforeAll
    void load() {
        classifier = EmbeddedToxicityClassifier.loadDefault();
        detector = CompositeLanguageDetector.loadDefault();
        verifier = new Verifier(classifier, detector, Verifier.DEFAULT_SIMILARITY_FLOOR);
    }

    @AfterAll
    void close() {
        detector.close();
        classifier.close();
    }

    private Verifier.Verdict verify(String original, String lang, String rewrite) {
        return verify(verifier, original, lang, rewrite);
    }

    private Verifier.Verdict verify(Verifier v, String original, String lang, String rewrite) {
        RewriteRequest r = new RewriteRequest(original, lang, classifier.classify(original, lang));
        return v.verifyBatch(List.of(r), List.of(new Rewrite(rewrite, "test", List.of()))).get(0);
    }

    @Test
    void shouldHoldARewriteThatLeavesAHoleAndPassItsRepairWhenTheFluencyCheckIsOn() {
        Verifier fluent = new Verifier(classifier, detector, Verifier.DEFAULT_SIMILARITY_FLOOR,
                FluencyModel.loadDefault(), Verifier.DEFAULT_FLUENCY_FLOOR);
        String original = "you are a fucking idiot and your plan is bad";
        assertThat(verify(fluent, original, "en", "you are a and your plan is bad").failure())
                .isEqualTo(HoldReason.NOT_FLUENT);
        assertThat(verify(fluent, original, "en", "you are wrong and your plan is bad").failure())
                .isNotEqualTo(HoldReason.NOT_FLUENT);
        assertThat(verify(verifier, original, "en", "you are a and your plan is bad").failure())
                .as("without a fluency model the hole is not seen").isNotEqualTo(HoldReason.NOT_FLUENT);
    }

    @Test
    void shouldHoldARewriteThatAnswersInAnotherLanguage() {
        Verifier anySimilarity = new Verifier(classifier, detector, 0.0);
        Verifier.Verdict v = verify(anySimilarity,
                "Die Regierung hat wieder einmal völlig versagt und lügt uns alle an, diese Idioten", "de",
                "The government has failed completely once again and lies to all of us");
        assertThat(v.failure()).isEqualTo(HoldReason.LANGUAGE_CHANGED);
    }

    @Test
    void shouldNotAskTheDetectorAboutARewriteMadeOfTheOriginalsWords() {
        Verifier.Verdict v = verify("biden is a fucking dickhead .", "en", "biden is.");
        assertThat(v.failure()).isNotEqualTo(HoldReason.LANGUAGE_CHANGED);
    }

    @Test
    void shouldHoldWhatIsStillToxicOrTooFarFromTheOriginal() {
        assertThat(verify("you are a fucking idiot and your plan is bad", "en",
                "you are a fucking idiot and your plan").failure()).isEqualTo(HoldReason.STILL_TOXIC);
        assertThat(verify("you are a fucking idiot and your plan is bad", "en", "ok").failure())
                .isEqualTo(HoldReason.MEANING_LOST);
        assertThat(verify("you are a fucking idiot", "en", "...").failure()).isEqualTo(HoldReason.EMPTY_REWRITE);
        Verifier.Verdict ok = verify("your fucking plan is bad for the schools", "en", "your plan is bad for the schools");
        assertThat(ok.passed()).isTrue();
        assertThat(ok.after().toxic()).isFalse();
    }
}
