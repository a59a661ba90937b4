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
    private static class ShoutingClassifier implements ToxicityClassifier {
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

    /** The shouting classifier with a verdict path that leaves out a clean text's categories, as the embedded one. */
    private static final class VerdictShoutingClassifier extends ShoutingClassifier {
        final List<String> verdicts = new ArrayList<>();

        @Override
        public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
            return super.classifyBatch(texts, langs).stream()
                    .map(r -> new ToxicityResult(r.score(), r.toxic(), r.threshold(), Map.of("insult", r.score()),
                            r.spans(), r.model())).toList();
        }

        @Override
        public List<ToxicityResult> verdictBatch(List<String> texts, List<String> langs) {
            verdicts.addAll(texts);
            return super.classifyBatch(texts, langs);
        }
    }

    @Test
    void shouldServeAVerdictFromAFullResultButNeverAFullResultFromAVerdict() {
        VerdictShoutingClassifier inner = new VerdictShoutingClassifier();
        MemoizingClassifier memo = new MemoizingClassifier(inner);
        ToxicityResult full = memo.classify("Loud", "en");
        assertThat(memo.verdict("Loud", "en")).as("a full result answers a verdict").isSameAs(full);
        ToxicityResult verdict = memo.verdict("quiet", "en");
        assertThat(verdict.categories()).isEmpty();
        assertThat(memo.verdict("quiet", "en")).isSameAs(verdict);
        assertThat(inner.verdicts).containsExactly("quiet");
        assertThat(memo.classify("quiet", "en").categories()).as("a verdict does not answer a full request")
                .containsKey("insult");
    }
}
