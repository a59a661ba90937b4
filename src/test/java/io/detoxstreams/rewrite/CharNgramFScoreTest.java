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

    @Test
    void shouldAgreeWithANaiveStringCountingImplementationOnRandomAndLongTexts() {
        java.util.Random random = new java.util.Random(11);
        String alphabet = "aab c.é😀汉 ";
        for (int t = 0; t < 300; t++) {
            String a = randomText(random, alphabet, random.nextInt(t < 290 ? 40 : 900));
            String b = randomText(random, alphabet, random.nextInt(t < 290 ? 40 : 900));
            assertThat(CharNgramFScore.chrF(a, b)).as("%s | %s", a, b).isCloseTo(naiveChrF(a, b), within(1e-12));
        }
    }

    @Test
    void shouldAgreeWithTheNaiveImplementationOnTextsThatShareAPrefixAndASuffix() {
        // What verification compares: a rewrite and its original, equal but for an edit (the shortcut skips the
        // n-grams of the common prefix and suffix, so these are the cases where it could go wrong).
        java.util.Random random = new java.util.Random(12);
        String alphabet = "aab c.é😀汉 ";
        for (int t = 0; t < 2_000; t++) {
            String a = randomText(random, alphabet, random.nextInt(60));
            int from = a.isEmpty() ? 0 : random.nextInt(a.length() + 1);
            int to = Math.min(a.length(), from + random.nextInt(12));
            if (from > 0 && from < a.length() && Character.isLowSurrogate(a.charAt(from))) {
                from--;
            }
            if (to < a.length() && Character.isLowSurrogate(a.charAt(to))) {
                to++;
            }
            String b = a.substring(0, from) + randomText(random, alphabet, random.nextInt(4)) + a.substring(to);
            assertThat(CharNgramFScore.chrF(b, a)).as("%s | %s", b, a).isCloseTo(naiveChrF(b, a), within(1e-12));
            assertThat(CharNgramFScore.chrF(a, b)).as("%s | %s", a, b).isCloseTo(naiveChrF(a, b), within(1e-12));
        }
        assertThat(CharNgramFScore.chrF("aaaa", "aa")).isCloseTo(naiveChrF("aaaa", "aa"), within(1e-12));
        assertThat(CharNgramFScore.chrF("abab", "ab")).isCloseTo(naiveChrF("abab", "ab"), within(1e-12));
    }

    private static String randomText(java.util.Random random, String alphabet, int length) {
        int[] cps = alphabet.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.appendCodePoint(cps[random.nextInt(cps.length)]);
        }
        return sb.toString();
    }

    /** sacreBLEU's sentence chrF written the obvious way: whitespace removed, n-gram strings counted in maps. */
    private static double naiveChrF(String hyp, String ref) {
        int[] h = hyp.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        int[] r = ref.codePoints().filter(c -> !Character.isWhitespace(c)).toArray();
        double p = 0;
        double rc = 0;
        int orders = 0;
        for (int n = 1; n <= 6; n++) {
            java.util.Map<String, Integer> hc = counts(h, n);
            java.util.Map<String, Integer> rcounts = counts(r, n);
            if (hc.isEmpty() || rcounts.isEmpty()) {
                continue;
            }
            int m = 0;
            for (var e : hc.entrySet()) {
                m += Math.min(e.getValue(), rcounts.getOrDefault(e.getKey(), 0));
            }
            p += (double) m / (h.length - n + 1);
            rc += (double) m / (r.length - n + 1);
            orders++;
        }
        if (orders == 0) {
            return 0;
        }
        p /= orders;
        rc /= orders;
        return p + rc == 0 ? 0 : 5 * p * rc / (4 * p + rc);
    }

    private static java.util.Map<String, Integer> counts(int[] cps, int n) {
        java.util.Map<String, Integer> m = new java.util.HashMap<>();
        for (int i = 0; i + n <= cps.length; i++) {
            m.merge(new String(cps, i, n), 1, Integer::sum);
        }
        return m;
    }

    @Test
    void shouldDropExactlyPythonsWhitespaceAmongAllCodePoints() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            boolean whitespace = Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x1C || cp == 0x1D
                    || cp == 0x1E || cp == 0x1F || cp == 0x85;
            int[] kept = CharNgramFScore.strip("a" + new String(Character.toChars(cp)) + "b");
            assertThat(kept.length).as("U+%04X", cp).isEqualTo(whitespace ? 2 : 3);
        }
    }
}
