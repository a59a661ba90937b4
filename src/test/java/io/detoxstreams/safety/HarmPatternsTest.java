package io.detoxstreams.safety;

import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HarmPatternsTest {

    private final HarmPatterns patterns = HarmPatterns.shipped();

    @Test
    void shouldLoadRulesForEveryShippedLanguage() {
        for (String lang : HarmPatterns.LANGUAGES) {
            assertThat(patterns.covers(lang)).as(lang).isTrue();
        }
        assertThat(patterns.covers("ja")).isFalse();
        assertThat(patterns.find("I will kill you", "ja")).isEmpty();
    }

    @Test
    void shouldFindDirectAndConditionalThreatsWithTheirSpan() {
        String text = "If you show up at my house again I will hurt you.";
        HarmPatterns.Match m = patterns.find(text, "en").orElseThrow();
        assertThat(m.kind()).isEqualTo(HarmKind.THREAT);
        assertThat(text.substring(m.start(), m.end())).isEqualTo("I will hurt you");
        assertThat(m.rule()).startsWith("en.tsv line ");
        assertThat(patterns.find("Ich werde dich finden und dir wehtun", "de")).isPresent();
        assertThat(patterns.find("Я убью тебя завтра", "ru")).isPresent();
        assertThat(patterns.find("我明天就杀了你", "zh")).isPresent();
    }

    @Test
    void shouldMapSpansBackToOriginalOffsetsThroughFolding() {
        // Accents, capitals, typographic apostrophes and doubled spaces are folded for matching only.
        String text = "Bon.  JE  VAIS  TE  TUER, d’accord ?";
        HarmPatterns.Match m = patterns.find(text, "fr").orElseThrow();
        assertThat(text.substring(m.start(), m.end())).isEqualTo("JE  VAIS  TE  TUER");
        String de = "Ich weiß, wo du wohnst.";
        HarmPatterns.Match w = patterns.find(de, "de").orElseThrow();
        assertThat(de.substring(w.start(), w.end())).isEqualTo("Ich weiß, wo du wohnst");
    }

    @Test
    void shouldFindSelfHarmBeforeThreats() {
        assertThat(patterns.find("just kys already", "en").orElseThrow().kind()).isEqualTo(HarmKind.SELF_HARM);
        assertThat(HarmPatterns.selfHarm("повесься", "ru")).isTrue();
        assertThat(HarmPatterns.threat("повесься", "ru")).isFalse();
    }

    @Test
    void shouldLeaveEverydayViolentWordsAlone() {
        for (String clean : List.of("This game is killing me", "I'll shoot you a message later",
                "I'm going to kill this exam", "Two people were hurt in the crash, police said",
                "I'm dying to see the sequel", "if you die in the game you respawn", "I'll hit you up tomorrow",
                "I would never hurt you", "They do not deserve to be tortured like that")) {
            assertThat(patterns.find(clean, "en")).as(clean).isEmpty();
        }
        assertThat(patterns.find("Nehmen wir die Toten mit", "de")).isEmpty();
        assertThat(patterns.find("분위기 죽인다 고급진 얼굴", "ko")).isEmpty();
        assertThat(patterns.find("vou morrer de rir kkkk", "pt")).isEmpty();
    }

    @Test
    void shouldRejectABrokenRuleNamingItsLine() {
        assertThatThrownBy(() -> HarmPatterns.of("xx", List.of("# x", "threat\tkill\t(unclosed")))
                .hasMessageContaining("xx.tsv line 2");
        assertThatThrownBy(() -> HarmPatterns.of("xx", List.of("threat\tkill\t{NOPE} you")))
                .hasMessageContaining("{NOPE}");
    }

    @Test
    void triggersShouldNeverChangeADecisionOnTheSharedData() {
        SharedData.assumePresent();
        List<String[]> texts = new ArrayList<>();
        for (String lang : HarmPatterns.LANGUAGES) {
            for (Path f : List.of(SharedData.DIR.resolve("toxicity/" + lang + ".tsv"),
                    SharedData.DIR.resolve("toxicity/functional/" + lang + ".tsv"))) {
                if (Files.isRegularFile(f)) {
                    TsvTable t = TsvTable.read(f);
                    int c = t.requireColumn("text");
                    for (int r = 0; r < t.size(); r++) {
                        texts.add(new String[] {lang, t.get(r, c)});
                    }
                }
            }
            Path detox = SharedData.DIR.resolve("detox/" + lang + ".tsv");
            if (Files.isRegularFile(detox)) {
                for (DetoxPairs.Pair p : DetoxPairs.read(detox, EnumSet.allOf(Split.class))) {
                    texts.add(new String[] {lang, p.toxic()});
                }
            }
        }
        assertThat(texts).hasSizeGreaterThan(50_000);
        for (String[] t : texts) {
            assertThat(patterns.find(t[1], t[0]).isPresent()).as("%s: %s", t[0], t[1])
                    .isEqualTo(patterns.findWithoutTriggers(t[1], t[0]).isPresent());
        }
    }
}
