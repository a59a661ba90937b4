package io.detoxstreams.language;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeLanguageDetectorTest {

    private static CompositeLanguageDetector detector;

    @BeforeAll
    static void load() {
        detector = CompositeLanguageDetector.loadDefault();
    }

    @AfterAll
    static void close() {
        detector.close();
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            "ko|이 영화 정말 재미있었어요",
            "zh|这部电影真的很好看",
            "el|Αυτή η ταινία ήταν πολύ καλή",
            "ar|هذا الفيلم كان رائعا جدا",
            "am|ይህ ፊልም በጣም ጥሩ ነበር",
            "uk|Цей фільм був дуже цікавий і її актори",
            "ru|Этот фильм был очень интересный, ты съел",
    })
    void shouldDecideByScript(String lang, String text) {
        LanguageGuess g = detector.detect(text, null);
        assertThat(g.lang()).isEqualTo(lang);
        assertThat(g.method()).isEqualTo("script");
        assertThat(g.confidence()).isGreaterThan(0.5);
    }

    @ParameterizedTest(name = "{0} <- {1}")
    @CsvSource(delimiter = '|', value = {
            "en|I really enjoyed this movie, the actors were great",
            "de|Ich habe diesen Film wirklich genossen, die Schauspieler waren toll",
            "fr|J'ai vraiment aimé ce film, les acteurs étaient formidables",
            "es|Me gustó mucho esta película, los actores fueron geniales",
            "pt|Eu gostei muito deste filme, os atores foram ótimos",
            "it|Mi è piaciuto molto questo film, gli attori erano bravissimi",
            "nl|Ik heb echt genoten van deze film, de acteurs waren geweldig",
            "pl|Bardzo podobał mi się ten film, aktorzy byli świetni",
            "tr|Bu filmi gerçekten çok beğendim, oyuncular harikaydı",
            "da|Jeg nød virkelig denne film, skuespillerne var fantastiske",
    })
    void shouldTellLatinScriptLanguagesApart(String lang, String text) {
        LanguageGuess g = detector.detect(text, null);
        assertThat(g.lang()).isEqualTo(lang);
        assertThat(g.method()).isIn("fast", "lingua");
    }

    @Test
    void shouldTrustAHintForAConfiguredLanguage() {
        LanguageGuess g = detector.detect("ok", "de");
        assertThat(g).extracting(LanguageGuess::lang, LanguageGuess::method).containsExactly("de", "hint");
        assertThat(detector.detect("this is an english sentence", "xx").method()).isNotEqualTo("hint");
    }

    @Test
    void shouldSayUndeterminedTooShortWhenThereIsNothingToGoOn() {
        for (String s : List.of("", "😀😀😀", "!!! ???", "12345", "ok", "\uD800\uDC00")) {
            LanguageGuess g = detector.detect(s, null);
            assertThat(g.lang()).as(s).isEqualTo("und");
            assertThat(g.isTooShort()).as(s).isTrue();
        }
    }

    @Test
    void shouldReportLanguagesItRecognisesByScriptEvenWhenNotConfigured() {
        // Japanese (kana, with or without Han), Thai, Hebrew, Georgian, Tamil: no model scores them, but the verdict
        // says what they are instead of und.
        assertThat(detector.detect("お前は本当にバカだな、黙れ。", null)).extracting(LanguageGuess::lang,
                LanguageGuess::method).containsExactly("ja", "script");
        assertThat(detector.detect("分かりやすい説明をありがとうございます。", "ja").lang()).isEqualTo("ja");
        assertThat(detector.detect("ภาพยนตร์เรื่องนี้ดีมาก", null).lang()).isEqualTo("th");
        assertThat(detector.detect("הסרט הזה היה מצוין", null).lang()).isEqualTo("he");
        assertThat(detector.detect("ეს ფილმი ძალიან კარგი იყო", null).lang()).isEqualTo("ka");
        assertThat(detector.detect("இந்த படம் மிகவும் நன்றாக இருந்தது", null).lang()).isEqualTo("ta");
        assertThat(detector.detect("ሰላም እንዴት ነህ", null).lang()).isEqualTo("am");
    }

    @Test
    void shouldKeepBatchOrder() {
        List<LanguageGuess> g = detector.detectBatch(List.of("这部电影真的很好看", "Ich habe diesen Film genossen"),
                Arrays.asList(null, null));
        assertThat(g).extracting(LanguageGuess::lang).containsExactly("zh", "de");
    }

    @Test
    void shouldRespectTheConfiguredLanguages() {
        try (CompositeLanguageDetector onlyRu = CompositeLanguageDetector.builder().languages(List.of("ru", "en"))
                .build()) {
            assertThat(onlyRu.detect("Цей фільм був дуже цікавий і її актори", null).lang()).isEqualTo("ru");
            assertThat(onlyRu.detect("这部电影真的很好看", null).lang()).isEqualTo("und");
        }
    }
}
