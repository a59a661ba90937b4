package io.detoxstreams.fluency;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DanglingTest {

    @Test
    void shouldFindAFunctionWordLeftAtTheEndOfAClause() {
        assertThat(Dangling.check("you are a.", "en")).isEqualTo(Dangling.Kind.FUNCTION_WORD);
        assertThat(Dangling.check("get your head out of your!", "en")).isEqualTo(Dangling.Kind.FUNCTION_WORD);
        assertThat(Dangling.check("that is not blind obedience and.", "en")).isEqualTo(Dangling.Kind.FUNCTION_WORD);
        assertThat(Dangling.check("это касается тех, кто приехал из", "ru")).isEqualTo(Dangling.Kind.FUNCTION_WORD);
        assertThat(Dangling.check("Ob von Merkel oder?", "de")).isEqualTo(Dangling.Kind.FUNCTION_WORD);
    }

    @Test
    void shouldAcceptSentencesPeopleWrite() {
        assertThat(Dangling.check("what are you looking at?", "en")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.check("what are you afraid of?", "en")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.check("you are wrong.", "en")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.check("ich rufe dich an.", "de")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.check("Дружкин А.В. ушёл", "ru")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.check("Я не могу написать ему,,Я ЛЮБЛЮ ТЕБЯ,, только потому что", "ru"))
                .isEqualTo(Dangling.Kind.NONE);
    }

    @Test
    void shouldFindOrphanedPunctuation() {
        assertThat(Dangling.check(", the bus is late", "en")).isEqualTo(Dangling.Kind.PUNCTUATION);
        assertThat(Dangling.check("the bus is late , .", "en")).isEqualTo(Dangling.Kind.PUNCTUATION);
        assertThat(Dangling.check("the bus ( ) is late", "en")).isEqualTo(Dangling.Kind.PUNCTUATION);
        assertThat(Dangling.check("the bus is late,", "en")).isEqualTo(Dangling.Kind.PUNCTUATION);
        assertThat(Dangling.check("... and then", "en")).isEqualTo(Dangling.Kind.NONE);
    }

    @Test
    void shouldCountOnlyWhatARewriteIntroduced() {
        assertThat(Dangling.introduced("Esto es para ti:", "Esto es para ti:", "es")).isFalse();
        assertThat(Dangling.introduced("you are an idiot.", "you are an.", "en")).isTrue();
    }
}
