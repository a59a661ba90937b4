package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.fluency.Dangling;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.ModerationDecision;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped detoxifier on the sentences where the issue-9 merge left a modifier or a copula without its noun
 * ("this woman is a greedy lunatic." → "this woman is a greedy.", "that cop was a total asshole to me." → "that cop
 * was to me."): a rewrite, when there is one, has neither ({@link Dangling#introducedKind}), keeps the person, and is
 * not the insult's modifier turned into another noun phrase ("a corrupt piece of thing").
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DanglingModifierTest {

    private ShippedDetoxifier shipped;

    @BeforeAll
    void load() {
        shipped = new ShippedDetoxifier();
    }

    @AfterAll
    void close() {
        shipped.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"this woman is a greedy lunatic.|woman", "Biden is a senile moron.|biden",
            "that senator is a corrupt piece of shit.|senator", "Bernie Sanders is a crazy old fool.|sanders",
            "that cop was a total asshole to me.|cop", "my wife is a stupid bitch sometimes.|wife"})
    void shouldNotLeaveAModifierOrCopulaWithoutItsNoun(String input) {
        String text = input.substring(0, input.indexOf('|'));
        String person = input.substring(input.indexOf('|') + 1);
        ModerationDecision d = shipped.decide(text, "en");
        System.out.printf("en %-7s %s -> %s%n", d.action(), text, d.action() == Action.HOLD ? d.reason().code() : d.text());
        if (d.action() != Action.REWRITE) {
            return;
        }
        assertThat(Dangling.introducedKind(text, d.text(), "en")).as(d.text()).isEqualTo(Dangling.Kind.NONE);
        assertThat(d.text().toLowerCase(Locale.ROOT)).contains(person).doesNotContain("piece of");
    }
}
