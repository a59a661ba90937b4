package io.detoxstreams.classify.embedded;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The featurizer's word-char table says what its rule says, for every UTF-16 code unit. */
class FeaturizerWordCharsTest {

    @Test
    void shouldAgreeWithTheRuleForEveryChar() {
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(Featurizer.isWordChar(c)).as("U+%04X", i).isEqualTo(Featurizer.computeIsWordChar(c));
        }
        assertThat(Featurizer.isWordChar('*')).isTrue();
        assertThat(Featurizer.isWordChar('\u0301')).as("a combining accent").isTrue();
        assertThat(Featurizer.isWordChar('!')).isFalse();
    }
}
