package io.detoxstreams.fluency;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * How plausible it is that two stretches of text stand next to each other: the probability that the junction
 * {@code L2 L1 | R1 R2} of {@link LmTokens} is one a person wrote, rather than one left by deleting words in between.
 * A logistic regression over hashed pairs of the tokens on either side — as words, and as classes (the language's
 * {@link #frequentTokens} stand for themselves, every other word for its last three letters, a cheap stand-in for its
 * part of speech) — trained by {@link JunctionTrainer} on the real adjacencies of human sentences against the junctions
 * those sentences get when one to three tokens holding a content word are cut out.
 *
 * <p>This is the part of the fluency model that sees holes: a word n-gram model trained on the ~10<sup>4</sup>
 * sentences available per language spreads a hole's cost over the whole sentence and barely separates deletions from
 * human rewrites (MODEL_CARD.md, "Fluency model"). Features are int hashes of the tokens' {@link String#hashCode()}
 * (fixed by the Java specification), so a model trained on one JVM scores identically on any other. Immutable and
 * thread-safe.
 */
public final class JunctionModel {

    /** Word and class hash of the sentence start and end. */
    public static final int BOS = 0x5f3759df;
    public static final int EOS = 0x1b873593;
    static final int FEATURES = 11;

    private final int bits;
    private final int mask;
    private final float bias;
    private final float scale;
    private final short[] weights;
    private final Set<String> frequentTokens;

    JunctionModel(int bits, float bias, float[] weights, Set<String> frequentTokens) {
        if (weights.length != 1 << bits) {
            throw new IllegalArgumentException("need 2^" + bits + " weights, got " + weights.length);
        }
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.bias = bias;
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        this.scale = max / Short.MAX_VALUE;
        this.weights = new short[weights.length];
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = (short) Math.round(weights[i] / scale);
        }
        this.frequentTokens = Set.copyOf(frequentTokens);
    }

    private JunctionModel(int bits, float bias, float scale, short[] weights, Set<String> frequentTokens) {
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.bias = bias;
        this.scale = scale;
        this.weights = weights;
        this.frequentTokens = Set.copyOf(frequentTokens);
    }

    /** A token's word hash. */
    public static int wordHash(String token) {
        return token.hashCode();
    }

    /** A token's class hash: frequent tokens and non-words are their own class, other words their last 3 letters. */
    public int classHash(String token) {
        if (frequentTokens.contains(token) || !LmTokens.isWord(token)) {
            return token.hashCode() * 31 + 7;
        }
        int n = token.length();
        int from = n <= 3 ? 0 : token.offsetByCodePoints(n, -Math.min(3, token.codePointCount(0, n)));
        return token.substring(from).hashCode() * 31 + 11 + (n <= 3 ? 1 : 0);
    }

    /**
     * Word and class hashes of a token sequence, with two positions of padding on each side ({@code <s>}, {@code </s>}):
     * index {@code i + 2} is token {@code i}.
     */
    public Hashes hashes(List<String> tokens) {
        int n = tokens.size();
        int[] w = new int[n + 4];
        int[] c = new int[n + 4];
        w[0] = w[1] = c[0] = c[1] = BOS;
        w[n + 2] = w[n + 3] = c[n + 2] = c[n + 3] = EOS;
        for (int i = 0; i < n; i++) {
            w[i + 2] = wordHash(tokens.get(i));
            c[i + 2] = classHash(tokens.get(i));
        }
        return new Hashes(w, c);
    }

    /** Padded word and class hashes (see {@link #hashes}). */
    public record Hashes(int[] words, int[] classes) {

        public int size() {
            return words.length - 4;
        }
    }

    /** P(human junction) before token {@code r} of the sequence (0 = after {@code <s>}, size = before {@code </s>}). */
    public double probability(Hashes h, int r) {
        int i = r + 2;
        return probability(h.words[i - 2], h.classes[i - 2], h.words[i - 1], h.classes[i - 1], h.words[i],
                h.classes[i], h.words[i + 1], h.classes[i + 1]);
    }

    /** P(human junction) before token {@code r} of {@code tokens}, hashing only the four tokens around it. */
    public double probability(List<String> tokens, int r) {
        String l2 = r - 2 >= 0 && r - 2 < tokens.size() ? tokens.get(r - 2) : null;
        String l1 = r - 1 >= 0 && r - 1 < tokens.size() ? tokens.get(r - 1) : null;
        String r1 = r < tokens.size() ? tokens.get(r) : null;
        String r2 = r + 1 < tokens.size() ? tokens.get(r + 1) : null;
        return probability(w(l2, BOS), c(l2, BOS), w(l1, BOS), c(l1, BOS), w(r1, EOS), c(r1, EOS), w(r2, EOS),
                c(r2, EOS));
    }

    private static int w(String token, int pad) {
        return token == null ? pad : wordHash(token);
    }

    private int c(String token, int pad) {
        return token == null ? pad : classHash(token);
    }

    /** P(human junction) of {@code l2 l1 | r1 r2}, each given by word and class hash. */
    public double probability(int l2w, int l2c, int l1w, int l1c, int r1w, int r1c, int r2w, int r2c) {
        return 1.0 / (1.0 + Math.exp(-logit(l2w, l2c, l1w, l1c, r1w, r1c, r2w, r2c)));
    }

    /** The logit of {@link #probability}; the same features as {@link #features}, without allocating. */
    public double logit(int l2w, int l2c, int l1w, int l1c, int r1w, int r1c, int r2w, int r2c) {
        int sum = weights[mix(1, l1w, r1w, 0, 0) & mask] + weights[mix(2, l1c, r1c, 0, 0) & mask]
                + weights[mix(3, l2c, l1c, r1c, 0) & mask] + weights[mix(4, l1c, r1c, r2c, 0) & mask]
                + weights[mix(5, l1w, r1c, 0, 0) & mask] + weights[mix(6, l1c, r1w, 0, 0) & mask]
                + weights[mix(7, l2w, l1w, r1w, 0) & mask] + weights[mix(8, l1w, r1w, r2w, 0) & mask]
                + weights[mix(9, l1c, 0, 0, 0) & mask] + weights[mix(10, r1c, 0, 0, 0) & mask]
                + weights[mix(11, l2c, l1c, r1c, r2c) & mask];
        return bias + sum * (double) scale;
    }

    /** The hashed features of a junction (unmasked), written into {@code out}. */
    static int[] features(int l2w, int l2c, int l1w, int l1c, int r1w, int r1c, int r2w, int r2c, int[] out) {
        out[0] = mix(1, l1w, r1w, 0, 0);
        out[1] = mix(2, l1c, r1c, 0, 0);
        out[2] = mix(3, l2c, l1c, r1c, 0);
        out[3] = mix(4, l1c, r1c, r2c, 0);
        out[4] = mix(5, l1w, r1c, 0, 0);
        out[5] = mix(6, l1c, r1w, 0, 0);
        out[6] = mix(7, l2w, l1w, r1w, 0);
        out[7] = mix(8, l1w, r1w, r2w, 0);
        out[8] = mix(9, l1c, 0, 0, 0);
        out[9] = mix(10, r1c, 0, 0, 0);
        out[10] = mix(11, l2c, l1c, r1c, r2c);
        return out;
    }

    /** A feature's hash: the parts chained by multiply–rotate steps, finished once with the MurmurHash3 mixer. */
    private static int mix(int type, int a, int b, int c, int d) {
        int h = type * 0x9E3779B9;
        h = Integer.rotateLeft(h ^ a, 13) * 0xcc9e2d51;
        h = Integer.rotateLeft(h ^ b, 15) * 0x1b873593;
        h = Integer.rotateLeft(h ^ c, 17) * 0xcc9e2d51;
        h = Integer.rotateLeft(h ^ d, 11) * 0x1b873593;
        return fmix(h);
    }

    private static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    int bits() {
        return bits;
    }

    public Set<String> frequentTokens() {
        return frequentTokens;
    }

    long memoryBytes() {
        return weights.length * 2L;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(bits);
        out.writeFloat(bias);
        out.writeFloat(scale);
        String[] top = frequentTokens.toArray(new String[0]);
        Arrays.sort(top);
        out.writeInt(top.length);
        for (String t : top) {
            out.writeUTF(t);
        }
        for (short w : weights) {
            out.writeShort(w);
        }
    }

    static JunctionModel read(DataInputStream in) throws IOException {
        int bits = in.readInt();
        if (bits < 8 || bits > 24) {
            throw new IOException("corrupt junction model: " + bits + " bits");
        }
        float bias = in.readFloat();
        float scale = in.readFloat();
        int n = in.readInt();
        Set<String> top = new HashSet<>();
        for (int i = 0; i < n; i++) {
            top.add(in.readUTF());
        }
        short[] w = new short[1 << bits];
        for (int i = 0; i < w.length; i++) {
            w[i] = in.readShort();
        }
        return new JunctionModel(bits, bias, scale, w, top);
    }
}
