package io.detoxstreams.rewrite.onnxseq2seq;

/**
 * What one generation call may do.
 *
 * @param numBeams          1 = greedy decoding
 * @param maxNewTokens      longest output (the end-of-sequence token counts)
 * @param noRepeatNgramSize no n-gram of this size twice in a row's tokens (0 = off), as Hugging Face's
 *                          {@code no_repeat_ngram_size}
 * @param repetitionPenalty divides positive and multiplies negative logits of tokens already in the row (1 = off), as
 *                          Hugging Face's {@code repetition_penalty}
 */
record Generation(int numBeams, int maxNewTokens, int noRepeatNgramSize, double repetitionPenalty) {

    Generation {
        if (numBeams < 1 || maxNewTokens < 1 || noRepeatNgramSize < 0 || repetitionPenalty < 1.0) {
            throw new IllegalArgumentException("bad generation settings: " + this);
        }
    }

    static Generation greedy(int maxNewTokens) {
        return new Generation(1, maxNewTokens, 0, 1.0);
    }
}
