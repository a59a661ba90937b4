package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rewriter's decisions on hand-made inputs. The spans are given as the classifier would report them (input data,
 * not a stand-in classifier); the table is mined from {@link SubstitutionMinerTest#PAIRS}.
 */
class EmbeddedRewriterTest {

    private final EmbeddedRewriter rewriter = EmbeddedRewriter.builder()
            .tables(Map.of("en", SubstitutionMinerTest.mine(SubstitutionMinerTest.PAIRS))).build();

    private static RewriteRequest request(String text, String... spanWords) {
        List<ToxicSpan> spans = new java.util.ArrayList<>();
        for (String w : spanWords) {
            int start = text.indexOf(w);
            spans.add(new ToxicSpan(start, start + w.length(), "insult", 0.9, "test"));
        }
        return new RewriteRequest(text, "en", new ToxicityResult(0.9, true, 0.5, Map.of("insult", 0.9), spans, "t"));
    }

    @Test
    void shouldReplaceAMinedInsultAndFixTheArticle() {
        Rewrite r = rewriter.rewrite(request("You are an idiot and wrong.", "idiot"));
        assertThat(r.text()).isEqualTo("You are a person and wrong.");
        assertThat(r.edits()).containsExactly(new SpanEdit(11, 16, "insult", 0.9, EditAction.REPLACED, "person"));
    }

    @Test
    void shouldDeleteProfanityOutsideSpansWhenEditorsAlwaysDidOftenEnough() {
        RewriterOptions d = RewriterOptions.defaults();
        RewriterOptions strongFromThree = new RewriterOptions(3, d.strongMinRate(), d.spanMinRate(),
                d.replaceMinChosen(), d.replaceMinShare(), d.keepInSpans(), d.usePrefixes(), d.alwaysCapitalize(),
                d.maxPasses(), d.maxWordPhrase(), d.attributionFallback(), d.minSpanScore(),
                d.standaloneToxicity(), d.chooseEdits(), d.choice(), d.dropSentences());
        EmbeddedRewriter lowBar = EmbeddedRewriter.builder().options(strongFromThree)
                .tables(Map.of("en", SubstitutionMinerTest.mine(SubstitutionMinerTest.PAIRS))).build();
        assertThat(rewriter.rewrite(request("the fucking bus is late")).text())
                .as("seen 3 times: below the default bar").isEqualTo("the fucking bus is late");
        Rewrite r = lowBar.rewrite(request("the fucking bus is late"));
        assertThat(r.text()).isEqualTo("the bus is late");
        assertThat(r.edits()).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(EditAction.DELETED);
            assertThat(e.start()).isEqualTo(4);
            assertThat(e.end()).isEqualTo(11);
        });
    }

    @Test
    void shouldDeleteUnknownSpanWordsAndRepairDanglingArticlesAndPunctuation() {
        Rewrite r = rewriter.rewrite(request("Moron, you are a moron .", "Moron", "moron ."));
        assertThat(r.text()).as("no re-capitalisation, as in the references").isEqualTo("you are.");
        assertThat(rewriter.rewrite(request("you are such a moron", "moron")).text())
                .as("intensifiers stay, as in the human references").isEqualTo("you are such");
    }

    @Test
    void shouldKeepTextWithoutSpansOrTableWordsUntouched() {
        String text = "  the bus is late\u00a0again 🙂 ";
        Rewrite r = rewriter.rewrite(request(text));
        assertThat(r.edits()).isEmpty();
        assertThat(r.text()).isEqualTo("the bus is late\u00a0again 🙂");
    }

    @Test
    void shouldReportKeptSpansWithTheirOriginalText() {
        RewriteRequest req = new RewriteRequest("the bus is late", "en", new ToxicityResult(0.6, true, 0.5, Map.of(),
                List.of(new ToxicSpan(0, 3, "insult", 0.2, "test")), "t"));
        EmbeddedRewriter keeping = EmbeddedRewriter.builder()
                .tables(Map.of("en", SubstitutionMinerTest.mine(SubstitutionMinerTest.PAIRS)))
                .build();
        Rewrite r = keeping.rewrite(req);
        assertThat(r.edits()).singleElement().satisfies(e -> {
            assertThat(e.start()).isZero();
            assertThat(e.end()).isEqualTo(3);
        });
    }

    @Test
    void shouldWorkForLanguagesWithoutATableBySpansAlone() {
        RewriteRequest req = new RewriteRequest("Du bist ein Idiot.", "de", new ToxicityResult(0.9, true, 0.5,
                Map.of(), List.of(new ToxicSpan(12, 17, "insult", 0.9, "test")), "t"));
        assertThat(rewriter.rewrite(req).text()).isEqualTo("Du bist.");
    }

    @Test
    void shouldDeleteTheMarkOfADeletedHashtagOrMention() {
        assertThat(rewriter.rewrite(request("ask @moron about the bus", "moron")).text())
                .isEqualTo("ask about the bus");
        assertThat(rewriter.rewrite(request("the #moron bus is late", "moron")).text())
                .isEqualTo("the bus is late");
        assertThat(rewriter.rewrite(request("the # moron bus is late", "moron")).text())
                .as("a free-standing # is not a tag mark").isEqualTo("the # bus is late");
    }
}
