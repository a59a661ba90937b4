package io.detoxstreams.fluency;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The smoothed n-gram estimates are proper distributions, prefer seen continuations and are reproducible. */
class KneserNeyEstimatorTest {

    private static final List<List<String>> SENTENCES = List.of(
            List.of("the", "bus", "is", "late"), List.of("the", "bus", "is", "late", "again"),
            List.of("the", "train", "is", "late"), List.of("a", "bus", "is", "early"),
            List.of("the", "bus", "was", "late"), List.of("you", "are", "wrong"), List.of("you", "are", "late"),
            List.of("the", "train", "was", "early"), List.of("rare"));

    private final NgramModel model = new KneserNeyEstimator(3, 1).estimate(SENTENCES);

    @Test
    void shouldGiveEveryContextAProbabilityDistributionOverTheVocabulary() {
        int[][] contexts = {{}, {id("the")}, {id("the"), id("bus")}, {id("bus"), id("wrong")}, {id("rare")}};
        for (int[] context : contexts) {
            double sum = 0;
            for (int w = 0; w < model.vocabularySize(); w++) {
                if (w == NgramModel.BOS) {
                    continue;
                }
                int[] ids = new int[context.length + 1];
                System.arraycopy(context, 0, ids, 0, context.length);
                ids[context.length] = w;
                sum += Math.pow(10, model.log10(ids, context.length, 0));
            }
            assertThat(sum).as("sum over the vocabulary after %s", java.util.Arrays.toString(context))
                    .isCloseTo(1.0, within(0.01));
        }
    }

    @Test
    void shouldPreferTheContinuationItSaw() {
        int[] seen = {NgramModel.BOS, id("the"), id("bus"), id("is")};
        int[] unseen = {NgramModel.BOS, id("the"), id("bus"), id("wrong")};
        assertThat(model.log10(seen, 3, 0)).isGreaterThan(model.log10(unseen, 3, 0) + 0.5);
    }

    @Test
    void shouldEstimateByteIdenticalModelsFromTheSameSentences() throws Exception {
        assertThat(bytes(new KneserNeyEstimator(3, 1).estimate(SENTENCES))).isEqualTo(bytes(model));
    }

    private int id(String w) {
        return model.id(w);
    }

    private static byte[] bytes(NgramModel m) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.write(new DataOutputStream(out));
        return out.toByteArray();
    }
}
