package io.detoxstreams.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HanSegmenterTest {

    @Test
    void shouldSplitARunIntoDictionaryWords() {
        assertThat(HanSegmenter.wordEnds("吃不到性别福利")).containsExactly(1, 2, 3, 5, 7);
        assertThat(HanSegmenter.wordEnds("心理素质")).containsExactly(2, 4);
    }

    @Test
    void shouldKeepOneCharacterWhole() {
        assertThat(HanSegmenter.wordEnds("猪")).containsExactly(1);
        assertThat(HanSegmenter.wordEnds("\uD840\uDC00")).containsExactly(2);
    }

    @Test
    void shouldNeverSplitASurrogatePairAndAlwaysEndAtTheRunsEnd() {
        for (String run : List.of("\uD840\uDC00\uD840\uDC01", "性别\uD840\uDC00福利", "\uD840\uDC00不")) {
            int[] ends = HanSegmenter.wordEnds(run);
            assertThat(ends[ends.length - 1]).isEqualTo(run.length());
            for (int i = 0; i < ends.length; i++) {
                assertThat(ends[i]).isGreaterThan(i == 0 ? 0 : ends[i - 1]);
                assertThat(ends[i] < run.length() && Character.isLowSurrogate(run.charAt(ends[i]))).isFalse();
            }
        }
    }

    @Test
    void tokenizerShouldKeepAVariationSelectorWithItsWord() {
        String s = "性别\uFE0F福利";
        List<Token> tokens = Tokenizer.tokenize(s);
        assertThat(tokens).extracting(t -> t.text(s)).containsExactly("性别\uFE0F", "福利");
    }
}
