package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.Category;
import io.detoxstreams.classify.TextTooLongException;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped model on hand-written comments: decisions, spans in original offsets, bad input. */
class EmbeddedToxicityClassifierTest {

    private static EmbeddedToxicityClassifier classifier;

    @BeforeAll
    static void load() {
        classifier = EmbeddedToxicityClassifier.loadDefault();
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
            "en|you are a stupid fucking idiot",
            "en|shut up you worthless piece of shit",
            "de|du bist ein dummer idiot und ein arschloch",
            "ru|ты тупой идиот и мразь",
            "pt|vai tomar no cu seu filho da puta",
            "tr|sen tam bir aptal ve salaksın, siktir git",
    })
    void shouldFlagObviousInsults(String lang, String text) {
        ToxicityResult r = classifier.classify(text, lang);
        assertThat(r.toxic()).as("score %.3f vs threshold %.3f", r.score(), r.threshold()).isTrue();
        assertThat(r.spans()).isNotEmpty();
    }

    @ParameterizedTest(name = "[{0}] {1}")
    @CsvSource(delimiter = '|', value = {
            "en|thank you so much for the detailed explanation, it helped a lot",
            "de|vielen dank für die hilfe, das war sehr nett",
            "ru|спасибо большое за помощь, очень приятно",
            "pt|obrigado pela ajuda, foi muito útil",
            "tr|yardımın için çok teşekkür ederim",
    })
    void shouldPassFriendlyComments(String lang, String text) {
        ToxicityResult r = classifier.classify(text, lang);
        assertThat(r.toxic()).as("score %.3f vs threshold %.3f", r.score(), r.threshold()).isFalse();
        assertThat(r.spans()).isEmpty();
    }

    @Test
    void shouldReportSpansInOriginalOffsetsThroughObfuscation() {
        String text = "Honestly you are an 1d10t and a ＳＴＵＰＩＤ person";
        ToxicityResult r = classifier.classify(text, "en");
        assertThat(r.toxic()).isTrue();
        List<String> fragments = r.spans().stream().map(s -> text.substring(s.start(), s.end())).toList();
        assertThat(String.join(" ", fragments)).containsAnyOf("1d10t", "ＳＴＵＰＩＤ");
        for (ToxicSpan s : r.spans()) {
            assertThat(s.start()).isBetween(0, text.length());
            assertThat(s.end()).isBetween(s.start() + 1, text.length());
            assertThat(s.score()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void shouldScoreTheLabelledCategoriesAndNeverSexual() {
        ToxicityResult r = classifier.classify("I will kill you, you dumb bitch", "en");
        for (Category c : List.of(Category.INSULT, Category.PROFANITY, Category.IDENTITY_ATTACK, Category.THREAT)) {
            assertThat(r.categories()).containsKey(c.wireName());
            assertThat(r.categories().get(c.wireName())).isBetween(0.0, 1.0);
        }
        // No source of ../shared/data labels sexual content: the model has no such head and never reports it.
        assertThat(r.categories()).doesNotContainKey(Category.SEXUAL.wireName());
        assertThat(r.categories().get("threat")).isGreaterThan(
                classifier.classify("what a lovely day", "en").categories().get("threat"));
    }

    @Test
    void shouldCallIdiotAndStupidInsultsAndNothingSexual() {
        for (String text : List.of("you are an idiot", "you are st*pid")) {
            ToxicityResult r = classifier.classify(text, "en");
            assertThat(r.toxic()).as(text).isTrue();
            assertThat(r.spans()).as(text).isNotEmpty();
            assertThat(r.spans()).as(text).allSatisfy(s -> assertThat(s.category()).isEqualTo("insult"));
        }
        // English has insult labels only from HateCheck, where "moron" never occurs: the model scores it an insult
        // at 0.44, under the 0.5 that names a category, so its span says toxicity (MODEL_CARD.md, categories).
        ToxicityResult moron = classifier.classify("you are a moron", "en");
        assertThat(moron.toxic()).isTrue();
        assertThat(moron.spans()).allSatisfy(s -> assertThat(s.category()).isIn("insult", "toxicity"));
        assertThat(moron.categories().get("insult")).isGreaterThan(0.4);
        for (String[] t : List.of(new String[] {"eres un idiota", "es"}, new String[] {"du bist ein Idiot", "de"},
                new String[] {"você é um idiota", "pt"}, new String[] {"tu es un idiot", "fr"})) {
            ToxicityResult r = classifier.classify(t[0], t[1]);
            assertThat(r.categories().get("insult")).as(t[0]).isGreaterThanOrEqualTo(0.5);
        }
    }

    @Test
    void shouldReportTheOperatingPointPerLanguage() {
        for (String lang : List.of("en", "de", "fr", "tr")) {
            assertThat(classifier.reviewThreshold(lang)).as(lang).isBetween(0.0, classifier.threshold(lang));
        }
        assertThat(classifier.threatThreshold("en")).isBetween(0.5, 1.0);
        assertThat(classifier.threatThreshold("tr")).as("no threat labels in Turkish").isInfinite();
        assertThat(classifier.withThresholds(Map.of("en", 0.1)).reviewThreshold("en"))
                .as("the band never reaches above an overridden threshold").isLessThanOrEqualTo(0.1);
    }

    @Test
    void shouldGiveCleanResultsForTextsWithoutWords() {
        for (String s : List.of("", "   ", "😀😀🎉", "!!!???...", "12345")) {
            ToxicityResult r = classifier.classify(s, "und");
            assertThat(r.toxic()).as(s).isFalse();
            assertThat(r.spans()).isEmpty();
        }
        assertThat(classifier.classify("", "en").score()).isZero();
    }

    @Test
    void shouldSurviveInvalidSurrogatesAndMixedScripts() {
        ToxicityResult r = classifier.classify("\uD83D idiot \uDC00 Привет 你好 مرحبا", "und");
        assertThat(r.score()).isBetween(0.0, 1.0);
        ToxicityResult unknownLang = classifier.classify("you idiot", "xx");
        assertThat(unknownLang.threshold()).isEqualTo(classifier.threshold("xx"));
    }

    @Test
    void shouldApplyOperatorThresholdOverrides() {
        String text = "you are a stupid idiot";
        EmbeddedToxicityClassifier strict = classifier.withThresholds(java.util.Map.of("en", 0.999999));
        assertThat(strict.threshold("en")).isEqualTo(0.999999);
        assertThat(strict.threshold("de")).isEqualTo(classifier.threshold("de"));
        ToxicityResult r = strict.classify(text, "en");
        assertThat(r.score()).isEqualTo(classifier.classify(text, "en").score());
        assertThat(r.toxic()).isEqualTo(r.score() >= 0.999999);
        assertThatThrownBy(() -> classifier.withThresholds(java.util.Map.of("en", 1.5)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRejectOversizedTextsWithALengthError() {
        String huge = "a".repeat(1 << 20);
        assertThatThrownBy(() -> classifier.classify(huge, "en")).isInstanceOf(TextTooLongException.class)
                .hasMessageContaining("limit");
    }

    @Test
    void shouldRoundTripThroughTheModelFile() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelCodec.write(classifier.model(), bytes);
        EmbeddedToxicityClassifier copy = new EmbeddedToxicityClassifier(
                ModelCodec.read(new ByteArrayInputStream(bytes.toByteArray())), 1000);
        for (String s : List.of("you are a stupid idiot", "nice weather today", "du bist dumm")) {
            assertThat(copy.classify(s, "en").score()).isCloseTo(classifier.classify(s, "en").score(),
                    org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    /** Comments and every one-word deletion of them: the kind of texts the rewriter's self-check re-scores. */
    private static List<String[]> commentsAndTheirDeletions() {
        List<String[]> out = new java.util.ArrayList<>();
        for (String[] c : new String[][]{
                {"en", "you are a stupid fucking idiot and everyone knows it"},
                {"en", "i will find you and kill you, you worthless piece of shit"},
                {"en", "thank you so much for the detailed explanation, it helped a lot"},
                {"en", "this woman is a greedy lunatic who should shut up"},
                {"de", "du bist ein dummer idiot und ein arschloch"},
                {"ru", "ты тупой идиот и мразь, я тебя убью"},
                {"ru", "спасибо большое за помощь, очень приятно"},
                {"es", "eres un estúpido de mierda, cállate"},
                {"zh", "你这个傻逼,去死吧"},
                {"uk", "ти дурень і покидьок"}}) {
            out.add(c);
            String[] words = c[1].split(" ");
            for (int i = 0; i < words.length; i++) {
                List<String> kept = new java.util.ArrayList<>(List.of(words));
                kept.remove(i);
                out.add(new String[]{c[0], String.join(" ", kept)});
            }
        }
        return out;
    }

    @Test
    void shouldGiveTheVerdictOfAFullRunWithoutItsCategoriesUnderTheThreshold() {
        int toxic = 0;
        int clean = 0;
        for (String[] c : commentsAndTheirDeletions()) {
            ToxicityResult full = classifier.classify(c[1], c[0]);
            ToxicityResult verdict = classifier.verdict(c[1], c[0]);
            assertThat(verdict.score()).as(c[1]).isEqualTo(full.score());
            assertThat(verdict.toxic()).as(c[1]).isEqualTo(full.toxic());
            assertThat(verdict.threshold()).as(c[1]).isEqualTo(full.threshold());
            if (full.toxic()) {
                assertThat(verdict).as("a toxic text's verdict is the full result: %s", c[1]).isEqualTo(full);
                toxic++;
            } else {
                clean++;
            }
        }
        assertThat(toxic).as("toxic texts among the samples").isGreaterThan(10);
        assertThat(clean).as("clean texts among the samples").isGreaterThan(10);
    }

    @Test
    void shouldFindTheSpansAtSeveralThresholdsAsSeparateRunsDo() {
        double[] thresholds = {0.6, 0.35, 0.2, 0.1};
        int spans = 0;
        for (String[] c : commentsAndTheirDeletions()) {
            List<List<ToxicSpan>> ladder = classifier.spansAt(c[1], c[0], thresholds);
            assertThat(ladder).hasSize(thresholds.length);
            for (int t = 0; t < thresholds.length; t++) {
                assertThat(ladder.get(t)).as("%s at %s", c[1], thresholds[t])
                        .isEqualTo(classifier.score(c[1], c[0], true, thresholds[t]).spans());
                spans += ladder.get(t).size();
            }
        }
        assertThat(spans).isGreaterThan(100);
    }

    @Test
    void shouldWriteTheSameModelFileWhateverOrderItsMetadataMapsIterateIn() throws Exception {
        LinearModel m = classifier.model();
        Map<String, Object> ab = new java.util.LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("x", 1.5, "y", "two"));
        Map<String, Object> ba = new java.util.LinkedHashMap<>();
        ba.put("b", Map.of("y", "two", "x", 1.5));
        ba.put("a", 1);
        byte[][] files = new byte[2][];
        int k = 0;
        for (Map<String, Object> meta : List.of(ab, ba)) {
            LinearModel.ModelInfo info = new LinearModel.ModelInfo(m.info().version(), m.info().maxCharN(),
                    m.info().defaultThreshold(), m.info().spanThreshold(), meta);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            ModelCodec.write(TrainingAccess.withInfo(m, info), bytes);
            files[k++] = bytes.toByteArray();
        }
        assertThat(files[1]).isEqualTo(files[0]);
    }
}
