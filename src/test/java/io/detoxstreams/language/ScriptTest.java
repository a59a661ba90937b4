package io.detoxstreams.language;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The script table gives what the script rules give, for every BMP code point and beyond it. */
class ScriptTest {

    @Test
    void shouldAgreeWithTheRulesForEveryCodePoint() {
        for (int cp = 0; cp <= 0x2FFFF; cp++) {
            assertThat(Script.of(cp)).as("U+%04X", cp).isEqualTo(Script.compute(cp));
        }
        assertThat(Script.of('я')).isEqualTo(Script.CYRILLIC);
        assertThat(Script.of('中')).isEqualTo(Script.HAN);
        assertThat(Script.of(0x20000)).as("CJK extension B, beyond the table").isEqualTo(Script.HAN);
        assertThat(Script.of('1')).isEqualTo(Script.OTHER);
    }

    @Test
    void shouldCountLettersPerScript() {
        int[] counts = Script.count("abc где 中 1!");
        assertThat(counts[Script.LATIN.ordinal()]).isEqualTo(3);
        assertThat(counts[Script.CYRILLIC.ordinal()]).isEqualTo(3);
        assertThat(counts[Script.HAN.ordinal()]).isEqualTo(1);
    }
}
