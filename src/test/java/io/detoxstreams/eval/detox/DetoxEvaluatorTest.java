package io.detoxstreams.eval.detox;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.data.Split;
import io.detoxstreams.language.CompositeLanguageDetector;
import io.detoxstreams.rewrite.CharNgramFScore;
import io.detoxstreams.rewrite.Verifier;
import io.detoxstreams.rewrite.VerifyingDetoxifier;
import io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@link DetoxEvaluator} on a data directory written here, with the shipped models (needs no ../shared/data). */
class DetoxEvaluatorTest {

    private static final String TOXIC = "you are a stupid idiot and your plan will not work";
    private static final String STILL_TOXIC = "you are a stupid idiot";
    private static final String CLEAN = "your plan will not work";

    @Test
    void shouldScoreTheReferenceTheJudgeRatesBestAsTheHumanSystem(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("detox"));
        Files.writeString(data.resolve("detox/en.tsv"), "toxic\tneutral\tneutral2\n" + TOXIC + "\t" + STILL_TOXIC
                + "\t" + CLEAN + "\n");
        ToxicityClassifier judge = EmbeddedToxicityClassifier.loadDefault().withThresholdsAtReviewBand();
        assertThat(judge.classify(STILL_TOXIC, "en").toxic()).as("the judge rejects the first reference").isTrue();
        assertThat(judge.classify(CLEAN, "en").toxic()).as("and accepts the second").isFalse();
        List<String[]> rows = new ArrayList<>();
        try (VerifyingDetoxifier detoxifier = EmbeddedDetoxifier.create(judge, CompositeLanguageDetector.loadDefault(),
                Verifier.DEFAULT_SIMILARITY_FLOOR)) {
            DetoxReport report = new DetoxEvaluator(judge, detoxifier).rowSink(rows::add)
                    .evaluate(data, EnumSet.allOf(Split.class));
            DetoxReport.LanguageResult en = report.languages().get("en");
            SystemScores references = en.system(DetoxEvaluator.REFERENCE);
            assertThat(references.rows()).isEqualTo(2);
            assertThat(references.sta()).isEqualTo(0.5);
            assertThat(references.j()).isNaN();
            SystemScores human = en.system(DetoxEvaluator.HUMAN);
            assertThat(human.rows()).isEqualTo(1);
            assertThat(human.sta()).isEqualTo(1.0);
            assertThat(human.chrf()).isEqualTo(1.0);
            assertThat(human.j()).isCloseTo(CharNgramFScore.similarity(CLEAN, TOXIC), within(1e-9));
            assertThat(report.toJson(java.util.Map.of())).containsKey("j_human_over_delete");
            assertThat(report.table()).contains("en   human", "J / Delete (macro): embedded ");
        }
        assertThat(rows).noneMatch(r -> r[1].equals(DetoxEvaluator.HUMAN)); // the dump keeps every reference instead
    }
}
