package io.detoxstreams.safety;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trigger trie says exactly what {@code text.contains(trigger)} over each rule's triggers says (null when no rule
 * has one), for chars in its root table and beyond it.
 */
class TriggerTrieTest {

    @Test
    void shouldFindTriggersAnywhereIncludingNestedAndOverlappingOnes() {
        TriggerTrie trie = new TriggerTrie(List.of(List.of("kill", "murder"), List.of("kil"), List.of("ill you"),
                List.of("убью"), List.of("zzz")));
        assertThat(trie.matches("i will kill you")).containsExactly(true, true, true, false, false);
        assertThat(trie.matches("я тебя убью")).containsExactly(false, false, false, true, false);
        assertThat(trie.matches("ki ll")).isNull();
        assertThat(trie.matches("")).isNull();
    }

    @Test
    void shouldAgreeWithContainsOnRandomTexts() {
        Random r = new Random(20261201);
        String alphabet = "abcdeк 你!:"; // "!" and ":" share child bits with "a" and "к"
        List<List<String>> rules = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> triggers = new ArrayList<>();
            for (int t = 0; t < 1 + r.nextInt(3); t++) {
                triggers.add(random(r, alphabet, 1 + r.nextInt(4)));
            }
            rules.add(triggers);
        }
        rules.add(List.of());
        TriggerTrie trie = new TriggerTrie(rules);
        for (int n = 0; n < 2_000; n++) {
            String text = random(r, alphabet, r.nextInt(30));
            boolean[] got = trie.matches(text);
            boolean any = false;
            for (int i = 0; i < rules.size(); i++) {
                boolean expected = rules.get(i).stream().anyMatch(text::contains);
                any |= expected;
                assertThat(got != null && got[i]).as("rule %d %s in %s", i, rules.get(i), text).isEqualTo(expected);
            }
            assertThat(got != null).as("any trigger in %s", text).isEqualTo(any);
        }
    }

    @Test
    void shouldRefuseAnEmptyTrigger() {
        assertThatThrownBy(() -> new TriggerTrie(List.of(List.of("")))).isInstanceOf(IllegalArgumentException.class);
    }

    private static String random(Random r, String alphabet, int length) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < length; i++) {
            b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return b.toString();
    }
}
