package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicSpan;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a model rewrite did to each toxic span, computed by aligning the two texts word by word. */
class ModelEditsTest {

    private static ToxicSpan span(String text, String words) {
        int at = text.indexOf(words);
        return new ToxicSpan(at, at + words.length(), "insult", 0.9, "embedded");
    }

    @Test
    void shouldReportDeletedRephrasedAndKeptSpansInOriginalOffsets() {
        String original = "You stupid idiot, the bus is late again and you damn well know it";
        String rewrite = "You, the bus is late again and you surely know it";
        List<SpanEdit> e = ModelEdits.edits(original, rewrite, List.of(span(original, "stupid idiot"),
                span(original, "damn"), span(original, "bus")));
        assertThat(e.get(0).action()).isEqualTo(EditAction.DELETED);
        assertThat(original.substring(e.get(0).start(), e.get(0).end())).isEqualTo("stupid idiot");
        assertThat(e.get(1).action()).isEqualTo(EditAction.REPHRASED);
        assertThat(e.get(1).replacement()).isEqualTo("surely");
        assertThat(e.get(2).action()).isEqualTo(EditAction.KEPT);
        assertThat(e.get(2).replacement()).isEqualTo("bus");
    }

    @Test
    void shouldAlignScriptsWithoutSpacesCharacterByCharacter() {
        String original = "你这个白痴真烦";
        String rewrite = "你真烦";
        List<SpanEdit> e = ModelEdits.edits(original, rewrite, List.of(span(original, "这个白痴")));
        assertThat(e.get(0).action()).isEqualTo(EditAction.DELETED);
        assertThat(e.get(0).start()).isEqualTo(1);
        assertThat(e.get(0).end()).isEqualTo(5);
    }

    @Test
    void shouldReportAWhollyNewRewriteAsRephrasingEverySpan() {
        String original = "shut up moron";
        List<SpanEdit> e = ModelEdits.edits(original, "Please let me finish.", List.of(span(original, "moron")));
        assertThat(e.get(0).action()).isEqualTo(EditAction.REPHRASED);
        assertThat(e.get(0).replacement()).isEqualTo("Please let me finish");
    }
}
