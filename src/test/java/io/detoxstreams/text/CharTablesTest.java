package io.detoxstreams.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The tables answer what the JDK answers, for every UTF-16 code unit. */
class CharTablesTest {

    @Test
    void shouldAgreeWithCharacterForEveryChar() {
        int letters = 0;
        for (int i = 0; i <= Character.MAX_VALUE; i++) {
            char c = (char) i;
            assertThat(CharTables.isLetter(c)).as("isLetter U+%04X", i).isEqualTo(Character.isLetter(c));
            assertThat(CharTables.isLetterOrDigit(c)).as("isLetterOrDigit U+%04X", i)
                    .isEqualTo(Character.isLetterOrDigit(c));
            letters += CharTables.isLetter(c) ? 1 : 0;
        }
        assertThat(letters).as("the BMP has tens of thousands of letters").isGreaterThan(40_000);
    }

    @Test
    void shouldBuildTablesFromAnyPredicate() {
        long[] vowels = CharTables.table(c -> "aeiou".indexOf(c) >= 0);
        assertThat(CharTables.contains(vowels, 'e')).isTrue();
        assertThat(CharTables.contains(vowels, 'b')).isFalse();
        assertThat(CharTables.contains(vowels, (char) ('e' + 64))).as("same bit, other word").isFalse();
        assertThat(CharTables.contains(vowels, Character.MAX_VALUE)).isFalse();
    }
}
