package io.detoxstreams.classify.onnx;

import io.detoxstreams.batch.LengthBuckets;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.testing.onnx.MiniLmClassifier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tokenizer + ONNX Runtime path on a real transformer (quantized MiniLM-L6 BERT with a classification head,
 * {@link MiniLmClassifier}): padding, micro-batching and truncation must not change any score.
 */
class MiniLmClassifierTest {

    static OnnxToxicityClassifier small;
    static OnnxToxicityClassifier large;

    @BeforeAll
    static void load() throws Exception {
        Path dir = MiniLmClassifier.write(Path.of("target", "test-models", "minilm-float-classifier"),
                MiniLmClassifier.Variant.FLOAT);
        EmbeddedToxicityClassifier embedded = EmbeddedToxicityClassifier.loadDefault();
        small = OnnxToxicityClassifier.load(dir, OnnxToxicityClassifier.Options.defaults().withMaxBatch(4), embedded);
        large = OnnxToxicityClassifier.load(dir, OnnxToxicityClassifier.Options.defaults().withMaxBatch(64), embedded);
    }

    @AfterAll
    static void close() {
        small.close();
        large.close();
    }

    static List<String> texts() {
        List<String> t = new ArrayList<>(List.of("you are an idiot", "Thanks, that saved me an afternoon!",
                "Das ist der dümmste Kommentar, den ich je gelesen habe.", "ok", "Ты тупой идиот, заткнись уже.",
                "这个评论真是太蠢了", "This is, without any doubt, the most pathetic and stupid argument I have ever "
                        + "read on this forum, and I have read a lot of them over the years.", "¿Por qué?", "lol"));
        for (int i = 0; i < 12; i++) {
            t.add("comment number " + i + " " + "with some more words ".repeat(i));
        }
        return t;
    }

    @Test
    void shouldScoreTheSameBatchedWithPaddingAsOneByOne() {
        List<String> texts = texts();
        float[][] batched = large.probabilities(texts);
        for (int i = 0; i < texts.size(); i++) {
            float[] alone = large.probabilities(List.of(texts.get(i)))[0];
            assertThat(batched[i][1]).as(texts.get(i)).isCloseTo(alone[1], within(1e-4f));
            assertThat(batched[i][0] + batched[i][1]).isCloseTo(1f, within(1e-5f));
        }
    }

    @Test
    void shouldScoreTheSameWhateverTheMicroBatchSize() {
        List<String> texts = texts();
        float[][] a = small.probabilities(texts);
        float[][] b = large.probabilities(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertThat(a[i][1]).isCloseTo(b[i][1], within(1e-4f));
        }
    }

    @Test
    void shouldBucketByLengthSoEachMicroBatchIsPaddedToItsOwnLongest() {
        long[][] ids = texts().stream().map(large::tokenIds).toArray(long[][]::new);
        List<int[]> buckets = LengthBuckets.of(ids, 4);
        assertThat(buckets.stream().mapToInt(b -> b.length).sum()).isEqualTo(ids.length);
        assertThat(buckets).allSatisfy(b -> assertThat(b.length).isLessThanOrEqualTo(4));
        int previousShortest = Integer.MAX_VALUE;
        for (int[] b : buckets) {
            int longest = 0;
            int shortest = Integer.MAX_VALUE;
            for (int i : b) {
                longest = Math.max(longest, ids[i].length);
                shortest = Math.min(shortest, ids[i].length);
            }
            assertThat(longest).isLessThanOrEqualTo(previousShortest);
            previousShortest = shortest;
        }
    }

    @Test
    void shouldTruncateAtTheModelsMaximumLengthWithTheRealTokenizer() {
        String longText = "this is a very long comment that goes on and on ".repeat(80);
        long[] ids = large.tokenIds(longText);
        assertThat(ids).hasSize(512);
        assertThat(ids[0]).isEqualTo(101L);
        assertThat(ids[511]).isEqualTo(102L);
        assertThat(large.classify(longText + " and a tail that is cut off", "en").score())
                .isCloseTo(large.classify(longText, "en").score(), within(1e-5));
    }
}
