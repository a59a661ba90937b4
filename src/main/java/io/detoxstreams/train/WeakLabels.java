package io.detoxstreams.train;

import io.detoxstreams.classify.Category;
import io.detoxstreams.text.MaskDictionary;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * No source annotates sexual content, so the {@code sexual} head is weakly supervised: a toxic example is positive
 * when it contains a term of the profanity/obscenity lexicons (LDNOOBW, censor-text: mostly sexual and anatomical
 * terms), a non-toxic one is negative. The model card says so.
 */
final class WeakLabels {

    private WeakLabels() {
    }

    static void addSexualLabels(List<Example> examples, MaskDictionary lexicon) {
        Set<String> terms = new HashSet<>(lexicon.words());
        int head = Heads.of(Category.SEXUAL);
        for (Example e : examples) {
            float[] labels = e.labels();
            if (e.toxic() == 0f) {
                labels[head] = 0f;
                continue;
            }
            boolean hit = false;
            for (String tok : e.text().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
                if (terms.contains(tok)) {
                    hit = true;
                    break;
                }
            }
            labels[head] = hit ? 1f : 0f;
        }
    }
}
