package io.detoxstreams.language;

import com.github.pemistahl.lingua.api.IsoCode639_1;
import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lingua restricted to a set of languages (the reference detector: accurate, ~0.1–0.5 ms per call). Languages Lingua
 * does not know (Amharic) are ignored here; the script fast path handles them.
 */
public final class LinguaLanguageDetector {

    private final com.github.pemistahl.lingua.api.LanguageDetector detector;
    private final Set<Language> languages;

    public LinguaLanguageDetector(Collection<String> isoCodes, boolean preload) {
        this(isoCodes, preload, false);
    }

    /**
     * @param preload     load every language model now (seconds, ~0.4 GB for 17 languages) instead of on first use
     * @param lowAccuracy Lingua's low-accuracy mode: trigrams only, a fraction of the memory and time
     */
    public LinguaLanguageDetector(Collection<String> isoCodes, boolean preload, boolean lowAccuracy) {
        Set<Language> set = EnumSet.noneOf(Language.class);
        for (String code : isoCodes) {
            Language l = byIso(code);
            if (l != null) {
                set.add(l);
            }
        }
        if (set.size() < 2) {
            throw new IllegalArgumentException("Lingua needs at least two known languages, got " + isoCodes);
        }
        this.languages = set;
        LanguageDetectorBuilder b = LanguageDetectorBuilder.fromLanguages(set.toArray(Language[]::new));
        if (preload) {
            b = b.withPreloadedLanguageModels();
        }
        if (lowAccuracy) {
            b = b.withLowAccuracyMode();
        }
        this.detector = b.build();
    }

    /** Whether Lingua knows the language with this ISO 639-1 code. */
    public static boolean knows(String isoCode) {
        return byIso(isoCode) != null;
    }

    private static Language byIso(String code) {
        try {
            IsoCode639_1 iso = IsoCode639_1.valueOf(code.toUpperCase(Locale.ROOT));
            return Language.getByIsoCode639_1(iso);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * The most likely language among {@code candidates} (ISO codes) with its confidence (probability mass among
     * them), or null when Lingua cannot decide.
     */
    public LanguageGuess detect(String text, List<String> candidates, String script) {
        Map<Language, Double> conf = detector.computeLanguageConfidenceValues(text);
        String best = null;
        double bestValue = 0;
        double total = 0;
        List<String> lower = new ArrayList<>(candidates.size());
        for (String c : candidates) {
            lower.add(c.toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<Language, Double> e : conf.entrySet()) {
            String iso = e.getKey().getIsoCode639_1().toString().toLowerCase(Locale.ROOT);
            if (!lower.contains(iso)) {
                continue;
            }
            total += e.getValue();
            if (e.getValue() > bestValue) {
                bestValue = e.getValue();
                best = iso;
            }
        }
        if (best == null || total <= 0) {
            return null;
        }
        return new LanguageGuess(best, script, bestValue / total, "lingua");
    }

    public Set<Language> languages() {
        return languages;
    }
}
