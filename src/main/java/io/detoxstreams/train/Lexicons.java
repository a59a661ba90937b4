package io.detoxstreams.train;

import io.detoxstreams.text.MaskDictionary;
import io.detoxstreams.text.NormalizedText;
import io.detoxstreams.text.TextNormalizer;
import io.detoxstreams.text.WordSegmenter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The word lists derived from the training data and shipped inside the model:
 * <ul>
 *   <li>the mask dictionary: words strongly associated with toxic training texts (≥ 3 toxic occurrences, ≥ 70%
 *       of them toxic), most frequent first, then the single-word terms of {@code lexicon/<lang>.txt}; it resolves
 *       {@code f*ck}, {@code х*й};</li>
 *   <li>the segmentation vocabulary: training words seen at least 3 times (top 60,000), for splitting spaced-out
 *       letter runs back into words;</li>
 *   <li>the lexicon terms themselves, normalized, per language: the model's lexicon-hit feature.</li>
 * </ul>
 * Built from the TRAIN split only, on text normalized without these lists.
 */
public record Lexicons(MaskDictionary masks, WordSegmenter segmenter, Map<String, List<String>> lexiconByLanguage) {

    static final int MIN_TOXIC_COUNT = 3;
    static final double MIN_TOXIC_SHARE = 0.7;
    static final int MIN_WORD_COUNT = 3;
    static final int MAX_VOCABULARY = 60_000;

    public TextNormalizer normalizer() {
        return new TextNormalizer(masks, segmenter);
    }

    public static Lexicons build(Path dataDir, List<Example> trainExamples) {
        Set<String> terms = new LinkedHashSet<>();
        Set<String> languages = new java.util.TreeSet<>();
        trainExamples.forEach(e -> languages.add(e.lang()));
        TextNormalizer plain = TextNormalizer.withoutMasks();
        Map<String, List<String>> byLanguage = new java.util.TreeMap<>();
        for (Path f : CorpusReader.txtFiles(dataDir.resolve("lexicon"))) {
            List<String> lines;
            try {
                lines = Files.readAllLines(f, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon " + f, e);
            }
            terms.addAll(MaskDictionary.usable(lines));
            String lang = CorpusReader.lang(f);
            if (languages.contains(lang)) {
                Set<String> normalized = new LinkedHashSet<>();
                for (String line : lines) {
                    String t = plain.normalize(line.strip()).text();
                    if (!t.isEmpty()) {
                        normalized.add(t);
                    }
                }
                byLanguage.put(lang, List.copyOf(normalized));
            }
        }
        Map<String, Integer> all = new HashMap<>();
        Map<String, Integer> toxic = new HashMap<>();
        for (Example e : trainExamples) {
            boolean isToxic = e.toxic() == 1f;
            for (String w : words(plain.normalize(e.text()))) {
                all.merge(w, 1, Integer::sum);
                if (isToxic) {
                    toxic.merge(w, 1, Integer::sum);
                }
            }
        }
        List<String> toxicWords = new ArrayList<>();
        toxic.forEach((w, c) -> {
            if (c >= MIN_TOXIC_COUNT && w.length() >= 3 && c >= MIN_TOXIC_SHARE * all.get(w)) {
                toxicWords.add(w);
            }
        });
        toxicWords.sort((x, y) -> {
            int c = Integer.compare(toxic.get(y), toxic.get(x));
            return c != 0 ? c : x.compareTo(y);
        });
        List<String> maskWords = new ArrayList<>(toxicWords);
        List<String> lexiconSorted = new ArrayList<>(terms);
        lexiconSorted.sort((x, y) -> {
            int c = Integer.compare(toxic.getOrDefault(y, 0), toxic.getOrDefault(x, 0));
            return c != 0 ? c : x.compareTo(y);
        });
        maskWords.addAll(lexiconSorted);
        List<Map.Entry<String, Integer>> frequent = new ArrayList<>();
        for (Map.Entry<String, Integer> e : all.entrySet()) {
            if (e.getValue() >= MIN_WORD_COUNT && e.getKey().length() <= 24) {
                frequent.add(e);
            }
        }
        frequent.sort((x, y) -> {
            int c = Integer.compare(y.getValue(), x.getValue());
            return c != 0 ? c : x.getKey().compareTo(y.getKey());
        });
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Map.Entry<String, Integer> e : frequent.subList(0, Math.min(MAX_VOCABULARY, frequent.size()))) {
            vocabulary.put(e.getKey(), e.getValue());
        }
        return new Lexicons(new MaskDictionary(maskWords), new WordSegmenter(vocabulary), byLanguage);
    }

    /** The letter-only words of a normalized text. */
    static List<String> words(NormalizedText t) {
        List<String> out = new ArrayList<>();
        for (String w : t.text().split("[^\\p{L}\\p{M}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
