package io.detoxstreams.rewrite;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class OwnWordsTest {

    @Test
    void shouldAcceptDeletionsAndRejectInsertedOrRepeatedWords() {
        assertThat(OwnWords.only("Biden is.", "biden is a fucking dickhead .")).isTrue();
        assertThat(OwnWords.only("", "anything")).isTrue();
        assertThat(OwnWords.only("biden is a person", "biden is a fucking dickhead .")).isFalse();
        assertThat(OwnWords.only("is is", "biden is a dickhead")).as("multiset, not set").isFalse();
        assertThat(OwnWords.only("这个政策", "这个政策垃圾")).isTrue();
        assertThat(OwnWords.newShare("you are a person and wrong", "you are an idiot and wrong")).isEqualTo(2.0 / 6);
        assertThat(OwnWords.newShare("du bist falsch", "you are wrong")).isEqualTo(1.0);
        assertThat(OwnWords.newShare("!!!", "you are wrong")).isZero();
    }
}
