package io.detoxstreams.classify.embedded;

import io.detoxstreams.bench.BenchmarkCorpus;
import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one-pass scoring of every head ({@link LinearModel#logits}) gives each head's logit bit for bit as scoring that
 * head alone ({@link LinearModel#logit}), with and without per-language copies and for unknown languages, so the
 * classifier's scores, categories and spans do not depend on which path computed them.
 */
class LinearModelLogitsTest {

    private static LinearModel model;

    @BeforeAll
    static void load() {
        model = EmbeddedToxicityClassifier.loadDefault().model();
    }

    @Test
    void shouldScoreEveryHeadInOnePassExactlyAsEachHeadAlone() {
        List<String[]> comments = List.of(
                new String[] {"en", "you are a stupid fucking idiot and i will find you"},
                new String[] {"en", "thank you so much for the detailed explanation"},
                new String[] {"de", "du bist ein dummer idiot und ein arschloch"},
                new String[] {"ru", "ты тупой идиот и мразь"},
                new String[] {"ja", "お前は本当にバカだな"},
                new String[] {"zh", "你这个傻瓜，滚开"},
                new String[] {"und", "mixed Sprache und слова 🙂 ok"},
                new String[] {"xx", "a language the model has no data for"});
        for (String[] c : comments) {
            assertSameLogits(c[1], c[0]);
        }
        assertThat(model.languages().stream().anyMatch(l -> model.copies[model.languageIndex(l)])).isTrue();
        assertThat(model.languages().stream().anyMatch(l -> !model.copies[model.languageIndex(l)]))
                .as("some language without per-language copies, so both loops are exercised").isTrue();
    }

    @Test
    void shouldScoreSharedDataCommentsOfEveryLanguageExactlyAsEachHeadAlone() {
        SharedData.assumePresent();
        System.setProperty("detox.bench.data", SharedData.DIR.toString());
        List<BenchmarkCorpus.Comment> sample = BenchmarkCorpus.load(40);
        assertThat(sample).hasSizeGreaterThan(200);
        for (BenchmarkCorpus.Comment c : sample) {
            assertSameLogits(c.text(), c.lang());
            assertSameLogits(c.text(), "und");
        }
    }

    private static void assertSameLogits(String text, String lang) {
        int li = model.languageIndex(lang);
        FeatureBuffer fb = new FeatureBuffer();
        model.featurizer.extract(new EmbeddedToxicityClassifier(model, 100_000).normalizer().normalize(text).text(),
                model.lexiconSeed(li), fb);
        int[] langHashes = new int[Math.max(1, fb.size)];
        double scale = model.prepare(fb, li, langHashes);
        double[] fused = new double[model.headCount()];
        model.logits(fb, li, langHashes, scale, fused);
        List<Double> alone = new ArrayList<>();
        List<Double> together = new ArrayList<>();
        for (int h = 0; h < model.headCount(); h++) {
            alone.add(model.logit(h, fb, li, langHashes, scale));
            together.add(fused[h]);
        }
        assertThat(together).as("[%s] %s", lang, text).isEqualTo(alone);
    }
}
