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

    /** The dangling modifiers the issue-9 merge produced: a noun deleted, its determiner and modifiers kept. */
    @Test
    void shouldFindModifiersLeftWithoutTheirNoun() {
        assertThat(Dangling.introducedKind("this woman is a greedy lunatic.", "this woman is a greedy.", "en"))
                .isEqualTo(Dangling.Kind.LOST_HEAD);
        assertThat(Dangling.introducedKind("that senator is a corrupt piece of shit.",
                "that senator is a corrupt piece.", "en")).isEqualTo(Dangling.Kind.LOST_HEAD);
        assertThat(Dangling.introducedKind("Bernie Sanders is a crazy old fool.", "Bernie Sanders is a crazy old.",
                "en")).isEqualTo(Dangling.Kind.LOST_HEAD);
        assertThat(Dangling.introducedKind("этот президент полный идиот", "этот президент полный", "ru"))
                .isEqualTo(Dangling.Kind.LOST_HEAD);
    }

    @Test
    void shouldFindACopulaLeftWithoutItsComplement() {
        assertThat(Dangling.introducedKind("the mayor is a corrupt idiot who should resign",
                "the mayor is who should resign", "en")).isEqualTo(Dangling.Kind.LOST_HEAD);
        assertThat(Dangling.introducedKind("the mayor is a corrupt idiot who should resign",
                "the mayor is corrupt and should resign", "en")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.introducedKind("if that crowd decides to surge you 're fucked .",
                "if that crowd decides to surge you 're in trouble.", "en")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.introducedKind("that cop was a total asshole to me.", "that cop was to me.", "en"))
                .isEqualTo(Dangling.Kind.LOST_HEAD);
        assertThat(Dangling.introducedKind("the mayor is a clown.", "the mayor is.", "en"))
                .isEqualTo(Dangling.Kind.LOST_HEAD);
    }

    /**
     * Chinese, with the tokenizer's words: a classifier left without its noun ("这是个杂碎" → "这是个", published
     * before 个 was listed), a copula left without its complement ("这是"), but not a negated copula that is the
     * predicate (the human rewrite "什么也不是" of "疑罪从无就是狗屁").
     */
    @Test
    void shouldFindAChineseClassifierOrCopulaLeftWithoutItsNoun() {
        assertThat(Dangling.check("这是个", "zh")).isEqualTo(Dangling.Kind.FUNCTION_WORD);
        assertThat(Dangling.introducedKind("这是个杂碎", "这是", "zh")).isEqualTo(Dangling.Kind.LOST_HEAD);
        assertThat(Dangling.introducedKind("疑罪从无就是狗屁", "疑罪从无什么也不是", "zh")).isEqualTo(Dangling.Kind.NONE);
        assertThat(Dangling.check("这是个好人", "zh")).isEqualTo(Dangling.Kind.NONE);
    }

    @Test
    void shouldAcceptAModifierKeptAsThePredicateOrAFullNounPhrase() {
        assertThat(Dangling.introduced("this woman is a greedy lunatic.", "this woman is greedy.", "en")).isFalse();
        assertThat(Dangling.introduced("Biden is a senile moron.", "Biden is wrong.", "en")).isFalse();
        assertThat(Dangling.introduced("that senator is a corrupt piece of shit.", "that senator is corrupt.", "en"))
                .isFalse();
        assertThat(Dangling.introduced("get out of my house you idiot.", "get out of my house.", "en")).isFalse();
        assertThat(Dangling.introduced("i know who you are, idiot.", "i know who you are.", "en")).isFalse();
        assertThat(Dangling.introduced("that cop was a total asshole to me.", "that cop was rude to me.", "en"))
                .isFalse();
    }

    @Test
    void shouldMineModifiersFromWordsBetweenADeterminerAndItsNoun() {
        java.util.List<String> sentences = java.util.List.of("a greedy man came in .", "the greedy banker left .",
                "my greedy boss is here .", "the house is big .", "i like the house .", "a house of cards .");
        assertThat(NounModifiers.mine("en", sentences)).contains("greedy").doesNotContain("house");
        assertThat(NounModifiers.mine("ru", sentences)).isEmpty();
    }

    @Test
    void shouldShipMinedEnglishModifiers() {
        assertThat(NounModifiers.of("en")).contains("corrupt", "old").doesNotContain("woman", "house", "the");
    }
}
