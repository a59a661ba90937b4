package io.detoxstreams.explain;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExplanationBuilderTest {

    private final ToxicityResult before = new ToxicityResult(0.93, true, 0.5,
            Map.of("insult", 0.9, "profanity", 0.7, "threat", 0.1),
            List.of(new ToxicSpan(8, 13, "insult", 0.9, "embedded")), "embedded/1");

    @Test
    void shouldSummariseARewriteInOneEnglishSentenceWithoutQuotingTheInsult() {
        List<SpanEdit> edits = List.of(new SpanEdit(8, 13, "insult", 0.9, EditAction.REPLACED, "person"),
                new SpanEdit(14, 21, "toxicity", 1.0, EditAction.DELETED, ""));
        Explanation x = ExplanationBuilder.rewritten("you are idiot fucking", before, edits, "span-substitution", null, 0.12,
                "embedded/2");
        assertThat(x.categories()).containsExactly("insult", "profanity", "toxicity");
        assertThat(x.summary()).isEqualTo("Replaced 1 passage with \u201Cperson\u201D and removed 1 passage flagged as "
                + "insult, profanity, toxicity; toxicity fell from 0.93 to 0.12 (threshold 0.50).");
        assertThat(x.summary()).doesNotContain("idiot");
        assertThat(x.scoreBefore()).isEqualTo(0.93);
        assertThat(x.backend()).isEqualTo("embedded/2");
        assertThat(x.classifier()).isEqualTo("embedded/1");
    }

    @Test
    void shouldReportHeldSpansAsKeptWithTheirOriginalText() {
        Explanation x = ExplanationBuilder.held("you are idiot", before, HoldReason.NOT_DETOXIFIABLE, "none", "e");
        assertThat(x.spans()).containsExactly(new SpanEdit(8, 13, "insult", 0.9, EditAction.KEPT, "idiot"));
        assertThat(x.scoreAfter()).isNaN();
        assertThat(x.summary()).startsWith("Held for review (not_detoxifiable): the comment's meaning is the insult");
    }
}
