package io.detoxstreams.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TokenizerTest {

    private static List<String> texts(String s) {
        return Tokenizer.tokenize(s).stream().map(t -> t.text(s)).toList();
    }

    @Test
    void shouldSplitWordsPunctuationAndApostrophes() {
        assertThat(texts("you don't know, well-known idiot!"))
                .containsExactly("you", "don", "'", "t", "know", ",", "well-known", "idiot", "!");
    }

    @Test
    void shouldKeepEmojiSequencesAndCombiningMarksWhole() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
        String thumbs = "\uD83D\uDC4D\uD83C\uDFFD";
        assertThat(texts("ok " + family + thumbs + " cafe\u0301")).containsExactly("ok", family, thumbs, "cafe\u0301");
    }

    @Test
    void shouldSplitHanTextIntoWordsAndKanaIntoCharacters() {
        assertThat(texts("吃不到性别福利，滚")).containsExactly("吃", "不", "到", "性别", "福利", "，", "滚");
        assertThat(texts("原来是个臭gay")).containsExactly("原来", "是", "个", "臭", "gay");
        assertThat(texts("ばか世界")).containsExactly("ば", "か", "世界");
        assertThat(Tokenizer.tokenize("性别福利")).allMatch(t -> t.kind() == Token.Kind.HAN);
    }

    @Test
    void shouldKeepDevanagariSyllablesAndArabicWordsWhole() {
        assertThat(texts("क्या बात")).containsExactly("क्या", "बात");
        assertThat(texts("أنت غبي")).containsExactly("أنت", "غبي");
    }

    @Test
    void fastPathsShouldAgreeWithTheUnicodeDefinitionsForEveryCodePoint() {
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int t = Character.getType(cp);
            boolean mark = t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                    || t == Character.ENCLOSING_MARK;
            Character.UnicodeScript sc = Character.UnicodeScript.of(cp);
            boolean han = sc == Character.UnicodeScript.HAN || sc == Character.UnicodeScript.HIRAGANA
                    || sc == Character.UnicodeScript.KATAKANA;
            assertThat(Tokenizer.isWordChar(cp)).as("isWordChar U+%04X", cp)
                    .isEqualTo(Character.isLetterOrDigit(cp) || mark);
            assertThat(Tokenizer.isHan(cp)).as("isHan U+%04X", cp).isEqualTo(han);
        }
    }

    @org.junit.jupiter.api.Test
    void shouldKeepMaskedLettersInsideTheWord() {
        String text = "What a st*pid take, b**ch! sh** happens, f@ck";
        java.util.List<String> words = Tokenizer.tokenize(text).stream()
                .map(t -> text.substring(t.start(), t.end())).toList();
        org.assertj.core.api.Assertions.assertThat(words)
                .contains("st*pid", "b**ch", "sh**", "f@ck", "!", ",")
                .doesNotContain("*", "st", "pid");
    }
}
