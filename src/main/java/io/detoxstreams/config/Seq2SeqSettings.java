package io.detoxstreams.config;

import java.util.Map;

/**
 * How {@code onnx-seq2seq} rewriters generate ({@code seq2seq.*}).
 *
 * @param numBeams          1 = greedy
 * @param prompts           per-language prompts ({@code seq2seq.prompt.<lang>}); {@link #prompt(String)} falls back
 *                          to {@code defaultPrompt}
 */
public record Seq2SeqSettings(ModelDevice device, int numBeams, int maxNewTokens, int noRepeatNgramSize,
                              double repetitionPenalty, boolean useCache, String defaultPrompt,
                              Map<String, String> prompts) {

    public Seq2SeqSettings {
        prompts = Map.copyOf(prompts);
    }

    /** The defaults on the CPU, without a prompt (as for BART). */
    public static Seq2SeqSettings defaults() {
        return new Seq2SeqSettings(ModelDevice.CPU, 1, 64, 0, 1.0, true, "", Map.of());
    }

    public String prompt(String lang) {
        return prompts.getOrDefault(lang, defaultPrompt);
    }

    public Seq2SeqSettings withBeams(int beams) {
        return new Seq2SeqSettings(device, beams, maxNewTokens, noRepeatNgramSize, repetitionPenalty, useCache,
                defaultPrompt, prompts);
    }

    public Seq2SeqSettings withCache(boolean cache) {
        return new Seq2SeqSettings(device, numBeams, maxNewTokens, noRepeatNgramSize, repetitionPenalty, cache,
                defaultPrompt, prompts);
    }

    public Seq2SeqSettings withMaxNewTokens(int n) {
        return new Seq2SeqSettings(device, numBeams, n, noRepeatNgramSize, repetitionPenalty, useCache,
                defaultPrompt, prompts);
    }

    public Seq2SeqSettings withDevice(ModelDevice d) {
        return new Seq2SeqSettings(d, numBeams, maxNewTokens, noRepeatNgramSize, repetitionPenalty, useCache,
                defaultPrompt, prompts);
    }

    public Seq2SeqSettings withPenalties(int noRepeat, double repetition) {
        return new Seq2SeqSettings(device, numBeams, maxNewTokens, noRepeat, repetition, useCache, defaultPrompt,
                prompts);
    }
}
