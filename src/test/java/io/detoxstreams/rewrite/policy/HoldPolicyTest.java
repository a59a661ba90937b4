package io.detoxstreams.rewrite.policy;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.EditAction;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.explain.SpanEdit;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HoldPolicyTest {

    private final HoldPolicy policy = HoldPolicy.defaults();

    private static RewriteRequest request(String text, String lang, Map<String, Double> categories) {
        return new RewriteRequest(text, lang, new ToxicityResult(0.9, true, 0.5, categories, List.of(), "t"));
    }

    @Test
    void shouldHoldThreatsFromPatternsAndFromTheClassifierCategory() {
        assertThat(policy.beforeRewrite(request("I will kill you, idiot", "en", Map.of())))
                .contains(HoldReason.THREAT);
        assertThat(policy.beforeRewrite(request("убью тебя", "ru", Map.of()))).contains(HoldReason.THREAT);
        assertThat(policy.beforeRewrite(request("you absolute clown", "en", Map.of("threat", 0.8))))
                .contains(HoldReason.THREAT);
        assertThat(policy.beforeRewrite(request("you absolute clown", "en", Map.of("threat", 0.2)))).isEmpty();
    }

    @Test
    void shouldHoldSelfHarm() {
        assertThat(policy.beforeRewrite(request("just go kill yourself", "en", Map.of())))
                .contains(HoldReason.SELF_HARM);
        assertThat(policy.beforeRewrite(request("KYS loser", "en", Map.of()))).contains(HoldReason.SELF_HARM);
        assertThat(policy.beforeRewrite(request("the skills you have", "en", Map.of()))).isEmpty();
    }

    @Test
    void shouldHoldRewritesThatKeepNoContentOfTheOriginalInLanguagesWithoutAModel() {
        HoldPolicy policy = new HoldPolicy(HoldPolicy.DEFAULT_THREAT_THRESHOLD, HoldPolicy.DEFAULT_MIN_CONTENT);
        RewriteRequest r = request("you are an idiot", "en", Map.of());
        Rewrite insultSwapped = new Rewrite("you are a person", "m",
                List.of(new SpanEdit(8, 16, "insult", 0.9, EditAction.REPLACED, "a person")));
        assertThat(policy.afterRewrite(r, insultSwapped)).contains(HoldReason.NOT_DETOXIFIABLE);
        assertThat(policy.afterRewrite(r, new Rewrite("you are", "m", List.of()))).contains(HoldReason.NOT_DETOXIFIABLE);
        RewriteRequest content = request("you are an idiot, the tax plan fails the poor", "en", Map.of());
        assertThat(policy.afterRewrite(content, new Rewrite("you are wrong, the tax plan fails the poor", "m",
                List.of()))).isEmpty();
    }

    @Test
    void shouldAskTheLearnedModelInsteadOfTheContentCheckWhereOneIsShipped() {
        NotDetoxifiableModel model = NotDetoxifiableModel.loadShipped("en").orElseThrow();
        RewriteRequest r = request("you are an idiot", "en", Map.of());
        HoldPolicy always = new HoldPolicy(0.5, 1.0, Map.of("en", model.withThreshold(0.0)));
        HoldPolicy never = new HoldPolicy(0.5, 1.0, Map.of("en", model.withThreshold(1.01)));
        assertThat(always.beforeRewrite(r)).contains(HoldReason.NOT_DETOXIFIABLE);
        assertThat(never.beforeRewrite(r)).isEmpty();
        assertThat(never.afterRewrite(r, new Rewrite("you are", "m", List.of())))
                .as("no content check where a model decides").isEmpty();
        RewriteRequest notToxic = new RewriteRequest("you are an idiot", "en",
                new ToxicityResult(0.1, false, 0.5, Map.of(), List.of(), "t"));
        assertThat(always.beforeRewrite(notToxic)).as("only toxic comments are judged").isEmpty();
        assertThat(policy.modelLanguages()).containsExactly("en");
    }

    @Test
    void shouldCountAChineseWordAsOneUnitAndASingleCharacterAsHalfAUnit() {
        Rewrite r = new Rewrite("这个政策", "m", List.of());
        assertThat(ContentCheck.keptContent("这个政策垃圾", r, "zh")).as("这个|政策").isEqualTo(2.0);
        assertThat(ContentCheck.keptContent("这个政策很垃圾，猪", new Rewrite("这个政策，猪", "m", List.of()), "zh"))
                .as("这个|政策|猪").isEqualTo(2.5);
    }
}
