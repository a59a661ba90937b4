package io.detoxstreams.worker;

import io.detoxstreams.avro.ModerationAction;
import io.detoxstreams.avro.ModerationResult;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.ingest.Comment;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.models.Models;
import io.detoxstreams.moderator.ModerationPolicy;
import io.detoxstreams.moderator.ModeratorVerdicts;
import io.detoxstreams.rewrite.BackendUnavailableException;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.testing.TestModels;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Retry, isolation and hold-on-failure of {@link BatchRewriter}. The detoxifier is always the real embedded one;
 * failures are injected by a decorator in front of it.
 */
class BatchRewriterTest {

    private static final List<String[]> TOXIC = List.of(
            new String[] {"You are a stupid idiot and everybody hates you.", "en"},
            new String[] {"shut up you worthless moron", "en"},
            new String[] {"Du bist ein dummer Idiot.", "de"});

    /** Pending results as the moderator makes them, from the real models' classification. */
    private static List<ModerationResult> pending() {
        Models m = TestModels.bundle();
        List<ModerationResult> out = new ArrayList<>();
        for (int i = 0; i < TOXIC.size(); i++) {
            String text = TOXIC.get(i)[0];
            LanguageGuess g = m.languageDetector().detect(text, TOXIC.get(i)[1]);
            Comment c = new Comment("c" + i, "k" + i, null, null, text, TOXIC.get(i)[1], 1L, 2L, null, Map.of());
            ToxicityResult tox = m.classifier().classify(text, g.lang());
            out.add(ModeratorVerdicts.of(c, g, tox, ModerationPolicy.defaults(m.classifier()).decide(text, g, tox), 1, 1,
                    3L));
        }
        return out;
    }

    /** Fails the first {@code failures} calls, and any call whose batch contains a text matching {@code poison}. */
    private static final class FaultyDetoxifier implements Detoxifier {
        final Detoxifier real;
        final AtomicInteger calls = new AtomicInteger();
        final int failures;
        final Predicate<String> poison;

        FaultyDetoxifier(Detoxifier real, int failures, Predicate<String> poison) {
            this.real = real;
            this.failures = failures;
            this.poison = poison;
        }

        @Override
        public List<ModerationDecision> detoxifyBatch(List<RewriteRequest> requests) {
            if (calls.incrementAndGet() <= failures || requests.stream().anyMatch(r -> poison.test(r.text()))) {
                throw new IllegalStateException("backend unavailable");
            }
            return real.detoxifyBatch(requests);
        }
    }

    @Test
    void shouldDecideEveryCommentInOrderWithExplanations() throws Exception {
        List<ModerationResult> in = pending();
        List<ModerationResult> out = new BatchRewriter(TestModels.bundle().detoxifier(), 3, 1, Clock.systemUTC()).rewrite(in);
        assertThat(out).hasSize(in.size());
        for (int i = 0; i < in.size(); i++) {
            ModerationResult r = out.get(i);
            assertThat(r.getId()).isEqualTo(in.get(i).getId());
            assertThat(r.getAction()).isNotEqualTo(ModerationAction.PENDING);
            if (r.getAction() != ModerationAction.PASS) {
                assertThat(r.getExplanation()).isNotNull();
            }
            if (r.getAction() == ModerationAction.HOLD) {
                assertThat(r.getOutputText()).isEmpty();
                assertThat(r.getHoldReason()).isNotBlank();
            }
            assertThat(r.getTimings().getRewriteAttempts()).isEqualTo(1);
            assertThat(r.getModeratedAt()).isEqualTo(in.get(i).getModeratedAt());
        }
    }

    @Test
    void shouldRetryATransientBackendFailure() throws Exception {
        FaultyDetoxifier d = new FaultyDetoxifier(TestModels.bundle().detoxifier(), 2, t -> false);
        List<ModerationResult> out = new BatchRewriter(d, 3, 1, Clock.systemUTC()).rewrite(pending());
        assertThat(d.calls.get()).isEqualTo(3);
        assertThat(out).allSatisfy(r -> assertThat(r.getTimings().getRewriteAttempts()).isEqualTo(3));
        assertThat(out).noneMatch(r -> "backend_failed".equals(r.getHoldReason()));
    }

