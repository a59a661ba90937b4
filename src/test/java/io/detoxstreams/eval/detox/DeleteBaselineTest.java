package io.detoxstreams.eval.detox;

import io.detoxstreams.classify.ToxicSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeleteBaselineTest {

    @Test
    void shouldRemoveSpansAndCollapseWhitespaceWithoutRepair() {
        String text = "you are a fucking idiot , mate";
        List<ToxicSpan> spans = List.of(new ToxicSpan(10, 17, "profanity", 0.9, "t"),
                new ToxicSpan(18, 23, "insult", 0.9, "t"), new ToxicSpan(16, 20, "insult", 0.5, "t"));
        assertThat(DeleteBaseline.apply(text, spans)).isEqualTo("you are a , mate");
    }

    @Test
    void shouldCopyTextWithoutSpans() {
        assertThat(DeleteBaseline.apply(" fine  text ", List.of())).isEqualTo("fine text");
    }

    @Test
    void shouldAggregateHeldRowsAsZeroInJButNotInPublishedMeans() {
        SystemScores s = SystemScores.of("x", List.of(new RowScore(false, false, 1, 0.5, 0.8, true, 1, 0),
                RowScore.hold()));
        assertThat(s.j()).isEqualTo(0.2);
        assertThat(s.fluent()).isEqualTo(1.0);
        assertThat(s.dangling()).isEqualTo(0.0);
        assertThat(s.jPublished()).isEqualTo(0.4);
        assertThat(s.holdRate()).isEqualTo(0.5);
        assertThat(s.sta()).isEqualTo(1.0);
    }
}
