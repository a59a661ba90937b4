package io.detoxstreams.explain;

import io.detoxstreams.rewrite.SpanEdit;

import java.util.List;

/**
 * Why a comment was rewritten or held, for moderators and authors (DESIGN §4). Span offsets are UTF-16 indices
 * into the <em>original</em> text.
 *
 * @param spans        toxic spans and what was done with each
 * @param categories   the categories involved, strongest first
 * @param scoreBefore  toxicity of the original
 * @param scoreAfter   toxicity of the rewrite (NaN when there is no rewrite)
 * @param method       how the rewrite was made ({@code span-substitution}, …)
 * @param backend      the backend that produced the published text, with model version
 * @param classifier   the classifier model version
 * @param summary      one English sentence saying what was done and why
 * @param rationale    the backend's own explanation of its rewrite (a chat LLM's), or null
 */
public record Explanation(List<SpanEdit> spans, List<String> categories, double scoreBefore, double scoreAfter,
                          String method, String backend, String classifier, String summary, String rationale) {

    public Explanation {
        spans = List.copyOf(spans);
        categories = List.copyOf(categories);
    }

    public Explanation(List<SpanEdit> spans, List<String> categories, double scoreBefore, double scoreAfter,
                       String method, String backend, String classifier, String summary) {
        this(spans, categories, scoreBefore, scoreAfter, method, backend, classifier, summary, null);
    }
}
