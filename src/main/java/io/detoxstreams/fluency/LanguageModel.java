package io.detoxstreams.fluency;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * One language's n-gram language model: a word model with interpolated modified Kneser–Ney smoothing over
 * {@link LmTokens} and a character model that spells the words the word model has not seen (a {@code <unk>} token's
 * probability times the spelling's).
 *
 * <p>Its score ({@link FluencyScore#perToken()}) is SLOR (Lau, Clark &amp; Lappin 2017): the text's log probability
 * minus the log of its tokens' plain frequencies, per token. Rare words therefore cost nothing by themselves (the
 * spelling of an unseen word cancels out as well); what lowers it is an unlikely sequence. Part of a
 * {@link LanguageFluency}; trained by {@link FluencyTrainer}. Immutable and thread-safe.
 */
public final class LanguageModel {

    private final NgramModel words;
    private final NgramModel chars;

    LanguageModel(NgramModel words, NgramModel chars) {
        this.words = words;
        this.chars = chars;
    }

    public FluencyScore score(String text) {
        return score(LmTokens.of(text));
    }

    /**
     * The SLOR score per token over the positions marked in {@code which} (index i = token i - 1 of the
     * {@link #encode}d sequence, the last = {@code </s>}); NaN when none is marked.
     */
    public double perToken(List<String> tokens, boolean[] which) {
        // Only the marked positions and the order - 1 before each are read: look up just those ids.
        int[] ids = new int[tokens.size() + 2];
        ids[0] = NgramModel.BOS;
        ids[ids.length - 1] = NgramModel.EOS;
        int next = 1;
        for (int i = 1; i < ids.length; i++) {
            if (which[i]) {
                for (int j = Math.max(next, i - words.order() + 1); j <= Math.min(i, ids.length - 2); j++) {
                    ids[j] = words.id(tokens.get(j - 1));
                }
                next = i + 1;
            }
        }
        double slor = 0;
        int n = 0;
        for (int i = 1; i < ids.length; i++) {
            if (which[i]) {
                slor += words.log10(ids, i, 0) - words.frequencyLog10(ids[i]);
                n++;
            }
        }
        return n == 0 ? Double.NaN : slor / n;
    }

    public FluencyScore score(List<String> tokens) {
        int[] ids = encode(tokens);
        double log10 = 0;
        double slor = 0;
        double worst = Double.POSITIVE_INFINITY;
        int worstAt = 0;
        for (int i = 1; i < ids.length; i++) {
            double lp = words.log10(ids, i, 0);
            double term = lp - words.frequencyLog10(ids[i]);
            slor += term;
            if (ids[i] == NgramModel.UNK) {
                lp += spell(tokens.get(i - 1));
            }
            log10 += lp;
            if (term < worst) {
                worst = term;
                worstAt = i - 1;
            }
        }
        int n = ids.length - 1;
        return new FluencyScore(n, log10, slor / n, worst, worstAt);
    }

    /** {@code <s>}, the token ids, {@code </s>}: the sequence {@link #term} reads. */
    public int[] encode(List<String> tokens) {
        int[] ids = new int[tokens.size() + 2];
        ids[0] = NgramModel.BOS;
        for (int i = 0; i < tokens.size(); i++) {
            ids[i + 1] = words.id(tokens.get(i));
        }
        ids[ids.length - 1] = NgramModel.EOS;
        return ids;
    }

    /** The id of one token ({@code <unk>}'s when unseen), for callers that build {@link #encode}d sequences. */
    public int id(String token) {
        return words.id(token);
    }

    /** The id of {@code <s>}, which starts every {@link #encode}d sequence. */
    public int bos() {
        return NgramModel.BOS;
    }

    /** The id of {@code </s>}, which ends every {@link #encode}d sequence. */
    public int eos() {
        return NgramModel.EOS;
    }

    /** Whether the word model has {@code token} in its vocabulary. */
    public boolean knows(String token) {
        return words.id(token) != NgramModel.UNK;
    }

    /** The SLOR term of position {@code pos} of an {@link #encode}d sequence (pos ≥ 1). */
    public double term(int[] ids, int pos) {
        return words.log10(ids, pos, 0) - words.frequencyLog10(ids[pos]);
    }

    /** The order of the word model: a token's term depends on at most {@code order - 1} tokens before it. */
    public int order() {
        return words.order();
    }

    /** log10 P(word | unseen word) by the character model: how word-like its spelling is in this language. */
    public double spell(String word) {
        int[] ids = new int[word.codePointCount(0, word.length()) + 2];
        ids[0] = NgramModel.BOS;
        int k = 1;
        for (int i = 0; i < word.length(); ) {
            int cp = word.codePointAt(i);
            ids[k++] = chars.id(new String(Character.toChars(cp)));
            i += Character.charCount(cp);
        }
        ids[k] = NgramModel.EOS;
        double lp = 0;
        for (int i = 1; i < ids.length; i++) {
            lp += chars.log10(ids, i, 0);
        }
        return lp;
    }

    /** Entries per order of the word model, unigrams first. */
    public int[] ngramCounts() {
        return words.sizes();
    }

    public int vocabularySize() {
        return words.vocabularySize();
    }

    /** Heap taken by the lookup tables. */
    public long memoryBytes() {
        return words.memoryBytes() + chars.memoryBytes();
    }

    void write(DataOutputStream d) throws IOException {
        words.write(d);
        chars.write(d);
    }

    static LanguageModel read(DataInputStream d) throws IOException {
        return new LanguageModel(NgramModel.read(d), NgramModel.read(d));
    }

    @Override
    public String toString() {
        return "LanguageModel[vocabulary " + words.vocabularySize() + ", n-grams " + Arrays.toString(words.sizes())
                + "]";
    }
}
