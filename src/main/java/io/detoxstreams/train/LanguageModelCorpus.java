package io.detoxstreams.train;

import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.fluency.FluencyTrainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The sentences the fluency language models learn from, read from a data directory laid out like ../shared/data under
 * a licence policy: the human rewrites (neutral sides) of {@code detox/<lang>.tsv}, the non-toxic comments of
 * {@code toxicity/<lang>.tsv} and the non-toxic cases of {@code toxicity/functional/<lang>.tsv} (not the abusive
 * "non-hateful" functionalities, which train the classifier as toxic). Rows go by the project's {@link Split}: TRAIN
 * rows are training sentences; the DEV (toxic, reference) pairs are kept apart to set the verifier's floor; TEST is
 * never read.
 * A restricted source ({@link SourcePolicy}) is left out entirely.
 */
public final class LanguageModelCorpus {

    /** One language's sentences and where they came from. */
    /**
     * One language's sentences and where they came from; {@code toxicTrain}: the toxic sides of the TRAIN detox pairs
     * (not for the language model; {@code train-lm} mines noun pre-modifiers from them too, since "a stupid idiot"
     * shows where adjectives stand as well as any neutral sentence).
     */
    public record Language(String lang, List<String> train, List<FluencyTrainer.Pair> devReferences,
                           Map<String, Integer> sources, List<String> toxicTrain) {
    }

    private LanguageModelCorpus() {
    }

    /** Every language with at least one training sentence, sorted by code. */
    public static Map<String, Language> read(Path dataDir, SourcePolicy policy) {
        if (!Files.isDirectory(dataDir)) {
            throw new IllegalArgumentException("data directory not found: " + dataDir.toAbsolutePath());
        }
        Map<String, Builder> langs = new TreeMap<>();
        for (Path f : CorpusReader.tsvFiles(dataDir.resolve("detox"))) {
            readDetox(f, policy, langs.computeIfAbsent(CorpusReader.lang(f), Builder::new));
        }
        for (Path f : CorpusReader.tsvFiles(dataDir.resolve("toxicity"))) {
            readComments(f, policy, false, langs.computeIfAbsent(CorpusReader.lang(f), Builder::new));
        }
        for (Path f : CorpusReader.tsvFiles(dataDir.resolve("toxicity/functional"))) {
            readComments(f, policy, true, langs.computeIfAbsent(CorpusReader.lang(f), Builder::new));
        }
        Map<String, Language> out = new TreeMap<>();
        langs.forEach((lang, b) -> {
            if (!b.train.isEmpty()) {
                // A TreeMap, not Map.copyOf: the immutable maps iterate in a per-JVM random order, and the sources are
                // written into the model (byte-identical retraining).
                out.put(lang, new Language(lang, List.copyOf(b.train), List.copyOf(b.dev),
                        java.util.Collections.unmodifiableMap(new TreeMap<>(b.sources)), List.copyOf(b.toxic)));
            }
        });
        return out;
    }

    private static final class Builder {
        final List<String> train = new ArrayList<>();
        final List<FluencyTrainer.Pair> dev = new ArrayList<>();
        final List<String> toxic = new ArrayList<>();
        final Map<String, Integer> sources = new TreeMap<>();

        Builder(String lang) {
        }

        void add(String text, Split split, String source) {
            if (split == Split.TRAIN) {
                train.add(text);
                sources.merge(source, 1, Integer::sum);
            }
        }
    }

    private static void readDetox(Path f, SourcePolicy policy, Builder out) {
        CorpusReader.forEachDetoxRow(f, policy, row -> {
            if (row.split() == Split.TRAIN) {
                out.toxic.add(row.toxic());
            }
            Set<String> seen = new LinkedHashSet<>();
            for (String cell : row.neutrals()) {
                String ref = cell.trim();
                if (!ref.isEmpty() && seen.add(ref.toLowerCase(Locale.ROOT))) {
                    out.add(ref, row.split(), "detox:" + row.source());
                    if (row.split() == Split.DEV) {
                        out.dev.add(new FluencyTrainer.Pair(row.toxic(), ref));
                    }
                }
            }
        });
    }

    private static void readComments(Path f, SourcePolicy policy, boolean functional, Builder out) {
        TsvTable t = TsvTable.read(f);
        int text = t.requireColumn("text");
        int label = t.requireColumn("label");
        int source = t.column("source").orElse(-1);
        int templ = t.column("templ_id").orElse(-1);
        int functionality = t.column("functionality").orElse(-1);
        for (int r = 0; r < t.size(); r++) {
            String src = source < 0 ? "unknown" : t.get(r, source);
            String s = t.get(r, text).trim();
            if (s.isEmpty() || !t.get(r, label).trim().equals("0") || !policy.allows(src)) {
                continue;
            }
            if (functionality >= 0 && CorpusReader.TOXIC_NOT_HATEFUL.contains(t.get(r, functionality).trim())) {
                continue;
            }
            String key = templ >= 0 && !t.get(r, templ).isBlank() ? "templ:" + t.get(r, templ) : s;
            out.add(s, Split.of(key), (functional ? "functional:" : "comments:") + src);
        }
    }
}
