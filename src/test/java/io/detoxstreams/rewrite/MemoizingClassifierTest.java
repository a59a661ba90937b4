package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MemoizingClassifierTest {

    /** A real (if trivial) classifier: the share of upper-case letters, counting every text it scores. */
    private static final class ShoutingClassifier implements ToxicityClassifier {
        final List<String> scored = new ArrayList<>();

        @Override
        public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
            scored.addAll(texts);
            return texts.stream().map(t -> {
                double upper = t.chars().filter(Character::isUpperCase).count() / (double) Math.max(1, t.length());
                return new ToxicityResult(upper, upper >= 0.5, 0.5, Map.of(), List.of(), "shout/1");
            }).toList();
        }

        @Override
        public double threshold(String lang) {
            return 0.5;
        }

        @Override
        public String version() {
            return "shout/1";
        }
    }

    @Test
    void shouldScoreARepeatedTextOnceAndReturnTheSameResult() {
        ShoutingClassifier inner = new ShoutingClassifier();
        MemoizingClassifier memo = new MemoizingClassifier(inner);
        ToxicityResult first = memo.classify("STOP it", "en");
        List<ToxicityResult> batch = memo.classifyBatch(List.of("calm", "STOP it", "STOP it"), List.of("en", "en", "de"));
        assertThat(batch.get(1)).isSameAs(first);
        assertThat(batch.get(2).score()).as("another language is another key").isEqualTo(first.score());
        assertThat(inner.scored).containsExactly("STOP it", "calm", "STOP it");
        assertThat(memo.version()).isEqualTo("shout/1");
    }

    @Test
    void shouldForgetTheLeastRecentlyUsedBeyondItsCapacity() {
        ShoutingClassifier inner = new ShoutingClassifier();
        MemoizingClassifier memo = new MemoizingClassifier(inner);
        memo.classify("first", "en");
        for (int i = 0; i < MemoizingClassifier.CAPACITY; i++) {
            memo.classify("text " + i, "en");
        }
        memo.classify("first", "en");
        assertThat(inner.scored.stream().filter("first"::equals).count()).isEqualTo(2);
    }
}
