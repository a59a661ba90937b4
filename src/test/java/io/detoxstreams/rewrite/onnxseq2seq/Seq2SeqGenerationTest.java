package io.detoxstreams.rewrite.onnxseq2seq;

import io.detoxstreams.classify.onnx.HfModelDir;
import io.detoxstreams.config.ModelDevice;
import io.detoxstreams.testing.onnx.TinySeq2Seq;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Generation on a tiny encoder–decoder exported in Optimum's layouts ({@link TinySeq2Seq}), against the same network
 * computed in plain Java without any cache: greedy decoding, beam search, the key/value cache in both layouts
 * (decoder_with_past_model.onnx, decoder_model_merged.onnx), per-row end of sequence inside a batch, max new tokens,
 * repetition penalty and no-repeat n-grams.
 */
class Seq2SeqGenerationTest {

    static final int MAX_NEW = 12;
    static final TinySeq2Seq NET = new TinySeq2Seq(13, 8, 2, 2, 64, 10f, 11);
    @TempDir
    static Path dir;
    static Seq2SeqModel withPast;
    static Seq2SeqModel merged;
    static Seq2SeqModel noCache;
    static long[][] inputs;

    @BeforeAll
    static void build() throws Exception {
        withPast = Seq2SeqModel.open(HfModelDir.open(NET.write(dir.resolve("with-past"), true, false), List.of()),
                ModelDevice.CPU, true);
        merged = Seq2SeqModel.open(HfModelDir.open(NET.write(dir.resolve("merged"), false, true), List.of()),
                ModelDevice.CPU, true);
        noCache = Seq2SeqModel.open(HfModelDir.open(dir.resolve("with-past"), List.of()), ModelDevice.CPU, false);
        Random r = new Random(3);
        inputs = new long[12][];
        for (int i = 0; i < inputs.length; i++) {
            StringBuilder t = new StringBuilder();
            for (int k = 1 + r.nextInt(7); k > 0; k--) {
                t.append('w').append(r.nextInt(13)).append(' ');
            }
            inputs[i] = NET.ids(t.toString());
        }
    }

    @AfterAll
    static void close() {
        withPast.close();
        merged.close();
        noCache.close();
    }

    @Test
    void shouldUseTheLayoutTheExportHas() {
        assertThat(withPast.layout()).isEqualTo(Seq2SeqModel.Layout.WITH_PAST);
        assertThat(merged.layout()).isEqualTo(Seq2SeqModel.Layout.MERGED);
        assertThat(noCache.layout()).isEqualTo(Seq2SeqModel.Layout.NO_CACHE);
        assertThat(withPast.pastNames).hasSize(2 * 4).contains("past_key_values.1.encoder.value");
    }

