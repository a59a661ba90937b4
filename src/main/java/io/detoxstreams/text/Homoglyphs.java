package io.detoxstreams.text;

/**
 * Look-alike letters between Latin, Cyrillic and Greek (lower case, after case folding), used to fold a word written
 * in mixed scripts ("іdіоt" with Cyrillic і and о, "хуй" spelled with Latin x and y) into its dominant script.
 */
final class Homoglyphs {

    /** Cyrillic or Greek look-alike → Latin. */
    private static final String TO_LATIN_FROM = "аеорсхуіјѕԁһкмтвнɡνοαρτυχικεηβ";
    private static final String TO_LATIN_TO = "aeopcxyijsdhkmtbhgvoaptuxikenb";
    /** Latin look-alike → Cyrillic. */
    private static final String TO_CYRILLIC_FROM = "aeopcxyikmtbh";
    private static final String TO_CYRILLIC_TO = "аеорсхуікмтвн";
    /** Latin look-alike → Greek. */
    private static final String TO_GREEK_FROM = "aoeiktpxuvn";
    private static final String TO_GREEK_TO = "αοεικτρχυνη";

    static final int LATIN = 0;
    static final int CYRILLIC = 1;
    static final int GREEK = 2;
    static final int OTHER = 3;

    private Homoglyphs() {
    }

    /**
     * {@link #computeScriptOf} of every UTF-16 unit, computed once (64 KiB): normalization asks for the script of each
     * letter of every comment, and the block and script look-ups behind it are binary searches.
     */
    private static final byte[] SCRIPT_OF = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            SCRIPT_OF[c] = (byte) computeScriptOf((char) c);
        }
    }

    static int scriptOf(char c) {
        return SCRIPT_OF[c];
    }

    static int computeScriptOf(char c) {
        if (c < 0x80) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? LATIN : OTHER;
        }
        Character.UnicodeBlock b = Character.UnicodeBlock.of(c);
        if (b == Character.UnicodeBlock.CYRILLIC || b == Character.UnicodeBlock.CYRILLIC_SUPPLEMENTARY) {
            return CYRILLIC;
        }
        if (b == Character.UnicodeBlock.GREEK) {
            return GREEK;
        }
        if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
            return LATIN;
        }
        return OTHER;
    }

    /** {@code c} rewritten in {@code script}, or {@code c} itself when it has no look-alike there. */
    static char fold(char c, int script) {
        String from;
        String to;
        switch (script) {
            case LATIN -> {
                from = TO_LATIN_FROM;
                to = TO_LATIN_TO;
            }
            case CYRILLIC -> {
                from = TO_CYRILLIC_FROM;
                to = TO_CYRILLIC_TO;
            }
            case GREEK -> {
                from = TO_GREEK_FROM;
                to = TO_GREEK_TO;
            }
            default -> {
                return c;
            }
        }
        int i = from.indexOf(c);
        return i < 0 ? c : to.charAt(i);
    }
}
