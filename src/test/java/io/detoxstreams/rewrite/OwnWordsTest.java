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
    }
}
