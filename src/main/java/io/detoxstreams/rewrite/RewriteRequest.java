package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityResult;

/**
 * A toxic comment to rewrite.
 *
 * @param text     the original comment
 * @param lang     its language (ISO 639-1)
 * @param toxicity the classifier's verdict on the original, with spans in original offsets
 */
public record RewriteRequest(String text, String lang, ToxicityResult toxicity) {
}
