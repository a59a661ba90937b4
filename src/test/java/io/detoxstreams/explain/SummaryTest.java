package io.detoxstreams.explain;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class SummaryTest {

    @Test
    void twoDecimalsShouldFormatExactlyLikeTheFormatter() {
        Random random = new Random(5);
        double[] edge = {0, -0.0, 0.005, 0.015, 0.125, 0.995, 1.005, 0.675, 2.675, -0.005, 1e-9, 0.4999999999999999,
                Double.NaN, Double.POSITIVE_INFINITY};
        for (double v : edge) {
            assertThat(Summary.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
        for (int i = 0; i < 100_000; i++) {
            double v = random.nextInt(3) == 0 ? random.nextInt(2000) / 1000.0 : random.nextDouble();
            assertThat(Summary.twoDecimals(v)).as("%s", v).isEqualTo(String.format(Locale.ROOT, "%.2f", v));
        }
    }

    /** A flagged span inside the sentence the rewriter dropped whole is one passage, not two. */
    @Test
    void shouldCountASpanInsideADroppedSentenceOnce() {
        SpanEdit span = new SpanEdit(0, 4, "toxicity", 0.99, EditAction.DELETED, "");
        SpanEdit sentence = new SpanEdit(0, 8, "toxicity", 1.0, EditAction.DELETED, "");
        SpanEdit elsewhere = new SpanEdit(20, 25, "insult", 0.9, EditAction.DELETED, "");
        assertThat(Summary.rewritten(java.util.List.of(span, sentence), java.util.List.of("toxicity"), 1, 0.11, 0.88))
                .startsWith("Removed 1 passage flagged as toxicity;");
        assertThat(Summary.rewritten(java.util.List.of(span, sentence, elsewhere), java.util.List.of("toxicity"), 1,
                0.11, 0.88)).startsWith("Removed 2 passages");
        assertThat(Summary.rewritten(java.util.List.of(span, span), java.util.List.of("toxicity"), 1, 0.11, 0.88))
                .as("the same span twice").startsWith("Removed 1 passage ");
    }

    @Test
    void heldShouldReadAsTheFormatterWroteIt() {
        for (double before : new double[] {0, 0.005, 0.125, 0.675, 0.9999, 1}) {
            assertThat(Summary.held(HoldReason.NOT_FLUENT, java.util.List.of("insult", "threat"), before))
                    .isEqualTo(String.format(Locale.ROOT, "Held for review (%s): %s; toxicity %.2f%s.",
                            HoldReason.NOT_FLUENT.code(), HoldReason.NOT_FLUENT.description(), before,
                            ", categories insult, threat"));
            assertThat(Summary.held(HoldReason.THREAT, java.util.List.of(), before))
                    .isEqualTo(String.format(Locale.ROOT, "Held for review (%s): %s; toxicity %.2f%s.",
                            HoldReason.THREAT.code(), HoldReason.THREAT.description(), before, ""));
        }
    }
}
