package io.detoxstreams.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenAlignerTest {

    @Test
    void shouldReportSubstitutionsAndDeletionsAsHunks() {
        List<String> toxic = List.of("you", "are", "a", "fucking", "idiot");
        List<String> neutral = List.of("you", "are", "a", "person");
        assertThat(TokenAligner.diff(toxic, neutral)).containsExactly(new TokenAligner.Hunk(3, 5, 3, 4));
    }

    @Test
    void shouldReportNothingForEqualSequencesAndEverythingForDisjointOnes() {
        assertThat(TokenAligner.diff(List.of("a", "b"), List.of("a", "b"))).isEmpty();
        assertThat(TokenAligner.diff(List.of("a"), List.of("b"))).containsExactly(new TokenAligner.Hunk(0, 1, 0, 1));
    }

    @Test
    void shouldFindSeparateHunksAroundCommonWords() {
        List<String> toxic = List.of("shit", "this", "is", "damn", "good");
        List<String> neutral = List.of("this", "is", "good");
        assertThat(TokenAligner.diff(toxic, neutral))
                .containsExactly(new TokenAligner.Hunk(0, 1, 0, 0), new TokenAligner.Hunk(3, 4, 2, 2));
    }
}
