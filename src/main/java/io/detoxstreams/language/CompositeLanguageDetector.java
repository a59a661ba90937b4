package io.detoxstreams.language;

import io.detoxstreams.language.embedded.LangIdModel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The default {@link LanguageDetector}, fastest path first:
 * <ol>
 *   <li>a trusted {@code lang_hint} naming a configured language (method {@code hint});</li>
 *   <li>the script fast path: a script only one configured language uses decides alone (Hangul → ko, Han → zh,
 *       Greek → el, Ethiopic → am, Arabic → ar, Devanagari → hi; Cyrillic with Ukrainian-only or Russian-only
 *       letters) (method {@code script});</li>
 *   <li>the embedded language-id model among the configured languages of the script, accepted at
 *       {@code fastConfidence} or above (method {@code fast});</li>
 *   <li>Lingua restricted to those languages (method {@code lingua}).</li>
 * </ol>
 * A script that no configured language uses but that one language is written in (Kana → ja, Thai, Hebrew, Georgian,
 * Armenian, Bengali, Tamil, … see {@link #RECOGNISED}) is still reported as that language (method {@code script}), so
 * that a Japanese comment is counted as {@code ja} — and its coverage seen to be unsupported — instead of {@code und}.
 * Texts with fewer than {@code minLetters} letters are {@code und} with method {@code short}; texts in other scripts, or
 * whose best confidence stays under {@code minConfidence}, are {@code und}. Thread-safe.
 */
public final class CompositeLanguageDetector implements LanguageDetector {

    /** All languages the shipped models have data for. */
    public static final List<String> DEFAULT_LANGUAGES = List.of("am", "ar", "da", "de", "el", "en", "es", "fr", "hi",
            "it", "ko", "nl", "pl", "pt", "ru", "tr", "uk", "zh");

    private static final Map<String, Script> SCRIPT_OF = Map.ofEntries(Map.entry("am", Script.ETHIOPIC),
            Map.entry("ar", Script.ARABIC), Map.entry("fa", Script.ARABIC), Map.entry("ur", Script.ARABIC),
            Map.entry("el", Script.GREEK), Map.entry("he", Script.HEBREW), Map.entry("hi", Script.DEVANAGARI),
            Map.entry("mr", Script.DEVANAGARI), Map.entry("ne", Script.DEVANAGARI), Map.entry("bn", Script.BENGALI),
            Map.entry("zh", Script.HAN), Map.entry("ja", Script.KANA), Map.entry("ko", Script.HANGUL),
            Map.entry("th", Script.THAI), Map.entry("ka", Script.GEORGIAN), Map.entry("hy", Script.ARMENIAN),
            Map.entry("ru", Script.CYRILLIC), Map.entry("uk", Script.CYRILLIC), Map.entry("bg", Script.CYRILLIC),
            Map.entry("sr", Script.CYRILLIC), Map.entry("mk", Script.CYRILLIC), Map.entry("be", Script.CYRILLIC),
            Map.entry("kk", Script.CYRILLIC));

    /**
     * Scripts that identify one language on their own: reported even when that language is not configured (the
     * models cannot score it, but the verdict should say what it is).
     */
    public static final Map<Script, String> RECOGNISED = Map.ofEntries(Map.entry(Script.KANA, "ja"),
            Map.entry(Script.THAI, "th"), Map.entry(Script.HEBREW, "he"), Map.entry(Script.GEORGIAN, "ka"),
            Map.entry(Script.ARMENIAN, "hy"), Map.entry(Script.BENGALI, "bn"), Map.entry(Script.TAMIL, "ta"),
            Map.entry(Script.TELUGU, "te"), Map.entry(Script.KANNADA, "kn"), Map.entry(Script.MALAYALAM, "ml"),
            Map.entry(Script.GUJARATI, "gu"), Map.entry(Script.GURMUKHI, "pa"), Map.entry(Script.ORIYA, "or"),
            Map.entry(Script.SINHALA, "si"), Map.entry(Script.KHMER, "km"), Map.entry(Script.LAO, "lo"),
            Map.entry(Script.MYANMAR, "my"), Map.entry(Script.TIBETAN, "bo"), Map.entry(Script.ETHIOPIC, "am"),
            Map.entry(Script.HANGUL, "ko"), Map.entry(Script.GREEK, "el"));

    /** Languages commonly written in Latin letters too; candidates for Latin text when the fast model knows them. */
    private static final Set<String> ROMANIZED = Set.of("hi");

    private final Set<String> languages;
    private final Map<Script, List<String>> byScript = new EnumMap<>(Script.class);
    /** The fast model restricted to each script's candidates ({@link LangIdModel#among}); absent: none it knows. */
    private final Map<Script, LangIdModel> fastByScript = new EnumMap<>(Script.class);
    private final LinguaLanguageDetector lingua;
    private final double fastConfidence;
    private final double minConfidence;
    private final int minLetters;

    private CompositeLanguageDetector(Builder b) {
        this.languages = new LinkedHashSet<>(b.languages);
        LangIdModel fast = b.fast; // only its per-script restrictions are kept
        for (String l : languages) {
            byScript.computeIfAbsent(SCRIPT_OF.getOrDefault(l, Script.LATIN), s -> new ArrayList<>()).add(l);
            // Languages also written in Latin letters (romanized Hindi) when the fast model learned them so.
            if (SCRIPT_OF.containsKey(l) && SCRIPT_OF.get(l) != Script.LATIN && ROMANIZED.contains(l)
                    && fast != null && fast.classes().contains(l)) {
                byScript.computeIfAbsent(Script.LATIN, s -> new ArrayList<>()).add(l);
            }
        }
        if (fast != null) {
            byScript.forEach((script, candidates) -> {
                LangIdModel m = fast.among(candidates);
                if (!m.classes().isEmpty()) {
                    fastByScript.put(script, m);
                }
            });
        }
        List<String> linguaLanguages = languages.stream().filter(LinguaLanguageDetector::knows).toList();
        this.lingua = b.useLingua && linguaLanguages.size() >= 2
                ? new LinguaLanguageDetector(linguaLanguages, b.preloadLingua, b.linguaLowAccuracy) : null;
        this.fastConfidence = b.fastConfidence;
        this.minConfidence = b.minConfidence;
        this.minLetters = b.minLetters;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The shipped configuration: all default languages, embedded model, Lingua fallback. */
    public static CompositeLanguageDetector loadDefault() {
        return builder().build();
    }

    public Set<String> languages() {
        return languages;
    }

    @Override
    public List<LanguageGuess> detectBatch(List<String> texts, List<String> hints) {
        List<LanguageGuess> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(detectOne(texts.get(i), hints == null ? null : hints.get(i)));
        }
        return out;
    }

    private LanguageGuess detectOne(String text, String hint) {
        int[] counts = Script.count(text);
        Script dominant = Script.OTHER;
        int letters = 0;
        for (Script s : Script.values()) {
            if (s == Script.OTHER) {
                continue;
            }
            letters += counts[s.ordinal()];
            if (dominant == Script.OTHER || counts[s.ordinal()] > counts[dominant.ordinal()]) {
                dominant = s;
            }
        }
        if (hint != null && !hint.isBlank()) {
            String h = hint.trim().toLowerCase(Locale.ROOT);
            if (languages.contains(h)) {
                return new LanguageGuess(h, dominant.iso(), 1.0, "hint");
            }
        }
        if (letters < minLetters) {
            return LanguageGuess.tooShort(dominant.iso());
        }
        if (dominant == Script.OTHER) {
            return LanguageGuess.undetermined(dominant.iso());
        }
        // Han with kana is Japanese, not Chinese.
        if (dominant == Script.HAN && counts[Script.KANA.ordinal()] > 0) {
            dominant = Script.KANA;
        }
        double share = counts[dominant.ordinal()] / (double) letters;
        List<String> candidates = byScript.getOrDefault(dominant, List.of());
        if (candidates.isEmpty()) {
            String recognised = RECOGNISED.get(dominant);
            return recognised == null ? LanguageGuess.undetermined(dominant.iso())
                    : decide(recognised, dominant, share, "script");
        }
        if (candidates.size() == 1) {
            return decide(candidates.get(0), dominant, share, "script");
        }
        if (dominant == Script.CYRILLIC && candidates.contains("ru") && candidates.contains("uk")) {
            String byLetters = CyrillicLetters.decide(text);
            if (byLetters != null) {
                return decide(byLetters, dominant, share, "script");
            }
        }
        LangIdModel model = fastByScript.get(dominant);
        if (model != null) {
            // Probabilities among the script's candidates only (the model restricted to them).
            double[] p = model.predict(text);
            int best = 0;
            for (int c = 1; c < p.length; c++) {
                if (p[c] > p[best]) {
                    best = c;
                }
            }
            if (p[best] >= fastConfidence) {
                return decide(model.classes().get(best), dominant, share * p[best], "fast");
            }
        }
        if (lingua != null) {
            // Lingua's confidences are relative, not calibrated: its best guess is final.
            LanguageGuess g = lingua.detect(text, candidates, dominant.iso());
            if (g != null) {
                return new LanguageGuess(g.lang(), dominant.iso(), share * g.confidence(), "lingua");
            }
        }
        return LanguageGuess.undetermined(dominant.iso());
    }

    private LanguageGuess decide(String lang, Script script, double confidence, String method) {
        if (confidence < minConfidence) {
            return LanguageGuess.undetermined(script.iso());
        }
        return new LanguageGuess(lang, script.iso(), confidence, method);
    }

    /** Builds a detector; defaults are the shipped configuration. */
    public static final class Builder {
        private Collection<String> languages = DEFAULT_LANGUAGES;
        private LangIdModel fast;
        private boolean fastSet;
        private boolean useLingua = true;
        private boolean preloadLingua = true;
        private boolean linguaLowAccuracy;
        // Chosen on DEV (BENCHMARKS.md, "Language detection"): at 0.60 Lingua decides a third as many comments and the
        // mean accuracy is higher than at 0.90 (DEV 0.9906 vs 0.9896, TEST 0.9939 vs 0.9923).
        private double fastConfidence = 0.60;
        private double minConfidence = 0.40;
        private int minLetters = 3;

        public Builder languages(Collection<String> codes) {
            this.languages = codes.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
            return this;
        }

        /** The embedded language-id model; null disables the fast path. Default: the shipped model. */
        public Builder fastModel(LangIdModel model) {
            this.fast = model;
            this.fastSet = true;
            return this;
        }

        public Builder useLingua(boolean use) {
            this.useLingua = use;
            return this;
        }

        public Builder preloadLingua(boolean preload) {
            this.preloadLingua = preload;
            return this;
        }

        /** Lingua's low-accuracy mode (trigrams only): a fraction of its memory and start-up time. */
        public Builder linguaLowAccuracy(boolean low) {
            this.linguaLowAccuracy = low;
            return this;
        }

        public Builder fastConfidence(double c) {
            this.fastConfidence = c;
            return this;
        }

        public Builder minConfidence(double c) {
            this.minConfidence = c;
            return this;
        }

        public Builder minLetters(int n) {
            this.minLetters = n;
            return this;
        }

        public CompositeLanguageDetector build() {
            if (languages.isEmpty()) {
                throw new IllegalArgumentException("no languages configured");
            }
            if (!fastSet) {
                fast = LangIdModel.loadDefault();
            }
            return new CompositeLanguageDetector(this);
        }
    }
}
