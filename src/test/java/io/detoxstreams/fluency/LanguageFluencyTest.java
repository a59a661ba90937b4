package io.detoxstreams.fluency;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped fluency models judge what a rewrite changed: holes read worse than the same sentence repaired. */
class LanguageFluencyTest {

    private final FluencyModel shipped = FluencyModel.loadDefault();

    /** {lang, original, rewrite with a hole, the same rewrite repaired}. */
    private static final List<String[]> TRIPLES = List.of(
            new String[] {"en", "he should man the fuck up .", "he should man the up .", "he should man up ."},
            new String[] {"en", "because his piece of shit parents covered for him .",
                    "because his piece of parents covered for him .", "because his parents covered for him ."},
            new String[] {"en", "get your head out of your ass !", "get your head out of your !",
                    "get your head out of there !"},
            new String[] {"en", "i don 't treat u like shit", "i don 't treat u like", "i don 't treat u badly"},
            new String[] {"ru", "ты тупой идиот и ничего не понимаешь", "ты и ничего не понимаешь",
                    "ты ничего не понимаешь"},
            new String[] {"ru", "эти уроды опять подняли цены", "эти опять подняли цены", "эти люди опять подняли цены"});

    @Test
    void shouldShipAModelWithAReferenceRangeForEveryLanguageWithHumanRewrites() {
        assertThat(shipped.models()).containsKeys("en", "ru", "uk", "de", "es", "zh", "hi");
        shipped.models().values().forEach(f -> assertThat(f.hasReferenceRange()).as(f.lang()).isTrue());
    }

    @Test
    void shouldScoreTheJunctionAHoleLeavesBelowTheRepairedSentence() {
        for (String[] t : TRIPLES) {
            LanguageFluency f = shipped.forLanguage(t[0]).orElseThrow();
            double hole = f.judge(t[1], t[2]).weakestJunction();
            double repaired = f.judge(t[1], t[3]).weakestJunction();
            assertThat(hole).as("'%s' vs '%s'", t[2], t[3]).isLessThan(repaired);
        }
    }

    /** The rewriter's own check and the verifier's judge the same pair: the second is the first's judgement. */
    @Test
    void shouldRememberTheLastJudgementsOfAThreadButNotConfuseThem() {
        LanguageFluency en = shipped.forLanguage("en").orElseThrow();
        String original = "you are a fucking idiot and your plan is bad";
        LanguageFluency.Judgement hole = en.judge(original, "you are a and your plan is bad");
        LanguageFluency.Judgement repair = en.judge(original, "your plan is bad");
        assertThat(en.judge(original, new String("you are a and your plan is bad"))).isSameAs(hole);
        assertThat(en.judge(original, "your plan is bad")).isSameAs(repair);
        assertThat(repair).isNotEqualTo(hole);
        assertThat(en.judge(java.util.List.of("you", "are", "a", "fucking", "idiot", "and", "your", "plan", "is",
                "bad"), java.util.List.of("your", "plan", "is", "bad"))).isEqualTo(repair);
    }

    @Test
    void shouldRejectAClearHoleAndAcceptItsRepairAtTheDefaultFloor() {
        LanguageFluency en = shipped.forLanguage("en").orElseThrow();
        String original = "you are a fucking idiot and your plan is bad";
        assertThat(en.fluent(en.judge(original, "you are a and your plan is bad"), 0.01)).isFalse();
        assertThat(en.fluent(en.judge(original, "you are wrong and your plan is bad"), 0.01)).isTrue();
        assertThat(en.fluent(en.judge("he is a fucking idiot", "he is a"), 0.01)).isFalse();
    }

    @Test
    void shouldJudgeACutAtTheEndByItsNewEndNotByHowOftenTextsEndThere() {
        // The human rewrite of a DEV/TEST pair: only </s> changed context, so the LM gives no verdict (it scored this
        // below every DEV reference); the junction model judges the new end, and still rejects a dangling article.
        LanguageFluency de = shipped.forLanguage("de").orElseThrow();
        LanguageFluency.Judgement cut = de.judge("Die.linken können tun was sie wollen dieses pack",
                "Die.linken können tun was sie wollen");
        assertThat(cut.perToken()).isNaN();
        assertThat(de.fluent(cut, 0.01)).isTrue();
        LanguageFluency en = shipped.forLanguage("en").orElseThrow();
        assertThat(en.judge("he is a fucking idiot", "he is a").perToken()).isNaN();
        assertThat(en.fluent(en.judge("he is a fucking idiot", "he is a"), 0.01)).isFalse();
        assertThat(en.judge("he is a fucking idiot and a liar", "he is a liar").perToken()).isNotNaN();
    }

    @Test
    void shouldFindNothingToJudgeInAnUnchangedText() {
        LanguageFluency en = shipped.forLanguage("en").orElseThrow();
        LanguageFluency.Judgement j = en.judge("the bus is late again .", "the bus is late again .");
        assertThat(j.unchanged()).isTrue();
        assertThat(en.fluent(j, 0.5)).isTrue();
    }

    @Test
    void shouldReadBackWhatItWritesByteForByte() throws Exception {
        LanguageFluency uk = shipped.forLanguage("uk").orElseThrow();
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        uk.write(a);
        LanguageFluency read = LanguageFluency.read(new ByteArrayInputStream(a.toByteArray()), "test");
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        read.write(b);
        assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
        assertThat(read.judge("це коли карент муд від \"мудак\"", "це коли карент від"))
                .isEqualTo(uk.judge("це коли карент муд від \"мудак\"", "це коли карент від"));
    }
}
