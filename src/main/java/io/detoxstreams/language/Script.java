package io.detoxstreams.language;

/**
 * The writing systems the detector tells apart, with the ISO 15924 names it reports. Scripts used by a single
 * supported language decide the language on their own (the script fast path).
 */
public enum Script {
    LATIN("Latn"), CYRILLIC("Cyrl"), GREEK("Grek"), ARABIC("Arab"), HEBREW("Hebr"), DEVANAGARI("Deva"),
    BENGALI("Beng"), HAN("Hani"), KANA("Kana"), HANGUL("Hang"), THAI("Thai"), ETHIOPIC("Ethi"), GEORGIAN("Geor"),
    ARMENIAN("Armn"), TAMIL("Taml"), TELUGU("Telu"), KANNADA("Knda"), MALAYALAM("Mlym"), GUJARATI("Gujr"),
    GURMUKHI("Guru"), ORIYA("Orya"), SINHALA("Sinh"), KHMER("Khmr"), LAO("Laoo"), MYANMAR("Mymr"), TIBETAN("Tibt"),
    OTHER("Zyyy");

    private final String iso;

    Script(String iso) {
        this.iso = iso;
    }

    public String iso() {
        return iso;
    }

    private static final Script[] VALUES = values();
    /** {@link #compute} of every BMP code point, by ordinal: one load for the letters of nearly every comment. */
    private static final byte[] BMP = new byte[Character.MAX_VALUE + 1];

    static {
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            BMP[c] = (byte) compute(c).ordinal();
        }
    }

    /** The script of one code point, or {@link #OTHER} for non-letters and scripts not listed. */
    public static Script of(int cp) {
        return cp <= Character.MAX_VALUE ? VALUES[BMP[cp]] : compute(cp);
    }

    static Script compute(int cp) {
        if (cp < 0x80) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ? LATIN : OTHER;
        }
        if (!Character.isLetter(cp)) {
            return OTHER;
        }
        return switch (Character.UnicodeScript.of(cp)) {
            case LATIN -> LATIN;
            case CYRILLIC -> CYRILLIC;
            case GREEK -> GREEK;
            case ARABIC -> ARABIC;
            case HEBREW -> HEBREW;
            case DEVANAGARI -> DEVANAGARI;
            case BENGALI -> BENGALI;
            case HAN -> HAN;
            case HIRAGANA, KATAKANA -> KANA;
            case HANGUL -> HANGUL;
            case THAI -> THAI;
            case ETHIOPIC -> ETHIOPIC;
            case GEORGIAN -> GEORGIAN;
            case ARMENIAN -> ARMENIAN;
            case TAMIL -> TAMIL;
            case TELUGU -> TELUGU;
            case KANNADA -> KANNADA;
            case MALAYALAM -> MALAYALAM;
            case GUJARATI -> GUJARATI;
            case GURMUKHI -> GURMUKHI;
            case ORIYA -> ORIYA;
            case SINHALA -> SINHALA;
            case KHMER -> KHMER;
            case LAO -> LAO;
            case MYANMAR -> MYANMAR;
            case TIBETAN -> TIBETAN;
            default -> OTHER;
        };
    }

    /** Letter counts per script of a text. */
    public static int[] count(CharSequence text) {
        int[] counts = new int[values().length];
        for (int i = 0; i < text.length(); ) {
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            counts[of(cp).ordinal()]++;
        }
        return counts;
    }
}