    @Test
    void shouldHoldEveryCommentWithAReasonWhenTheBackendKeepsFailing() throws Exception {
        FaultyDetoxifier d = new FaultyDetoxifier(TestModels.bundle().detoxifier(), Integer.MAX_VALUE, t -> false);
        List<ModerationResult> in = pending();
        List<ModerationResult> out = new BatchRewriter(d, 2, 1, Clock.systemUTC()).rewrite(in);
        assertThat(out).hasSize(in.size()).allSatisfy(r -> {
            assertThat(r.getAction()).isEqualTo(ModerationAction.HOLD);
            assertThat(r.getHoldReason()).isEqualTo("backend_failed");
            assertThat(r.getOutputText()).isEmpty();
            assertThat(r.getExplanation().getSummary()).contains("backend unavailable");
            assertThat(r.getExplanation().getSpans()).hasSameSizeAs(r.getToxicSpans());
        });
    }

    @Test
    void shouldIsolateAPoisonCommentAndDecideTheOthers() throws Exception {
        String poison = TOXIC.get(1)[0];
        FaultyDetoxifier d = new FaultyDetoxifier(TestModels.bundle().detoxifier(), 0, poison::equals);
        List<ModerationResult> out = new BatchRewriter(d, 2, 1, Clock.systemUTC()).rewrite(pending());
        assertThat(out.get(1).getHoldReason()).isEqualTo("backend_failed");
        assertThat(List.of(out.get(0), out.get(2))).noneMatch(r -> "backend_failed".equals(r.getHoldReason()));
    }

    @Test
    void shouldTreatAWrongNumberOfDecisionsAsAFailure() throws Exception {
        Detoxifier real = TestModels.bundle().detoxifier();
        Detoxifier dropsOne = reqs -> real.detoxifyBatch(reqs).subList(0, reqs.size() - 1);
        List<ModerationResult> out = new BatchRewriter(dropsOne, 1, 1, Clock.systemUTC()).rewrite(pending());
        assertThat(out).hasSize(TOXIC.size()).allSatisfy(r -> assertThat(r.getHoldReason()).isEqualTo("backend_failed"));
    }

    /**
     * The backend is unavailable for any call holding {@code poison} — reporting the others of the call as served —
     * and, once {@code downAfter} calls have been made, for every call (an outage).
     */
    private static Detoxifier unavailableFor(Detoxifier real, Predicate<String> poison, int downAfter,
                                             AtomicInteger calls) {
        return requests -> {
            int n = calls.incrementAndGet();
            if (n > downAfter) {
                throw new BackendUnavailableException("HTTP 503 from the chat backend", 0);
            }
            long bad = requests.stream().filter(r -> poison.test(r.text())).count();
            if (bad > 0) {
                throw new BackendUnavailableException("HTTP 500 after 3 attempts", (int) (requests.size() - bad));
            }
            return real.detoxifyBatch(requests);
        };
    }

    @Test
    void shouldHoldNothingAndSignalTheOutageWhenTheBackendServesNobody() {
        AtomicInteger calls = new AtomicInteger();
        Detoxifier down = unavailableFor(TestModels.bundle().detoxifier(), t -> false, 0, calls);
        assertThatThrownBy(() -> new BatchRewriter(down, 3, 1, Clock.systemUTC()).rewrite(pending()))
                .isInstanceOf(BackendUnavailableException.class).hasMessageContaining("HTTP 503");
        assertThat(calls.get()).as("the batch, rewriter.max.attempts times; never one by one").isEqualTo(3);
    }

    @Test
    void shouldHoldTheOneCommentTheBackendIsUnavailableForWhileItServesTheOthers() throws Exception {
        String poison = TOXIC.get(1)[0];
        AtomicInteger calls = new AtomicInteger();
        Detoxifier d = unavailableFor(TestModels.bundle().detoxifier(), poison::equals, Integer.MAX_VALUE, calls);
        List<ModerationResult> out = new BatchRewriter(d, 2, 1, Clock.systemUTC()).rewrite(pending());
        assertThat(out.get(1).getHoldReason()).isEqualTo("backend_failed");
        assertThat(out.get(1).getExplanation().getSummary()).contains("served 2 other comment(s)").contains("HTTP 500");
        assertThat(List.of(out.get(0), out.get(2))).noneMatch(r -> "backend_failed".equals(r.getHoldReason()));
        assertThat(calls.get()).as("2 batch attempts, then 3 comments one by one").isEqualTo(5);
    }

    @Test
    void shouldHoldNothingWhenTheBackendGoesDownWhileCommentsAreTriedOneByOne() {
        String poison = TOXIC.get(1)[0];
        AtomicInteger calls = new AtomicInteger();
        Detoxifier d = unavailableFor(TestModels.bundle().detoxifier(), poison::equals, 2, calls);
        assertThatThrownBy(() -> new BatchRewriter(d, 2, 1, Clock.systemUTC()).rewrite(pending()))
                .isInstanceOf(BackendUnavailableException.class);
    }
}
