package io.detoxstreams.fluency;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A back-off n-gram model over a closed vocabulary, as estimated by {@link KneserNeyEstimator}: per order an
 * {@link NgramTable} of log10 probabilities and back-off weights (the ARPA representation of interpolated
 * Kneser–Ney), plus the plain relative frequency of every vocabulary entry (for SLOR, see {@link LanguageModel}).
 * Ids 0, 1, 2 are {@code <unk>}, {@code <s>} and {@code </s>}. Used both for words and for the characters of unseen
 * words.
 *
 * <p>Immutable; thread-safe.
 */
final class NgramModel {

    static final int UNK = 0;
    static final int BOS = 1;
    static final int EOS = 2;
    static final List<String> SPECIALS = List.of("<unk>", "<s>", "</s>");

    /** Highest order a model may have (the estimator's limit). */
    static final int MAX_ORDER = 8;

    private final int order;
    private final String[] vocabulary;
    private final Map<String, Integer> index;
    private final NgramTable[] tables;
    private final float[] frequencyLog10;

    NgramModel(int order, String[] vocabulary, NgramTable[] tables, float[] frequencyLog10) {
        if (tables.length != order || frequencyLog10.length != vocabulary.length || vocabulary.length < 3) {
            throw new IllegalArgumentException("inconsistent n-gram model: order " + order + ", " + tables.length
                    + " tables, " + vocabulary.length + " words, " + frequencyLog10.length + " frequencies");
        }
        this.order = order;
        this.vocabulary = vocabulary;
        this.tables = tables;
        this.frequencyLog10 = frequencyLog10;
        this.index = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            index.put(vocabulary[i], i);
        }
    }

    int order() {
        return order;
    }

    int vocabularySize() {
        return vocabulary.length;
    }

    String word(int id) {
        return vocabulary[id];
    }

    /** The id of a token, {@link #UNK} when it is not in the vocabulary. */
    int id(String token) {
        Integer i = index.get(token);
        return i == null ? UNK : i;
    }

    /** log10 of the relative frequency of {@code id} in the training tokens. */
    double frequencyLog10(int id) {
        return frequencyLog10[id];
    }

    /**
     * log10 P(ids[pos] | the up to order-1 ids before it, not reaching before {@code from}). Standard back-off: the
     * longest n-gram present gives the probability; each longer context that is present but cannot continue with
     * this id adds its back-off weight.
     */
    double log10(int[] ids, int pos, int from) {
        int max = Math.min(order - 1, pos - from);
        // Running hash states of ids[pos-k .. pos] (n-grams) and ids[pos-k .. pos-1] (contexts), k = 0..max.
        Recent recent = this.recent.get();
        long[] scratch = recent.scratch;
        long[] grams = scratch;
        long[] contexts = scratch;
        int offset = MAX_ORDER;
        long g = NgramTable.extend(NgramTable.SEED, ids[pos]);
        long c = NgramTable.SEED;
        grams[0] = NgramTable.finish(g, 1);
        for (int k = 1; k <= max; k++) {
            int id = ids[pos - k];
            g = NgramTable.extend(g, id);
            c = NgramTable.extend(c, id);
            grams[k] = NgramTable.finish(g, k + 1);
            contexts[offset + k] = NgramTable.finish(c, k);
        }
        long key = grams[max] * 31 + max;
        int at = (int) (key ^ (key >>> 29)) & (Recent.SIZE - 1);
        if (recent.keys[at] == key && recent.filled[at]) {
            return recent.values[at];
        }
        double value = lookup(grams, contexts, offset, max);
        recent.keys[at] = key;
        recent.values[at] = value;
        recent.filled[at] = true;
        return value;
    }

    /**
     * The last {@link #SIZE} lookups of this model on this thread, direct-mapped by n-gram hash: the candidates of one
     * edit, the passes of one rewrite and the verifier ask for the same n-grams again, and a table probe is a cache
     * miss into megabytes. It also holds the hash scratch, so a lookup asks for one thread-local, not two.
     */
    private static final class Recent {
        static final int SIZE = 4096;
        /** Hash scratch of {@link #log10}: n-gram states first, context states from {@link #MAX_ORDER}. */
        final long[] scratch = new long[2 * MAX_ORDER];
        final long[] keys = new long[SIZE];
        final double[] values = new double[SIZE];
        final boolean[] filled = new boolean[SIZE];
    }

    private final ThreadLocal<Recent> recent = ThreadLocal.withInitial(Recent::new);

    private double lookup(long[] grams, long[] contexts, int offset, int max) {
        double backoff = 0.0;
        for (int k = max; k >= 0; k--) {
            NgramTable t = tables[k];
            int slot = t.find(grams[k]);
            if (slot >= 0 && t.predictable(slot)) {
                return backoff + t.log10Prob(slot);
            }
            if (k > 0) {
                NgramTable ct = tables[k - 1];
                int ctx = ct.find(contexts[offset + k]);
                if (ctx >= 0) {
                    backoff += ct.log10Backoff(ctx);
                }
            }
        }
        // Unreachable for a well-formed model (every id has a unigram); a floor keeps a corrupt one usable.
        return backoff - 7.0;
    }

    /** Entries per order (unigrams first). */
    int[] sizes() {
        int[] s = new int[order];
        for (int n = 0; n < order; n++) {
            s[n] = tables[n].size();
        }
        return s;
    }

    long memoryBytes() {
        long b = 0;
        for (NgramTable t : tables) {
            b += t.capacity() * 8L;
        }
        return b + vocabulary.length * 48L;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(order);
        out.writeInt(vocabulary.length);
        for (int i = 0; i < vocabulary.length; i++) {
            out.writeUTF(vocabulary[i]);
            out.writeFloat(frequencyLog10[i]);
        }
        for (NgramTable t : tables) {
            t.write(out);
        }
    }

    static NgramModel read(DataInputStream in) throws IOException {
        int order = in.readInt();
        int size = in.readInt();
        if (order < 1 || order > MAX_ORDER || size < 3) {
            throw new IOException("corrupt n-gram model header: order " + order + ", vocabulary " + size);
        }
        String[] vocabulary = new String[size];
        float[] freq = new float[size];
        for (int i = 0; i < size; i++) {
            vocabulary[i] = in.readUTF();
            freq[i] = in.readFloat();
        }
        NgramTable[] tables = new NgramTable[order];
        for (int n = 0; n < order; n++) {
            tables[n] = NgramTable.read(in);
        }
        return new NgramModel(order, vocabulary, tables, freq);
    }
}
