package io.detoxstreams.train;

import io.detoxstreams.data.Split;

/**
 * One labelled text for training or evaluation.
 *
 * @param text   the original text
 * @param lang   ISO 639-1 code of the file it came from
 * @param corpus which kind of file: toxicity, functional, spans, detox
 * @param source the row's {@code source} column (licence decisions are made on it)
 * @param split  train/dev/test
 * @param labels one value per {@link Heads} entry: 1, 0, or NaN when the source does not annotate it
 * @param group  functionality (functional tests) or empty; used to break down evaluation
 */
public record Example(String text, String lang, Corpus corpus, String source, Split split, float[] labels,
                      String group) {

    public enum Corpus { TOXICITY, FUNCTIONAL, SPANS, DETOX }

    public float toxic() {
        return labels[0];
    }
}
