package io.detoxstreams.rewrite;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CharNgramFScoreTest {

    @Test
    void shouldScoreIdenticalTextsAsOne() {
        assertThat(CharNgramFScore.chrF("you are wrong", "you are wrong")).isEqualTo(1.0);
    }

    @Test
    void shouldIgnoreWhitespaceLikeSacrebleu() {
        assertThat(CharNgramFScore.chrF("you are wrong .", "youare wrong.")).isEqualTo(1.0);
    }

    @Test
    void shouldMatchHandComputedValueForOneSubstitutedCharacter() {
        // "abc" vs "abd": 1-grams P=R=2/3, 2-grams P=R=1/2, 3-grams 0; orders 4..6 have no n-grams.
        // avg P = avg R = (2/3 + 1/2 + 0) / 3 = 7/18, and F-beta of equal P and R is that value.
        assertThat(CharNgramFScore.chrF("abc", "abd")).isCloseTo(7.0 / 18.0, within(1e-12));
    }

    @Test
    void shouldWeightRecallTwiceAsMuchAsPrecision() {
        // hyp "ab", ref "abcd": 1-grams P=1, R=2/4; 2-grams P=1, R=1/3; orders 3..6: hyp has none.
        // P=1, R=(1/2+1/3)/2=5/12; F2 = 5*P*R/(4P+R) = (25/12)/(4+5/12) = 25/53.
        assertThat(CharNgramFScore.chrF("ab", "abcd")).isCloseTo(25.0 / 53.0, within(1e-12));
        // Swapped: P=5/12, R=1 → F2 = 5*(5/12)/(4*5/12+1) = (25/12)/(32/12) = 25/32.
        assertThat(CharNgramFScore.chrF("abcd", "ab")).isCloseTo(25.0 / 32.0, within(1e-12));
    }

    @Test
    void shouldTakeTheBestReference() {
        assertThat(CharNgramFScore.chrF("abc", List.of("xyz", "abd", "abc"))).isEqualTo(1.0);
        assertThat(CharNgramFScore.chrF("abc", List.of())).isZero();
    }

    @Test
    void shouldCountCodePointsNotUtf16Units() {
        // One emoji is one character: "a😀" vs "a😀" share both 1-grams and the 2-gram.
        assertThat(CharNgramFScore.chrF("a\uD83D\uDE00", "a\uD83D\uDE00")).isEqualTo(1.0);
        assertThat(CharNgramFScore.chrF("a\uD83D\uDE00", "a\uD83D\uDE01")).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void shouldBeZeroForEmptyHypothesisAndSymmetricForSimilarity() {
        assertThat(CharNgramFScore.chrF("", "abc")).isZero();
        assertThat(CharNgramFScore.similarity("abcd", "ab")).isEqualTo(CharNgramFScore.similarity("ab", "abcd"));
        assertThat(CharNgramFScore.similarity("", " ")).isEqualTo(1.0);
    }
}
