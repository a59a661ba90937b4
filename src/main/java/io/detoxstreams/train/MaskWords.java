package io.detoxstreams.train;

import io.detoxstreams.text.MaskDictionary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link MaskDictionary} shipped with the model: single-word terms of {@code lexicon/<lang>.txt}, most
 * frequent in the toxic training texts first, so {@code f**k} resolves to the common word.
 */
public final class MaskWords {

    private MaskWords() {
    }

    public static MaskDictionary build(Path dataDir, List<Example> examples) {
        Set<String> terms = new LinkedHashSet<>();
        for (Path f : CorpusReader.txtFiles(dataDir.resolve("lexicon"))) {
            try {
                terms.addAll(MaskDictionary.usable(Files.readAllLines(f, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read lexicon " + f, e);
            }
        }
        Map<String, Integer> freq = new HashMap<>();
        for (Example e : examples) {
            if (e.toxic() != 1f) {
                continue;
            }
            for (String tok : e.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (terms.contains(tok)) {
                    freq.merge(tok, 1, Integer::sum);
                }
            }
        }
        List<String> words = new ArrayList<>(terms);
        words.sort((x, y) -> {
            int c = Integer.compare(freq.getOrDefault(y, 0), freq.getOrDefault(x, 0));
            return c != 0 ? c : x.compareTo(y);
        });
        return new MaskDictionary(words);
    }
}
