package io.detoxstreams.cli;

import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.Explanation;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DecisionJsonTest {

    @Test
    void shouldWriteSnakeCaseFieldsAndNullForNaN() {
        Explanation x = new Explanation(List.of(new SpanEdit(8, 13, "insult", 0.9, EditAction.KEPT, "idiot")),
                List.of("insult"), 0.9, Double.NaN, "none", "embedded/1", "embedded/2", "Held.");
        Map<String, Object> m = DecisionJson.of(new ModerationDecision(Action.HOLD, "", HoldReason.NOT_DETOXIFIABLE,
                0.9, Double.NaN, Double.NaN, x));
        assertThat(m).containsKeys("action", "text", "reason", "score_before", "score_after", "similarity",
                "explanation");
        assertThat(m.get("reason")).isEqualTo("not_detoxifiable");
        assertThat(m.get("score_after")).isNull();
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) m.get("explanation");
        assertThat(e.get("spans")).asList().singleElement().asInstanceOf(
                org.assertj.core.api.InstanceOfAssertFactories.MAP).containsEntry("start", 8).containsEntry("end", 13)
                .containsEntry("action", "kept");
    }
}
