package io.detoxstreams.explain;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@link Explanation} of a verdict (DESIGN §4): the spans with original UTF-16 offsets and what was done
 * to each, the categories involved (strongest first), scores before and after, the method and backend, and a
 * one-sentence English {@link Summary}. For a hold, the classifier's spans are reported as {@link EditAction#KEPT}
 * (nothing was published).
 *
 * <p>Stateless; call {@link #rewritten} or {@link #held}.
 */
public final class ExplanationBuilder {

    /** Categories below this score are not named unless a span carries them. */
    static final double CATEGORY_FLOOR = 0.5;

    private ExplanationBuilder() {
    }

    /**
     * @param edits     what the backend did to each toxic span, in original offsets
     * @param method    how the rewrite was made ({@code span-substitution}, …)
     * @param rationale the backend's own explanation (an LLM's), or null
     */
    public static Explanation rewritten(String original, ToxicityResult before, List<SpanEdit> edits, String method,
                                        String rationale, double scoreAfter, String backend) {
        List<String> categories = categories(before, edits);
        String summary = Summary.rewritten(edits, categories, before.score(), scoreAfter, before.threshold());
        return new Explanation(edits, categories, before.score(), scoreAfter, method, backend, before.model(),
                summary, rationale);
    }

    public static Explanation held(String original, ToxicityResult before, HoldReason reason, String method,
                                   String backend) {
        List<SpanEdit> spans = new ArrayList<>();
        for (ToxicSpan s : before.spans()) {
            int end = Math.min(s.end(), original.length());
            spans.add(new SpanEdit(s.start(), end, s.category(), s.score(), EditAction.KEPT,
                    original.substring(Math.min(s.start(), end), end)));
        }
        List<String> categories = categories(before, spans);
        String summary = Summary.held(reason, categories, before.score());
        return new Explanation(spans, categories, before.score(), Double.NaN, method, backend, before.model(),
                summary);
    }

    /**
     * The explanation of a comment the moderator held because it read a threat or self-harm in it: the passage
     * [{@code harmStart}, {@code harmEnd}) comes first, with {@code harmCategory} ({@code threat}, {@code self_harm}),
     * then the classifier's other spans, all kept; the summary says where the passage is and what found it.
     *
     * @param finder what found the passage, e.g. {@code pattern:en.tsv line 12}
     */
    public static Explanation heldForHarm(String original, ToxicityResult before, HoldReason reason, int harmStart,
                                          int harmEnd, String harmCategory, double harmScore, String finder,
                                          String backend) {
        int end = Math.min(harmEnd, original.length());
        int start = Math.min(harmStart, end);
        List<SpanEdit> spans = new ArrayList<>();
        spans.add(new SpanEdit(start, end, harmCategory, harmScore, EditAction.KEPT, original.substring(start, end)));
        for (ToxicSpan s : before.spans()) {
            if (s.end() <= start || s.start() >= end) {
                int e = Math.min(s.end(), original.length());
                spans.add(new SpanEdit(Math.min(s.start(), e), e, s.category(), s.score(), EditAction.KEPT,
                        original.substring(Math.min(s.start(), e), e)));
            }
        }
        Set<String> categories = new LinkedHashSet<>();
        categories.add(harmCategory);
        categories.addAll(categories(before, spans));
        String summary = Summary.heldForHarm(reason, harmCategory, start, end, finder, before.score());
        return new Explanation(spans, List.copyOf(categories), before.score(), Double.NaN, "none", backend,
                before.model(), summary);
    }

    private static final Comparator<Map.Entry<String, Double>> STRONGEST_FIRST =
            Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());
    private static final Comparator<SpanEdit> HIGHEST_SCORE_FIRST =
            Comparator.comparingDouble(SpanEdit::score).reversed();

    static List<String> categories(ToxicityResult before, List<SpanEdit> edits) {
        // Loops rather than streams: this runs for every published rewrite (the streams' set-up was ~1 % of the path).
        List<Map.Entry<String, Double>> strong = new ArrayList<>(4);
        for (Map.Entry<String, Double> e : before.categories().entrySet()) {
            if (e.getValue() >= CATEGORY_FLOOR) {
                strong.add(e);
            }
        }
        strong.sort(STRONGEST_FIRST);
        Set<String> out = new LinkedHashSet<>();
        for (Map.Entry<String, Double> e : strong) {
            out.add(e.getKey());
        }
        List<SpanEdit> byScore = new ArrayList<>(edits);
        byScore.sort(HIGHEST_SCORE_FIRST); // stable, as the stream's sort was
        for (SpanEdit e : byScore) {
            out.add(e.category());
        }
        return List.copyOf(out);
    }
}