    @Test
    void shouldDecodeGreedilyAsTheReferenceWithEachRowStoppingAtItsOwnEnd() {
        long[][] expected = new long[inputs.length][];
        Set<Integer> lengths = new HashSet<>();
        for (int i = 0; i < inputs.length; i++) {
            expected[i] = NET.referenceGreedy(inputs[i], MAX_NEW);
            lengths.add(expected[i].length);
        }
        // The batch must hold rows that end early at different steps and rows cut at max new tokens.
        assertThat(lengths).contains(MAX_NEW);
        assertThat(lengths.stream().filter(l -> l < MAX_NEW).count()).isGreaterThanOrEqualTo(2);
        for (Seq2SeqModel m : List.of(withPast, merged, noCache)) {
            long[][] got = new Generator(m).generate(inputs, Generation.greedy(MAX_NEW));
            for (int i = 0; i < inputs.length; i++) {
                assertThat(got[i]).as("%s row %d", m.layout(), i).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void shouldStopAtMaxNewTokens() {
        long[][] got = new Generator(withPast).generate(inputs, Generation.greedy(3));
        for (int i = 0; i < inputs.length; i++) {
            assertThat(got[i]).containsExactly(NET.referenceGreedy(inputs[i], 3));
        }
    }

    @Test
    void shouldGiveTheReferenceLogitsAtEveryCachedStep() {
        for (Seq2SeqModel m : List.of(withPast, merged, noCache)) {
            long[][] batch = {inputs[0], inputs[3], inputs[5]};
            try (DecoderRun run = new DecoderRun(m, m.encode(batch))) {
                long[] next = {TinySeq2Seq.PAD, TinySeq2Seq.PAD, TinySeq2Seq.PAD};
                List<List<Long>> seqs = new ArrayList<>();
                for (int r = 0; r < batch.length; r++) {
                    seqs.add(new ArrayList<>(List.of(TinySeq2Seq.PAD)));
                }
                for (int step = 0; step < 4; step++) {
                    float[][] logits = run.step(next);
                    for (int r = 0; r < batch.length; r++) {
                        double[] ref = NET.referenceLogits(NET.encode(batch[r]), seqs.get(r));
                        for (int v = 0; v < ref.length; v++) {
                            assertThat((double) logits[r][v]).as("%s step %d row %d token %d", m.layout(), step, r, v)
                                    .isCloseTo(ref[v], within(1e-4));
                        }
                        next[r] = 3 + (step * 5 + r) % 13;
                        seqs.get(r).add(next[r]);
                    }
                }
            }
        }
    }

    @Test
    void shouldMakeBeamSearchWithOneBeamEqualGreedy() {
        Generation one = new Generation(1, MAX_NEW, 0, 1.0);
        for (Seq2SeqModel m : List.of(withPast, merged)) {
            Generator g = new Generator(m);
            long[][] greedy = g.greedy(inputs, one);
            long[][] beam = g.beam(inputs, one);
            for (int i = 0; i < inputs.length; i++) {
                assertThat(beam[i]).as("row %d", i).containsExactly(greedy[i]);
            }
        }
    }

    @Test
    void shouldGiveTheSameBeamsWithAndWithoutTheCacheAndNoWorseThanGreedy() {
        Generation four = new Generation(4, MAX_NEW, 0, 1.0);
        long[][] cached = new Generator(withPast).generate(inputs, four);
        long[][] mergedOut = new Generator(merged).generate(inputs, four);
        long[][] uncached = new Generator(noCache).generate(inputs, four);
        int better = 0;
        for (int i = 0; i < inputs.length; i++) {
            assertThat(mergedOut[i]).containsExactly(cached[i]);
            assertThat(uncached[i]).containsExactly(cached[i]);
            long[] greedy = NET.referenceGreedy(inputs[i], MAX_NEW);
            double beamScore = NET.referenceScore(inputs[i], cached[i], MAX_NEW);
            double greedyScore = NET.referenceScore(inputs[i], greedy, MAX_NEW);
            assertThat(beamScore).as("row %d: beam %s vs greedy %s", i, Arrays.toString(cached[i]),
                    Arrays.toString(greedy)).isGreaterThanOrEqualTo(greedyScore - 1e-6);
            better += beamScore > greedyScore + 1e-6 ? 1 : 0;
        }
        System.out.println("beam search (4) beat greedy on " + better + " of " + inputs.length + " rows");
    }

    @Test
    void shouldApplyRepetitionPenaltyAndNoRepeatNgramsAsTheReferenceDoes() {
        Generation g = new Generation(1, MAX_NEW, 2, 1.8);
        long[][] got = new Generator(withPast).generate(inputs, g);
        for (int i = 0; i < inputs.length; i++) {
            assertThat(got[i]).as("row %d", i).containsExactly(referenceGreedy(inputs[i], g));
            List<String> bigrams = new ArrayList<>();
            long previous = TinySeq2Seq.PAD;
            for (long t : got[i]) {
                bigrams.add(previous + "," + t);
                previous = t;
            }
            assertThat(bigrams).doesNotHaveDuplicates();
        }
    }

    /** Greedy decoding with Hugging Face's repetition penalty and no-repeat n-gram rules, on the reference logits. */
    private static long[] referenceGreedy(long[] input, Generation g) {
        double[][] enc = NET.encode(input);
        List<Long> seq = new ArrayList<>(List.of(TinySeq2Seq.PAD));
        List<Long> out = new ArrayList<>();
        for (int step = 0; step < g.maxNewTokens(); step++) {
            double[] z = NET.referenceLogits(enc, seq);
            for (long t : new HashSet<>(seq)) {
                z[(int) t] = z[(int) t] < 0 ? z[(int) t] * g.repetitionPenalty() : z[(int) t] / g.repetitionPenalty();
            }
            int n = g.noRepeatNgramSize();
            for (int i = 0; i + n <= seq.size(); i++) {
                if (seq.subList(i, i + n - 1).equals(seq.subList(seq.size() - n + 1, seq.size()))) {
                    z[(int) (long) seq.get(i + n - 1)] = Double.NEGATIVE_INFINITY;
                }
            }
            int best = 0;
            for (int v = 1; v < z.length; v++) {
                best = z[v] > z[best] ? v : best;
            }
            if (best == TinySeq2Seq.EOS) {
                break;
            }
            out.add((long) best);
            seq.add((long) best);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }
}
