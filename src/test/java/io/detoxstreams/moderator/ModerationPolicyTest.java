package io.detoxstreams.moderator;

import io.detoxstreams.classify.Coverage;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.config.DetoxConfig;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.safety.HarmKind;
import io.detoxstreams.testing.SafetySets;
import io.detoxstreams.testing.TestModels;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link ModerationPolicy} on the real shipped models: harm first, then coverage, then the score and its band. */
class ModerationPolicyTest {

    private final ToxicityClassifier classifier = TestModels.bundle().classifier();
    private final LanguageDetector detector = TestModels.bundle().languageDetector();
    private final ModerationPolicy policy = ModerationPolicy.defaults(classifier);

    private ModerationPolicy.Decision decide(ModerationPolicy p, String text, String hint) {
        LanguageGuess g = detector.detect(text, hint);
        ToxicityResult r = classifier.classify(text, g.lang());
        return p.decide(text, g, r);
    }

    @Test
    void shouldHoldEveryThreatOfTheThreatSetAsAThreat() {
        Map<String, int[]> held = new TreeMap<>();
        for (SafetySets.Item t : SafetySets.threats()) {
            ModerationPolicy.Decision d = decide(policy, t.text(), null);
            int[] c = held.computeIfAbsent(t.lang(), k -> new int[2]);
            c[0]++;
            if (d.route() == ModerationPolicy.Route.HOLD && d.reason() == HoldReason.THREAT) {
                c[1]++;
            } else {
                System.out.printf("threat not held (%s): %s -> %s %s%n", t.lang(), t.text(), d.route(), d.reason());
            }
        }
        System.out.println("threat set held as threats, per language: " + summary(held));
        assertThat(held.keySet()).hasSize(17);
        held.forEach((lang, c) -> {
            assertThat(c[0]).as(lang).isGreaterThanOrEqualTo(10);
            assertThat(c[1] / (double) c[0]).as("threat recall %s", lang).isGreaterThanOrEqualTo(0.9);
        });
    }

    @Test
    void shouldLeaveTheCleanSetAloneWithAtMostOneFlaggedPerLanguage() {
        Map<String, int[]> flagged = new TreeMap<>();
        for (SafetySets.Item c : SafetySets.clean()) {
            ModerationPolicy.Decision d = decide(policy, c.text(), null);
            int[] n = flagged.computeIfAbsent(c.lang(), k -> new int[2]);
            n[0]++;
            if (d.route() != ModerationPolicy.Route.PASS) {
                n[1]++;
                System.out.printf("clean comment flagged (%s): %s -> %s %s%n", c.lang(), c.text(), d.route(), d.reason());
            }
        }
        System.out.println("clean set flagged, per language: " + summary(flagged));
        assertThat(flagged.keySet()).hasSize(17);
        flagged.forEach((lang, n) -> {
            assertThat(n[0]).as(lang).isGreaterThanOrEqualTo(15);
            assertThat(n[1]).as("flagged clean comments in %s", lang)
                    .isLessThanOrEqualTo(SafetySets.cleanFlaggedAllowed(lang));
        });
    }

    @Test
    void shouldHoldAThreatEvenWhenTheToxicityScoreIsLow() {
        ModerationPolicy.Decision d = decide(policy, "If you show up at my house again I will hurt you.", "en");
        assertThat(d.route()).isEqualTo(ModerationPolicy.Route.HOLD);
        assertThat(d.harm().orElseThrow().kind()).isEqualTo(HarmKind.THREAT);
        assertThat(decide(policy, "just kys already", "en").reason()).isEqualTo(HoldReason.SELF_HARM);
    }

    @Test
    void shouldSayUnsupportedForAmharicAndJapaneseAndHoldThemByDefault() {
        for (String text : List.of("お前は本当にバカだな", "ሰላም እንዴት ነህ ዛሬ")) {
            ModerationPolicy.Decision d = decide(policy, text, null);
            assertThat(d.coverage()).as(text).isEqualTo(Coverage.UNSUPPORTED);
            assertThat(d.reason()).as(text).isEqualTo(HoldReason.UNSUPPORTED_LANGUAGE);
        }
        ModerationPolicy pass = ModerationPolicy.from(new DetoxConfig(Map.of(
                DetoxConfig.MODERATION_UNSUPPORTED_ACTION, "pass")), classifier);
        assertThat(decide(pass, "お前は本当にバカだな", null).route()).isEqualTo(ModerationPolicy.Route.PASS);
    }

    @Test
    void shouldTreatTextTooShortToTellItsLanguageAsLimitedNotUnsupported() {
        ModerationPolicy.Decision d = decide(policy, "👍👍", null);
        assertThat(d.coverage()).isEqualTo(Coverage.LIMITED);
        assertThat(d.route()).isEqualTo(ModerationPolicy.Route.PASS);
        assertThat(decide(policy, "ok", null).coverage()).isEqualTo(Coverage.LIMITED);
    }

    @Test
    void shouldReportSupportedAndLimitedCoverageFromTheTrainingData() {
        Set<String> limited = new HashSet<>();
        for (String lang : List.of("en", "de", "pt", "ko", "zh", "ar", "da", "el", "tr", "ru")) {
            assertThat(classifier.coverage(lang)).as(lang).isEqualTo(Coverage.SUPPORTED);
        }
        for (String lang : List.of("fr", "it", "nl", "pl", "es", "hi", "uk")) {
            assertThat(classifier.coverage(lang)).as(lang).isEqualTo(Coverage.LIMITED);
            limited.add(lang);
        }
        assertThat(classifier.coverage("am")).isEqualTo(Coverage.UNSUPPORTED);
        assertThat(limited).hasSize(7);
    }

    @Test
    void shouldKeepTheReviewBandUnderTheThresholdWhateverIsConfigured() {
        for (String lang : List.of("en", "fr", "tr")) {
            assertThat(policy.reviewThreshold(lang)).isBetween(0.0, classifier.threshold(lang));
        }
        ModerationPolicy high = ModerationPolicy.defaults(TestModels.bundle().embedded()
                .withReviewThresholds(Map.of("en", 0.999)));
        assertThat(high.reviewThreshold("en")).isEqualTo(classifier.threshold("en"));
        assertThatThrownBy(() -> new DetoxConfig(Map.of(DetoxConfig.REVIEW_THRESHOLD_PREFIX + "en", "high")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("review.threshold.en");
        assertThatThrownBy(() -> new DetoxConfig(Map.of(DetoxConfig.REVIEW_THRESHOLD_PREFIX + "en", "1.5")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("review.threshold.en");
    }

    private static String summary(Map<String, int[]> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append(' ').append(v[1]).append('/').append(v[0]).append("  "));
        return sb.toString().trim();
    }
}
