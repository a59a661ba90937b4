package io.detoxstreams.train;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which data sources may go into a model, decided on each row's {@code source} column. The shipped model uses
 * {@link #PERMISSIVE}: it leaves out the sources that ../shared/data/README.md flags as non-commercial or without a
 * stated licence (OLID, HatEval 2019 Spanish, Amharic RANLP 2023). {@link #ALL} is for internal research
 * evaluation only; models trained with it must not be shipped.
 */
public enum SourcePolicy {
    PERMISSIVE, ALL;

    /** Source-name prefixes whose licence forbids shipping a model trained on them. */
    public static final List<String> RESTRICTED_PREFIXES = List.of(
            "olid-",            // OLID / OffensEval 2019: no licence stated
            "hateval2019-",     // HatEval 2019 Spanish: CC-BY-NC-4.0
            "amharic-hs-");     // Amharic hate speech RANLP 2023: no licence stated

    /** Sources known to be permissive (for the model card); anything else is allowed but reported as unknown. */
    public static final Set<String> KNOWN_PERMISSIVE_PREFIXES = Set.of("davidson2017", "jigsaw2018", "germeval2018",
            "told-br", "kocohub", "cold-", "offenseval2020", "russian-distorted-toxicity", "hatecheck", "mhc-",
            "semeval2021-tsd", "paradetox", "multilingual_paradetox", "russe2022", "panlingua");

    public boolean allows(String source) {
        return this == ALL || !isRestricted(source);
    }

    public static boolean isRestricted(String source) {
        String s = source.toLowerCase(Locale.ROOT);
        return RESTRICTED_PREFIXES.stream().anyMatch(s::startsWith);
    }
}
