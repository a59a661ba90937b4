package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.models.Models;
import io.detoxstreams.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What the detoxifier does when a backend cannot be reached, as opposed to failing on a comment: a toxic comment that
 * no backend of its chain could even try is not held — the batch fails with {@link BackendUnavailableException} so
 * the worker pauses and retries; a chain with a local fallback degrades to it; a backend's failure on the comment
 * itself still moves on and finally holds it. The classifier, detector and embedded rewriter are the real ones.
 */
class BackendUnavailabilityTest {

    /** Toxic, and none held by the policy before rewriting. */
    private static final List<String> TOXIC = List.of("what a dumb idiot you are",
            "the stupid referee ruined the whole match for us", "the mayor is an idiot but the new park looks nice");

    /** A remote backend stand-in that answers each request with {@code answer}, counting calls. */
    private static final class Remote implements Rewriter {
        final AtomicInteger calls = new AtomicInteger();
        final Function<RewriteRequest, Rewrite> answer;

        Remote(Function<RewriteRequest, Rewrite> answer) {
            this.answer = answer;
        }

        @Override
        public List<Rewrite> rewriteBatch(List<RewriteRequest> requests) {
            calls.incrementAndGet();
            return requests.stream().map(answer).toList();
        }

        @Override
        public String name() {
            return "remote/test";
        }
    }

    private static List<RewriteRequest> requests(List<String> texts) {
        Models m = TestModels.bundle();
        List<RewriteRequest> out = new ArrayList<>();
        for (String t : texts) {
            ToxicityResult tox = m.classifier().classify(t, "en");
            assertThat(tox.toxic()).as(t).isTrue();
            out.add(new RewriteRequest(t, "en", tox));
        }
        return out;
    }

    private static VerifyingDetoxifier detoxifier(Rewriter... chain) {
        Models m = TestModels.bundle();
        VerifyingDetoxifier.Builder b = VerifyingDetoxifier.builder().classifier(m.classifier())
                .languageDetector(m.languageDetector()).policy(m.policy());
        for (Rewriter r : chain) {
            b.rewriter(r);
        }
        return b.build();
    }

    private static Rewriter embedded() {
        return TestModels.bundle().detoxifier().chain("en").get(0);
    }

    @Test
    void shouldDecideNothingWhenEveryBackendOfTheChainIsUnavailable() {
        Remote down = new Remote(r -> Rewrite.unavailable("chat-llm", "HTTP 503 after 3 attempts"));
        Remote alsoDown = new Remote(r -> Rewrite.unavailable("chat-llm", "circuit open"));
        assertThatThrownBy(() -> detoxifier(down, alsoDown).detoxifyBatch(requests(TOXIC)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("3 of 3 comment(s) could not be tried")
                .satisfies(e -> assertThat(((BackendUnavailableException) e).served()).isZero());
        assertThat(down.calls.get()).isEqualTo(1);
        assertThat(alsoDown.calls.get()).as("the chain still moved on to the next backend").isEqualTo(1);
    }

    @Test
    void shouldTreatABackendCallThatThrowsAnIoErrorAsUnavailable() {
        Remote refused = new Remote(r -> {
            throw new UncheckedIOException(new ConnectException("Connection refused"));
        });
        assertThatThrownBy(() -> detoxifier(refused).detoxifyBatch(requests(TOXIC)))
                .isInstanceOf(BackendUnavailableException.class);
    }

    @Test
    void shouldDegradeToALocalFallbackWhenTheRemoteBackendIsUnavailable() {
        Remote down = new Remote(r -> Rewrite.unavailable("chat-llm", "timeout after 1000 ms after 2 attempts"));
        Rewriter embedded = embedded();
        List<ModerationDecision> out = detoxifier(down, embedded).detoxifyBatch(requests(TOXIC));
        assertThat(out).hasSize(TOXIC.size()).allSatisfy(d -> {
            assertThat(d.reason()).isNotEqualTo(HoldReason.BACKEND_FAILED);
            assertThat(d.explanation().backend()).isEqualTo(embedded.name());
        });
        assertThat(out).anyMatch(d -> d.action() == Action.REWRITE);
    }

    @Test
    void shouldStillHoldACommentTheBackendFailedOnItselfWithBackendFailed() {
        Remote botches = new Remote(r -> Rewrite.failed("chat-llm", "unusable answer: answer holds no JSON object"));
        Remote throwsBug = new Remote(r -> {
            throw new IllegalStateException("tensor shape mismatch");
        });
        for (Rewriter r : List.of(botches, throwsBug)) {
            List<ModerationDecision> out = detoxifier(r).detoxifyBatch(requests(TOXIC));
            assertThat(out).allSatisfy(d -> {
                assertThat(d.action()).isEqualTo(Action.HOLD);
                assertThat(d.reason()).isEqualTo(HoldReason.BACKEND_FAILED);
            });
        }
    }

    @Test
    void shouldSayHowManyCommentsOfTheBatchTheBackendDidServe() {
        String poison = TOXIC.get(1);
        Remote partly = new Remote(r -> r.text().equals(poison) ? Rewrite.unavailable("chat-llm", "HTTP 500")
                : new Rewrite(r.text().replaceAll("(?i)(stupid|dumb|an idiot|idiot) ", "").trim(), "chat-llm", List.of()));
        assertThatThrownBy(() -> detoxifier(partly).detoxifyBatch(requests(TOXIC)))
                .isInstanceOf(BackendUnavailableException.class)
                .hasMessageContaining("1 of 3")
                .satisfies(e -> assertThat(((BackendUnavailableException) e).served()).isEqualTo(2));
    }

    @Test
    void shouldHoldAThreatByPolicyEvenWhileTheBackendIsDown() {
        Remote down = new Remote(r -> Rewrite.unavailable("chat-llm", "HTTP 503"));
        List<ModerationDecision> out = detoxifier(down).detoxifyBatch(requests(List.of("I will kill you, you dumb bitch")));
        assertThat(out).singleElement().satisfies(d -> {
            assertThat(d.action()).isEqualTo(Action.HOLD);
            assertThat(d.reason()).isEqualTo(HoldReason.THREAT);
        });
        assertThat(down.calls.get()).isZero();
    }
}
