package io.detoxstreams.safety;

import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HarmPatternsTest {

    /** One example per rule: {lang, text, "threat"|"self"}. */
    private static final List<String[]> POSITIVES = List.of(
            new String[] {"en", "I'll find you", "threat"},
            new String[] {"en", "you are gonna die", "threat"},
            new String[] {"en", "they deserve to be shot", "threat"},
            new String[] {"en", "gas them all", "threat"},
            new String[] {"en", "someone put a bullet in him", "threat"},
            new String[] {"en", "Watch your back.", "threat"},
            new String[] {"en", "I know where you live", "threat"},
            new String[] {"en", "go hang yourselves", "self"},
            new String[] {"en", "kys", "self"},
            new String[] {"en", "go commit suicide", "self"},
            new String[] {"en", "slit your wrists", "self"},
            new String[] {"en", "i wanna to die", "self"},
            new String[] {"en", "drink bleach", "self"},
            new String[] {"en", "jump off a bridge", "self"},
            new String[] {"en", "take your own life", "self"},
            new String[] {"ru", "Урою", "threat"},
            new String[] {"ru", "повесить их", "threat"},
            new String[] {"ru", "тебе не жить", "threat"},
            new String[] {"ru", "убейся", "self"},
            new String[] {"ru", "убить себя", "self"},
            new String[] {"ru", "покончить с собой", "self"},
            new String[] {"uk", "вбʼю", "threat"},
            new String[] {"uk", "спалити їх", "threat"},
            new String[] {"uk", "вбийся", "self"},
            new String[] {"uk", "покінчити з собою", "self"},
            new String[] {"de", "Ich bringe dich um", "threat"},
            new String[] {"de", "alle vergasen", "threat"},
            new String[] {"de", "bring dich um", "self"},
            new String[] {"de", "Selbstmord", "self"},
            new String[] {"es", "te voy a matar", "threat"},
            new String[] {"es", "hay que fusilarlos", "threat"},
            new String[] {"es", "quemarlos", "threat"},
            new String[] {"es", "ahórcate", "self"},
            new String[] {"es", "quitarme la vida", "self"});

    @Test
    void shouldMatchOneExampleOfEveryRule() {
        for (String[] p : POSITIVES) {
            boolean threat = p[2].equals("threat");
            boolean hit = threat ? HarmPatterns.threat(p[1], p[0]) : HarmPatterns.selfHarm(p[1], p[0]);
            assertThat(hit).as("%s %s: %s", p[0], p[2], p[1]).isTrue();
        }
        assertThat(HarmPatterns.threat("the skills you have", "en")).isFalse();
        assertThat(HarmPatterns.threat("I'll find you", "zh")).as("no rules for zh").isFalse();
    }

    @Test
    void triggersShouldNeverChangeADecisionOnTheDetoxCorpora() {
        Path detox = Path.of("../shared/data/detox");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(detox),
                "../shared/data/detox is absent: checking the trigger prefilter on the hand-made examples only");
        for (String lang : List.of("en", "ru", "uk", "de", "es")) {
            for (DetoxPairs.Pair p : DetoxPairs.read(detox.resolve(lang + ".tsv"), EnumSet.of(Split.TRAIN, Split.DEV))) {
                assertThat(HarmPatterns.threat(p.toxic(), lang)).as(p.toxic())
                        .isEqualTo(HarmPatterns.withoutTriggers(p.toxic(), lang, true));
                assertThat(HarmPatterns.selfHarm(p.toxic(), lang)).as(p.toxic())
                        .isEqualTo(HarmPatterns.withoutTriggers(p.toxic(), lang, false));
            }
        }
    }
}
