package io.detoxstreams.text;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TextNormalizerTest {

    private final TextNormalizer normalizer = new TextNormalizer(new MaskDictionary(List.of("fuck", "shit", "bitch",
            "asshole", "idiot")));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "Hello   World|hello world",
            "ＦＵＣＫ you|fuck you",
            "you are an 1d10t|you are an idiot",
            "n00b and l33t|noob and leet",
            "$hit happens|shit happens",
            "what a$$|what ass",
            "sh!t|shit",
            "f u c k you|fuck you",
            "f.u.c.k you|fuck you",
            "stuuuupid!!!!!|stupid!!",
            "f*ck off|fuck off",
            "b**ch|bitch",
            "sh#t|shit",
            "a**hole|asshole",
            "zero\u200bwidth|zerowidth",
            "see https://x.io/a?b=1 now|see url now",
            "&amp; &lt;3|& <3",
            "2020s and 10am and covid19|2020s and 10am and covid19",
            "@USER hi|@user hi",
            "I ate 4 apples|i ate 4 apples",
    })
    void shouldNormalize(String input, String expected) {
        assertThat(normalizer.normalize(input).text()).isEqualTo(expected);
    }

    @Test
    void shouldFoldCyrillicLookAlikesInLatinWords() {
        // "іdіоt" with Cyrillic і and о
        assertThat(normalizer.normalize("\u0456d\u0456\u043Et").text()).isEqualTo("idiot");
    }

    @Test
    void shouldFoldLatinLookAlikesInCyrillicWords() {
        // "хуй" with Latin x and y
        assertThat(normalizer.normalize("xy\u0439").text()).isEqualTo("\u0445\u0443\u0439");
    }

    @Test
    void shouldKeepPureScriptsUntouched() {
        assertThat(normalizer.normalize("Привет мир").text()).isEqualTo("привет мир");
        assertThat(normalizer.normalize("Καλημέρα").text()).isEqualTo("καλημέρα");
        assertThat(normalizer.normalize("你好世界").text()).isEqualTo("你好世界");
    }

    @Test
    void shouldSurviveBadInput() {
        assertThat(normalizer.normalize("").text()).isEmpty();
        assertThat(normalizer.normalize("\uD800 lone \uDC00").text()).isEqualTo("lone");
        assertThat(normalizer.normalize("😀😀😀😀").text()).isEqualTo("😀😀");
        assertThat(normalizer.normalize("\u0000\u0001").text()).isEmpty();
    }

    @Test
    void shouldMapBackToOriginalOffsets() {
        NormalizedText n = normalizer.normalize("Hey   ＳＴＵＰＩＤ 1d10t!");
        int i = n.text().indexOf("idiot");
        int[] r = n.originalRange(i, i + "idiot".length());
        assertThat(n.original().substring(r[0], r[1])).isEqualTo("1d10t");
        int j = n.text().indexOf("stupid");
        int[] r2 = n.originalRange(j, j + 6);
        assertThat(n.original().substring(r2[0], r2[1])).isEqualTo("ＳＴＵＰＩＤ");
    }

    @Property(tries = 500)
    void offsetsAreMonotoneAndInsideTheOriginal(@ForAll @StringLength(max = 80) String s) {
        NormalizedText n = normalizer.normalize(s);
        int prevStart = 0;
        for (int i = 0; i < n.length(); i++) {
            assertThat(n.start(i)).isBetween(0, s.length());
            assertThat(n.end(i)).isBetween(n.start(i) + 1, s.length());
            assertThat(n.start(i)).isGreaterThanOrEqualTo(prevStart);
            assertThat(Character.isLowSurrogate(s.charAt(n.start(i)))
                    && n.start(i) > 0 && Character.isHighSurrogate(s.charAt(n.start(i) - 1))).isFalse();
            prevStart = n.start(i);
        }
    }

    @Test
    void homoglyphTablesArePaired() {
        for (char c : "аеорсхуі".toCharArray()) {
            assertThat(Homoglyphs.fold(c, Homoglyphs.LATIN)).isLessThan((char) 0x80);
        }
    }
}
