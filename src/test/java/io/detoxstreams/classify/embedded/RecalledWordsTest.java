package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verdict whose words' own features are recalled ({@link RecalledWords}) is the score of the full classification
 * bit for bit, on first sight of its words and on later sights, in every language and script; and a toxic verdict is
 * the full result.
 */
class RecalledWordsTest {

    private static EmbeddedToxicityClassifier classifier;
    private static LinearModel model;

    @BeforeAll
    static void load() {
        classifier = EmbeddedToxicityClassifier.loadDefault();
        model = classifier.model();
    }

    private static final List<String[]> COMMENTS = List.of(
            new String[] {"en", "you are a stupid fucking idiot and i will find you"},
            new String[] {"en", "you are a stupid idiot"},
            new String[] {"en", "you are a"},
            new String[] {"en", "thank you so much for the detailed explanation, you are kind"},
            new String[] {"en", "pneumonoultramicroscopicsilicovolcanoconiosis is a long word, idiot"},
            new String[] {"de", "du bist ein dummer idiot und ein arschloch"},
            new String[] {"de", "du bist ein idiot"},
            new String[] {"ru", "ты тупой идиот и мразь"},
            new String[] {"ru", "ты идиот"},
            new String[] {"ko", "너는 정말 바보 같은 놈이야 바보"},
            new String[] {"zh", "你这个傻瓜，滚开 idiot"},
            new String[] {"ja", "お前は本当にバカだな"},
            new String[] {"und", "mixed Sprache und слова 🙂 ok idiot"},
            new String[] {"xx", "a language the model has no data for, idiot"},
            new String[] {"en", "   "},
            new String[] {"en", "@someone https://example.org 12345"});

    @Test
    void shouldGiveTheFullScoreBitForBitWhenWordsAreRecalled() {
        for (int pass = 0; pass < 3; pass++) {
            for (String[] c : COMMENTS) {
                assertSameVerdict(c[1], c[0]);
            }
        }
    }

    @Test
    void shouldRecallWordsSeenBeforeAndListOnlyTheirBigramsAndLexiconHits() {
        RecalledWords recalled = new RecalledWords(model);
        int li = model.languageIndex("en");
        String text = classifier.normalizer().normalize("you are a stupid idiot and you are a liar").text();
        FeatureBuffer full = new FeatureBuffer();
        model.featurizer.extract(text, model.lexiconSeed(li), full);
        FeatureBuffer first = new FeatureBuffer();
        model.featurizer.extract(text, model.lexiconSeed(li), first, recalled.language(li));
        assertThat(recalled.recalls()).as("the second 'you are a' is recalled").isEqualTo(3);
        assertThat(first.occurrences()).isEqualTo(full.size);
        FeatureBuffer second = new FeatureBuffer();
        model.featurizer.extract(text, model.lexiconSeed(li), second, recalled);
        assertThat(recalled.recalls()).isEqualTo(3 + 10);
        assertThat(second.occurrences()).isEqualTo(full.size);
        assertThat(second.size).as("listed: the bigrams and lexicon hits only").isLessThan(full.size / 4);
        int[] langHashes = new int[full.size];
        double expected = model.logit(0, full, li, langHashes, model.prepare(full, li, langHashes));
        double actual = model.logit(0, second, li, langHashes, model.prepare(second, li, langHashes));
        assertThat(actual).isEqualTo(expected);
        assertThatThrownBy(() -> model.logit(1, second, li, langHashes, 1.0))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldKeepLanguagesApart() {
        RecalledWords recalled = new RecalledWords(model);
        String text = "idiot idiot";
        FeatureBuffer fb = new FeatureBuffer();
        model.featurizer.extract(text, 0, fb, recalled.language(model.languageIndex("en")));
        model.featurizer.extract(text, 0, fb, recalled.language(model.languageIndex("de")));
        assertThat(recalled.recalls()).as("once per language, never across").isEqualTo(2);
    }

    @Test
    void shouldGiveTheFullScoreBitForBitOnEveryDetoxPairOfSharedData() {
        SharedData.assumePresent();
        Path detox = SharedData.DIR.resolve("detox");
        List<String[]> texts = new ArrayList<>();
        for (String lang : DetoxPairs.languages(detox)) {
            for (DetoxPairs.Pair p : DetoxPairs.read(detox.resolve(lang + ".tsv"), EnumSet.of(Split.DEV))) {
                texts.add(new String[] {lang, p.toxic()});
                p.references().forEach(r -> texts.add(new String[] {lang, r}));
            }
        }
        assertThat(texts).hasSizeGreaterThan(5_000);
        for (String[] t : texts) {
            assertSameVerdict(t[1], t[0]);
        }
    }

    private static void assertSameVerdict(String text, String lang) {
        ToxicityResult full = classifier.classify(text, lang);
        ToxicityResult verdict = classifier.verdictBatch(List.of(text), List.of(lang)).get(0);
        assertThat(verdict.score()).as("[%s] %s", lang, text).isEqualTo(full.score());
        if (full.toxic()) {
            assertThat(verdict).as("[%s] %s", lang, text).isEqualTo(full);
        }
    }
}
