package io.detoxstreams.eval;

import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.eval.baseline.CharNgramBaseline;
import io.detoxstreams.scoring.BinaryMetrics;
import io.detoxstreams.testdata.SharedData;
import io.detoxstreams.train.Progress;
import io.detoxstreams.train.SourcePolicy;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped classifier on the held-out TEST split of ../shared/data, against the plain per-language char n-gram
 * baseline trained in the same run. Floors sit a little under the measured values (see MODEL_CARD.md), so a
 * regression fails the build. Languages whose only data is non-shippable (am: no licence, es: CC-BY-NC) are left
 * out of the shipped model's natural-comment floors; they are reported, not asserted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassificationQualityTest {

    private static final List<String> NOT_SHIPPABLE = List.of("am", "es");
    private ClassificationReport report;

    @BeforeAll
    void evaluate() {
        SharedData.assumePresent();
        try (EmbeddedToxicityClassifier c = EmbeddedToxicityClassifier.loadDefault()) {
            ClassificationReport r = new ClassificationEvaluation(c, "test", java.util.Set.of(), Progress.NONE).run(SharedData.DIR);
            report = new ClassificationReport(r.model(), r.split(), r.toxicity(), r.functional(), r.spanF1(),
                    CharNgramBaseline.evaluate(SharedData.DIR, "test", Progress.NONE));
        }
        System.out.println(ClassificationReportWriter.table(report));
    }

    private Map<String, BinaryMetrics> shippable() {
        return report.toxicity().stream().filter(s -> !NOT_SHIPPABLE.contains(s.lang()))
                .collect(Collectors.toMap(LanguageScore::lang, LanguageScore::metrics));
    }

    @Test
    void shouldBeatTheCharNgramBaselineOnShippableLanguages() {
        Map<String, BinaryMetrics> ours = shippable();
        double oursMean = ours.values().stream().mapToDouble(BinaryMetrics::macroF1).average().orElseThrow();
        double baseMean = report.baseline().stream().filter(s -> ours.containsKey(s.lang()))
                .mapToDouble(s -> s.metrics().macroF1()).average().orElseThrow();
        assertThat(oursMean).isGreaterThan(baseMean);
    }

    @Test
    void shouldKeepMacroF1AndAucFloorsOnShippableLanguages() {
        Map<String, BinaryMetrics> ours = shippable();
        assertThat(ours.values().stream().mapToDouble(BinaryMetrics::macroF1).average().orElseThrow())
                .isGreaterThan(0.75);
        assertThat(ours.values().stream().mapToDouble(BinaryMetrics::rocAuc).average().orElseThrow())
                .isGreaterThan(0.84);
        ours.forEach((lang, m) -> assertThat(m.macroF1()).as(lang).isGreaterThan(0.63));
    }

    @Test
    void shouldPassMostHateCheckFunctionalTests() {
        assertThat(report.meanFunctionalAccuracy()).isGreaterThan(0.68);
    }

    @Test
    void shouldFindEnglishToxicSpans() {
        assertThat(report.spanF1().get("en")).isGreaterThan(0.53);
    }

    @Test
    void shouldShipOnlyPermissivelyLicensedSources() {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Number>> counts = (Map<String, Map<String, Number>>) EmbeddedToxicityClassifier
                .loadDefault().model().info().metadata().get("training_examples");
        assertThat(counts).isNotEmpty();
        counts.values().forEach(bySource -> bySource.keySet().forEach(key ->
                assertThat(SourcePolicy.isRestricted(key.substring(key.indexOf(':') + 1))).as(key).isFalse()));
    }
}
