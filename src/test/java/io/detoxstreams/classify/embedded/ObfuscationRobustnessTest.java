package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Obfuscated variants of toxic dev sentences (leet, spaced letters, homoglyphs, zero-width characters, repeated
 * letters, masked letters) keep at least 90% of the recall the classifier has on the clean sentences: pooled over
 * all languages, and per language where there are at least 100 toxic dev sentences (below that one sentence moves
 * recall by more than a point, so such languages count in the pool only). Toxic dev sentences are the toxic dev rows
 * of {@code toxicity/<lang>.tsv} and the toxic sides of dev pairs in {@code detox/<lang>.tsv}. The words obfuscated
 * are those the classifier flags on the clean sentence (what a user would disguise).
 */
class ObfuscationRobustnessTest {

    private static final List<String> LANGUAGES = List.of("en", "de", "pt", "tr", "da", "ru");
    private static final int MIN_PER_LANGUAGE = 100;
    private static final int MAX_PER_LANGUAGE = 400;
    private static EmbeddedToxicityClassifier classifier;

    @BeforeAll
    static void load() {
        SharedData.assumePresent();
        classifier = EmbeddedToxicityClassifier.loadDefault();
    }

    @AfterAll
    static void close() {
        if (classifier != null) {
            classifier.close();
        }
    }

    /**
     * At the review band's lower bound (where the model reads a comment as at least uncertain: the first model's
     * F1-optimal thresholds, so the same rule as the first model's result), per language and pooled.
     */
    @Test
    void shouldKeepNinetyPercentOfRecallUnderEveryObfuscation() {
        assertThat(robustness(classifier.withThresholdsAtReviewBand(), true)).isEmpty();
    }

    /**
     * At the shipped (rewrite) thresholds recall is lower and small per-language counts are noisy (pt: 111 of 400
     * clean hits): pooled over the languages; the per-language rows are printed.
     */
    @Test
    void shouldKeepNinetyPercentOfPooledRecallAtTheShippedThresholds() {
        assertThat(robustness(classifier, false)).isEmpty();
    }

    private static List<String> robustness(EmbeddedToxicityClassifier classifier, boolean perLanguage) {
        Map<String, BiFunction<String, Random, String>> kinds = new LinkedHashMap<>();
        kinds.put("leet", Obfuscations::leet);
        kinds.put("spaced", Obfuscations::spaced);
        kinds.put("homoglyphs", Obfuscations::homoglyphs);
        kinds.put("zero-width", Obfuscations::zeroWidth);
        kinds.put("repeats", Obfuscations::repeats);
        kinds.put("masked", Obfuscations::masked);
        StringBuilder report = new StringBuilder();
        List<String> failures = new ArrayList<>();
        int pooledN = 0;
        int pooledClean = 0;
        Map<String, Integer> pooled = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            List<String> toxic = toxicDevSentences(lang);
            int cleanHits = 0;
            Map<String, Integer> hits = new LinkedHashMap<>();
            Random random = new Random(11);
            for (String s : toxic) {
                ToxicityResult clean = classifier.classify(s, lang);
                if (clean.toxic()) {
                    cleanHits++;
                }
                List<ToxicSpan> targets = clean.spans().isEmpty() ? List.of() : clean.spans();
                for (var kind : kinds.entrySet()) {
                    String variant = Obfuscations.apply(s, targets, w -> kind.getValue().apply(w, random));
                    if (classifier.classify(variant, lang).toxic()) {
                        hits.merge(kind.getKey(), 1, Integer::sum);
                    }
                }
            }
            pooledN += toxic.size();
            pooledClean += cleanHits;
            hits.forEach((k, v) -> pooled.merge(k, v, Integer::sum));
            double cleanRecall = cleanHits / (double) toxic.size();
            report.append(String.format(Locale.ROOT, "%s: n=%d clean recall %.3f", lang, toxic.size(), cleanRecall));
            for (String kind : kinds.keySet()) {
                double recall = hits.getOrDefault(kind, 0) / (double) toxic.size();
                report.append(String.format(Locale.ROOT, ", %s %.3f", kind, recall));
                if (perLanguage && toxic.size() >= MIN_PER_LANGUAGE && recall < 0.9 * cleanRecall) {
                    failures.add(lang + "/" + kind + String.format(Locale.ROOT, " %.3f < 0.9 × %.3f", recall,
                            cleanRecall));
                }
            }
            report.append('\n');
        }
        double pooledRecall = pooledClean / (double) pooledN;
        report.append(String.format(Locale.ROOT, "all: n=%d clean recall %.3f", pooledN, pooledRecall));
        for (String kind : kinds.keySet()) {
            double recall = pooled.getOrDefault(kind, 0) / (double) pooledN;
            report.append(String.format(Locale.ROOT, ", %s %.3f", kind, recall));
            if (recall < 0.9 * pooledRecall) {
                failures.add("all/" + kind);
            }
        }
        report.append('\n');
        System.out.print((perLanguage ? "at the review thresholds\n" : "at the shipped thresholds\n") + report);
        failures.add(0, report.toString());
        return failures.size() == 1 ? List.of() : failures;
    }

    private static List<String> toxicDevSentences(String lang) {
        List<String> out = new ArrayList<>();
        TsvTable t = TsvTable.read(SharedData.DIR.resolve("toxicity/" + lang + ".tsv"));
        for (int r = 0; r < t.size() && out.size() < MAX_PER_LANGUAGE; r++) {
            String text = t.get(r, "text");
            if (t.get(r, "label").equals("1") && Split.of(text) == Split.DEV) {
                out.add(text);
            }
        }
        java.nio.file.Path detox = SharedData.DIR.resolve("detox/" + lang + ".tsv");
        if (java.nio.file.Files.isRegularFile(detox)) {
            TsvTable d = TsvTable.read(detox);
            for (int r = 0; r < d.size() && out.size() < MAX_PER_LANGUAGE; r++) {
                String text = d.get(r, "toxic");
                if (Split.of(text) == Split.DEV) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
