package io.detoxstreams.eval.detox;

import io.detoxstreams.classify.ToxicSpan;

import java.util.List;

/**
 * The textdetox "Delete" baseline: remove every span the classifier flags and collapse whitespace — no
 * substitution, no repair. Spans are UTF-16 offsets into {@code text}; overlapping or unsorted spans are tolerated.
 */
public final class DeleteBaseline {

    private DeleteBaseline() {
    }

    public static String apply(String text, List<ToxicSpan> spans) {
        boolean[] drop = new boolean[text.length()];
        for (ToxicSpan s : spans) {
            for (int i = Math.max(0, s.start()); i < Math.min(text.length(), s.end()); i++) {
                drop[i] = true;
            }
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!drop[i]) {
                sb.append(text.charAt(i));
            }
        }
        return sb.toString().trim().replaceAll("\\s+", " ");
    }
}
