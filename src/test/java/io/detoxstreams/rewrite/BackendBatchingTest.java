package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.models.ModelFactory;
import io.detoxstreams.models.Models;
import io.detoxstreams.testing.onnx.TinySeq2Seq;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A poll batch becomes backend calls grouped by backend and language, sorted by length and cut at
 * {@code rewriter.max.batch.tokens} (comments × longest, in the backend's own tokens); every request still gets
 * exactly one decision, in order.
 */
class BackendBatchingTest {

    @TempDir
    Path dir;

    record Call(String backend, String lang, int size) {
    }

    @Test
    void shouldGroupByBackendAndLanguageWithinTheTokenBudget() throws Exception {
        Path s2s = new TinySeq2Seq(13, 8, 2, 2, 64, 10f, 11).write(dir.resolve("s2s"), true, false);
        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        try (Models m = ModelFactory.load(new DetoxConfig(Map.of("rewriter.chain", "onnx-seq2seq:" + s2s + ",embedded",
                "rewriter.chain.ru", "embedded", "rewriter.max.batch.tokens", "12", "language.lingua.accuracy", "low")))) {
            VerifyingDetoxifier d = m.detoxifier();
            d.addObserver((backend, lang, size, nanos, failed) -> calls.add(new Call(backend, lang, size)));
            List<String> texts = List.of("you are an idiot", "what a stupid fucking idea this is, you moron",
                    "Du bist ein Idiot", "shut up idiot", "Das ist eine verdammt dumme Idee, du Trottel",
                    "Ты тупой идиот", "idiot", "this is the dumbest take I have read today, genius");
            List<String> langs = List.of("en", "en", "de", "en", "de", "ru", "en", "en");
            List<ToxicityResult> tox = m.classifier().classifyBatch(texts, langs);
            List<RewriteRequest> requests = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                requests.add(new RewriteRequest(texts.get(i), langs.get(i), tox.get(i)));
            }
            List<ModerationDecision> decisions = d.detoxifyBatch(requests);
            assertThat(decisions).hasSize(texts.size());
            Rewriter seq2seq = d.chain("en").get(0);
            Map<String, Integer> perLanguage = new HashMap<>();
            for (Call c : calls) {
                if (c.backend().equals(seq2seq.name())) {
                    perLanguage.merge(c.lang(), c.size(), Integer::sum);
                }
            }
            // Every non-held en/de request reached the seq2seq model exactly once, in calls of one language.
            long enOpen = requests.stream().filter(r -> r.lang().equals("en")).count();
            assertThat(perLanguage.keySet()).containsOnly("en", "de");
            assertThat(perLanguage.get("en")).isLessThanOrEqualTo((int) enOpen).isPositive();
            assertThat(calls).filteredOn(c -> c.lang().equals("ru")).extracting(Call::backend)
                    .allSatisfy(b -> assertThat(b).startsWith("embedded/"));
            assertThat(calls.stream().filter(c -> c.backend().equals(seq2seq.name())).count())
                    .as("the budget of 12 tokens splits the English requests").isGreaterThan(2);
        }
    }

    @Test
    void shouldCutSortedBatchesAtTheBudgetButNeverBelowOneRequest() throws Exception {
        Path s2s = new TinySeq2Seq(13, 8, 2, 2, 64, 10f, 11).write(dir.resolve("s2s-plan"), true, false);
        try (Rewriter r = io.detoxstreams.rewrite.onnxseq2seq.OnnxSeq2SeqRewriter.load(s2s,
                io.detoxstreams.config.Seq2SeqSettings.defaults())) {
            List<RewriteRequest> requests = new ArrayList<>();
            String[] texts = {"w1", "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10", "w1 w2", "w3 w4 w5", "w1 w2 w3 w4"};
            for (String t : texts) {
                requests.add(new RewriteRequest(t, "en", ToxicityResult.clean(0.5, "x")));
            }
            requests.add(new RewriteRequest("w5 w6", "de", ToxicityResult.clean(0.5, "x")));
            List<BackendBatches.Call> calls = BackendBatches.plan(r, requests, List.of(0, 1, 2, 3, 4, 5), 10);
            assertThat(calls).extracting(BackendBatches.Call::lang).containsExactly("en", "en", "en", "de");
            // Longest first: the 11-token request alone (over budget, but never dropped), then 5+4 tokens → cut.
            assertThat(calls.get(0).requests()).containsExactly(1);
            assertThat(calls.get(1).requests()).containsExactly(4, 3);
            assertThat(calls.get(2).requests()).containsExactly(2, 0);
            assertThat(calls.get(3).requests()).containsExactly(5);
        }
    }
}
