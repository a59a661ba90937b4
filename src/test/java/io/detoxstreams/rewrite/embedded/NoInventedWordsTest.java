package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rewrite is made of the comment's own words and the replacements its explanation names, nothing else: no word
 * glued together by a repair ("You are a complete idiot and …" once came out "You are not goodn and …" — the article
 * "a" had been replaced by "not good" and was then still treated as an article before "and", which gained an "n").
 * Checked with the models the jar builds from the default configuration (a rewrite is verified at the review band's
 * lower bound there) on the sentences that showed it and on every DEV toxic sentence of ../shared/data/detox (skipped,
 * with a message, when the data is absent).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NoInventedWordsTest {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+");
    private static final Set<String> UNSPACED = Set.of("zh", "ja", "th");

    private Models models;

    @BeforeAll
    void load() {
        models = ModelFactory.load(new DetoxConfig(Map.of()));
    }

    @AfterAll
    void close() {
        models.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"You are a complete idiot and nobody wants to read your garbage.",
            "you are a complete moron and I hate this", "you are an absolute idiot and a liar",
            "he is a total jerk and everyone knows it", "she is a stupid cow and an awful boss"})
    void shouldUseOnlyTheCommentsWordsAndTheNamedReplacements(String text) {
        assertThat(invented(text, "en")).as(text).isEmpty();
    }

    /** The table scores the lone letter of ":-d" as toxic (editors dropped emoticons); it once left "...::::". */
    @Test
    void shouldKeepEmoticonsWhole() {
        String text = "заебал этот китай,уже когда они там переболеют все,ну или передохнут...:-d :-d :-d :-d";
        ModerationDecision d = models.detoxifier().detoxify(new RewriteRequest(text, "ru",
                models.classifier().classify(text, "ru")));
        assertThat(d.action()).isEqualTo(Action.REWRITE);
        assertThat(d.text()).endsWith("...:-d :-d :-d :-d");
    }

    @Test
    void shouldInventNoWordOnTheDevPairs() {
        SharedData.assumePresent();
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (String lang : DetoxPairs.languages(SharedData.DIR.resolve("detox"))) {
            for (DetoxPairs.Pair p : DetoxPairs.read(SharedData.DIR.resolve("detox").resolve(lang + ".tsv"),
                    EnumSet.of(Split.DEV))) {
                checked++;
                String bad = invented(p.toxic(), lang);
                if (!bad.isEmpty()) {
                    failures.add(lang + ": " + p.toxic() + " -> " + bad);
                }
            }
        }
        System.out.printf("checked %d DEV toxic sentences, %d with an invented word%n", checked, failures.size());
        assertThat(checked).isGreaterThan(100);
        assertThat(failures).isEmpty();
    }

    /** The words of the rewrite of {@code text} found neither in {@code text} nor in a replacement; "" if none. */
    private String invented(String text, String lang) {
        ToxicityResult t = models.classifier().classify(text, lang);
        ModerationDecision d = models.detoxifier().detoxify(new RewriteRequest(text, lang, t));
        if (d.action() != Action.REWRITE) {
            return "";
        }
        Set<String> allowed = words(text, lang);
        if (allowed.contains("a") || allowed.contains("an")) {
            allowed.addAll(Set.of("a", "an")); // "a toxic environment" → "an environment" is the repair, not a new word
        }
        for (SpanEdit e : d.explanation().spans()) {
            if (e.action() == EditAction.REPLACED) {
                allowed.addAll(words(e.replacement(), lang));
            }
        }
        Set<String> out = words(d.text(), lang);
        out.removeAll(allowed);
        return out.isEmpty() ? "" : d.text() + " " + out;
    }

    private static Set<String> words(String s, String lang) {
        Set<String> out = new HashSet<>();
        String lower = s.toLowerCase(Locale.ROOT);
        if (UNSPACED.contains(lang)) {
            lower.codePoints().filter(Character::isLetterOrDigit).forEach(cp -> out.add(Character.toString(cp)));
            return out;
        }
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
