package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.Explanation;
import io.detoxstreams.explain.ExplanationBuilder;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Offsets stay correct for any Unicode text and any spans: spans at the start or end, overlapping spans, emoji (with
 * ZWJ and skin tones) and combining marks inside spans, right-to-left text. Every reported edit maps to the same
 * substring of the original that its span covered, never splits a surrogate pair, and the rewrite is valid UTF-16.
 */
class RewriteOffsetsPropertyTest {

    private static final List<String> PIECES = List.of("idiot", "you", "are", "the", "fucking", "bus", "late",
            "an", "Moron", "\uD83D\uDE00", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83D\uDC4D\uD83C\uDFFD",
            "cafe\u0301", "n\u0303o", "أنت", "غبي", "שלום", "טיפש", "普信女", "滚", "क्या", "बात", "дурак", "ты", ",", ".",
            "!", "?", "(", ")", "\u200F", "𝕏𝕐");
    private static final List<String> GAPS = List.of(" ", "", "  ", "\n", "\u00a0");

    private final EmbeddedRewriter rewriter = EmbeddedRewriter.builder()
            .tables(Map.of("en", SubstitutionMinerTest.mine(SubstitutionMinerTest.PAIRS))).build();

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.of(PIECES);
        Arbitrary<String> gap = Arbitraries.of(GAPS);
        return Combinators.combine(piece, gap).as((p, g) -> p + g).list().ofMinSize(1).ofMaxSize(14)
                .map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<List<int[]>> cuts() {
        return Arbitraries.integers().between(0, 1000).array(int[].class).ofSize(2).list().ofMaxSize(4);
    }

    @Property(tries = 400)
    void shouldReportEverySpanAtItsOriginalSubstring(@ForAll("texts") String text, @ForAll("cuts") List<int[]> cuts,
                                                     @ForAll boolean english) {
        List<ToxicSpan> spans = spans(text, cuts);
        ToxicityResult before = new ToxicityResult(0.9, true, 0.5, Map.of("insult", 0.9), spans, "test");
        RewriteRequest request = new RewriteRequest(text, english ? "en" : "xx", before);
        Rewrite rewrite = rewriter.rewrite(request);

        assertValidUtf16(rewrite.text());
        for (SpanEdit e : rewrite.edits()) {
            assertThat(e.start()).isBetween(0, text.length());
            assertThat(e.end()).isBetween(e.start(), text.length());
            assertThat(splitsSurrogate(text, e.start())).isFalse();
            assertThat(splitsSurrogate(text, e.end())).isFalse();
            if (e.action() == EditAction.KEPT) {
                assertThat(e.replacement()).isEqualTo(text.substring(e.start(), e.end()));
            }
        }
        for (ToxicSpan s : spans) {
            assertThat(rewrite.edits()).anySatisfy(e -> {
                assertThat(e.start()).isEqualTo(s.start());
                assertThat(e.end()).isEqualTo(s.end());
            });
        }
        Explanation x = ExplanationBuilder.rewritten(text, before, rewrite.edits(), rewrite.method(), rewrite.rationale(), 0.1,
                rewriter.name());
        assertThat(x.spans()).isEqualTo(rewrite.edits());
    }

    /** Random spans snapped to code-point boundaries; they may overlap, touch the ends, or be unsorted. */
    private static List<ToxicSpan> spans(String text, List<int[]> cuts) {
        List<ToxicSpan> out = new ArrayList<>();
        for (int[] c : cuts) {
            int a = snap(text, c[0] % (text.length() + 1));
            int b = snap(text, c[1] % (text.length() + 1));
            out.add(new ToxicSpan(Math.min(a, b), Math.max(a, b), "insult", 0.8, "test"));
        }
        return out;
    }

    private static int snap(String text, int i) {
        return splitsSurrogate(text, i) ? i - 1 : i;
    }

    private static boolean splitsSurrogate(String s, int i) {
        return i > 0 && i < s.length() && Character.isHighSurrogate(s.charAt(i - 1))
                && Character.isLowSurrogate(s.charAt(i));
    }

    private static void assertValidUtf16(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                assertThat(i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))).isTrue();
                i++;
            } else {
                assertThat(Character.isLowSurrogate(c)).isFalse();
            }
        }
    }
}
