package io.detoxstreams.text;

import io.detoxstreams.data.TsvTable;
import io.detoxstreams.testdata.SharedData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Copying plain words as they are ({@code TokenFolding.isPlainWord}) gives the normalization that running every token
 * through every step gives: the same text and the same offsets, on hand-picked edge cases, on random strings and on
 * every comment of ../shared/data/toxicity (skipped without it).
 */
class PlainWordShortcutTest {

    private static final TextNormalizer WITH_MASKS = new TextNormalizer(new MaskDictionary(List.of("fuck", "shit",
            "bitch", "asshole", "idiot", "хуй", "сука")));
    private static final TextNormalizer WITHOUT_MASKS = TextNormalizer.withoutMasks();

    @Test
    void shouldMatchTheFullPathOnEdgeCases() {
        for (String s : List.of("plain words only", "stuuupid and cooool", "aaa", "ааа ббб", "іdіоt", "xyй",
                "mixed 1d10t f*ck", "f u c k you", "f.u.c.k", "http://x.io www.y.z", "Привет мир", "γεια σου κόσμε",
                "你好世界 hello", "ὅτι ἐὰν", "a b", "ab", "x", "", "   ", "naïve café", "hello\u0301 world", "ß straße")) {
            assertSame(s);
        }
    }

    @Property(tries = 2000)
    void shouldMatchTheFullPathOnRandomStrings(@ForAll @StringLength(max = 40) String s) {
        assertSame(s);
    }

    @Test
    void shouldMatchTheFullPathOnEveryCorpusComment() throws Exception {
        SharedData.assumePresent();
        int compared = 0;
        try (Stream<Path> files = Files.list(SharedData.DIR.resolve("toxicity"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                TsvTable t = TsvTable.read(f);
                int text = t.requireColumn("text");
                for (int r = 0; r < t.size(); r += 3) {
                    assertSame(t.get(r, text));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
    }

    private static void assertSame(String s) {
        for (TextNormalizer n : List.of(WITH_MASKS, WITHOUT_MASKS)) {
            NormalizedText fast = n.normalize(s, true);
            NormalizedText full = n.normalize(s, false);
            assertThat(fast.text()).as("text of %s", s).isEqualTo(full.text());
            for (int i = 0; i < fast.text().length(); i++) {
                assertThat(new int[] {fast.start(i), fast.end(i)}).as("offsets of char %d of %s", i, s)
                        .containsExactly(full.start(i), full.end(i));
            }
        }
    }
}
