package io.detoxstreams.text;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HomoglyphsTest {

    @Test
    void scriptOfNamesTheLookAlikeScriptOfEachLetter() {
        assertEquals(Homoglyphs.LATIN, Homoglyphs.scriptOf('x'));
        assertEquals(Homoglyphs.LATIN, Homoglyphs.scriptOf('é'));
        assertEquals(Homoglyphs.LATIN, Homoglyphs.scriptOf('ß'));
        assertEquals(Homoglyphs.CYRILLIC, Homoglyphs.scriptOf('х'));
        assertEquals(Homoglyphs.CYRILLIC, Homoglyphs.scriptOf('ԁ'));
        assertEquals(Homoglyphs.GREEK, Homoglyphs.scriptOf('ο'));
        assertEquals(Homoglyphs.OTHER, Homoglyphs.scriptOf('中'));
        assertEquals(Homoglyphs.OTHER, Homoglyphs.scriptOf('1'));
        assertEquals(Homoglyphs.OTHER, Homoglyphs.scriptOf('\uD83D'));
    }

    @Test
    void theTableAgreesWithTheLookUpsForEveryUtf16Unit() {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            assertEquals(Homoglyphs.computeScriptOf((char) c), Homoglyphs.scriptOf((char) c), "table entry");
        }
    }
}
