package io.detoxstreams.eval;

import io.detoxstreams.scoring.BinaryMetrics;

/**
 * Metrics of one evaluated file.
 *
 * @param lang    the file's language
 * @param suite   {@code toxicity} (natural comments) or {@code functional} (HateCheck)
 * @param rows    which rows of the file were scored: {@code test}, {@code dev} or {@code all}
 * @param metrics precision/recall/F1 of the toxic class, macro-F1, accuracy, ROC-AUC at the model's threshold
 */
public record LanguageScore(String lang, String suite, String rows, BinaryMetrics metrics) {
}
