package io.detoxstreams.language;

/**
 * The language of one comment as decided by a {@link LanguageDetector}.
 *
 * @param lang       ISO 639-1 code ({@code "en"}, {@code "zh"}, …) or {@link #UNDETERMINED} ({@code "und"})
 * @param script     ISO 15924 script name of the dominant script ({@code "Latin"}, {@code "Han"}, …) or {@code "Zyyy"}
 *                   when the text has no letters
 * @param confidence how sure the detector is, in [0, 1]; 0 for {@code und}
 * @param method     which path decided: {@code hint}, {@code script}, {@code fast}, {@code lingua}; {@code short} for
 *                   {@code und} because the text has too few letters to tell, {@code none} for {@code und} otherwise
 */
public record LanguageGuess(String lang, String script, double confidence, String method) {

    public static final String UNDETERMINED = "und";

    public static LanguageGuess undetermined(String script) {
        return new LanguageGuess(UNDETERMINED, script, 0.0, "none");
    }

    /** {@code und} because the text has too few letters to tell (emoji, "ok", numbers). */
    public static LanguageGuess tooShort(String script) {
        return new LanguageGuess(UNDETERMINED, script, 0.0, METHOD_SHORT);
    }

    public static final String METHOD_SHORT = "short";

    /** Whether this is {@code und} for want of letters rather than for an unknown script or an undecided text. */
    public boolean isTooShort() {
        return METHOD_SHORT.equals(method);
    }

    public boolean isDetermined() {
        return !UNDETERMINED.equals(lang);
    }
}
