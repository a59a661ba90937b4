package io.detoxstreams.language.embedded;

import io.detoxstreams.classify.embedded.FeatureHasher;
import io.detoxstreams.text.TextNormalizer;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The project's own fast language identifier for languages that share a script (Latin: en, de, fr…; Cyrillic: ru,
 * uk): multinomial logistic regression over the same hashed word and character n-gram features as the toxicity
 * model, trained by {@code train} on the labelled corpora (each file's language is the label). A few microseconds
 * per comment; {@link io.detoxstreams.language.CompositeLanguageDetector} falls back to Lingua when it is unsure.
 */
public final class LangIdModel {

    public static final String RESOURCE = "/models/langid-embedded.bin";
    private static final int MAGIC = 0x44584C49; // "DXLI"
    private static final int FORMAT = 1;

    /**
     * Most hashes summed in one int per class before the sum moves to a double: |weight| ≤ 32767, so 65,536 of them
     * cannot overflow.
     */
    private static final int FLUSH_EVERY = 1 << 16;

    private final List<String> classes;
    private final int bits;
    private final int maxCharN;
    private final float[] bias;
    /**
     * Weights as stored in the model file: 16-bit integers times {@link #scale}, laid out bucket-major
     * (w[bucket * K + k]) so that one feature's K weights are adjacent — half the memory of floats, so fewer of the
     * random bucket reads miss the cache, and summed exactly in ints.
     */
    private final short[] weights;
    private final float scale;
    private final TextNormalizer normalizer = TextNormalizer.withoutMasks();
    /** Per thread: the featurizer and its buffer, reused (not a new buffer and a copy of the hashes per comment). */
    private final ThreadLocal<FeatureHasher> hashers;

    /** A model from trained float weights, quantized to 16 bits as the model file stores them. */
    public LangIdModel(List<String> classes, int bits, int maxCharN, float[] bias, float[] weights) {
        this(classes, bits, maxCharN, bias, new short[weights.length], scaleOf(weights));
        for (int i = 0; i < weights.length; i++) {
            this.weights[i] = (short) Math.round(weights[i] / scale);
        }
    }

    private LangIdModel(List<String> classes, int bits, int maxCharN, float[] bias, short[] weights, float scale) {
        if (weights.length != (1 << bits) * classes.size()) {
            throw new IllegalArgumentException("weights do not match 2^bits * classes");
        }
        this.classes = List.copyOf(classes);
        this.bits = bits;
        this.maxCharN = maxCharN;
        this.bias = bias;
        this.weights = weights;
        this.scale = scale;
        this.hashers = ThreadLocal.withInitial(() -> new FeatureHasher(maxCharN));
    }

    private static float scaleOf(float[] weights) {
        float max = 0;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        return max == 0 ? 1 : max / Short.MAX_VALUE;
    }

    /**
     * The same model over only the classes in {@code keep} (in this model's order): its softmax is this model's
     * probabilities renormalized over those classes, and each prediction reads only their weights — a third of the
     * memory for Latin-script candidates, a ninth for Cyrillic. The detector keeps one per script's candidates.
     */
    public LangIdModel among(Collection<String> keep) {
        int k = classes.size();
        List<String> kept = new ArrayList<>();
        List<Integer> from = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            if (keep.contains(classes.get(c))) {
                kept.add(classes.get(c));
                from.add(c);
            }
        }
        int k2 = kept.size();
        float[] b = new float[k2];
        short[] w = new short[(1 << bits) * k2];
        for (int j = 0; j < k2; j++) {
            b[j] = bias[from.get(j)];
        }
        for (int bucket = 0; bucket < 1 << bits; bucket++) {
            for (int j = 0; j < k2; j++) {
                w[bucket * k2 + j] = weights[bucket * k + from.get(j)];
            }
        }
        return new LangIdModel(kept, bits, maxCharN, b, w, scale);
    }

    public List<String> classes() {
        return classes;
    }

    public int maxCharN() {
        return maxCharN;
    }

    public int bits() {
        return bits;
    }

    /** Class probabilities for {@code text}; uniform when it has no features. */
    public double[] predict(String text) {
        FeatureHasher hasher = hashers.get();
        int n = hasher.extract(normalizer.normalize(text).text());
        return predictHashes(hasher.hashes(), n);
    }

    double[] predictHashes(int[] hashes) {
        return predictHashes(hashes, hashes.length);
    }

    /** Softmax of bias + (Σ weights of the first {@code n} hashes) / √n. */
    private double[] predictHashes(int[] hashes, int n) {
        int k = classes.size();
        double[] z = new double[k];
        int[] acc = new int[k];
        int mask = (1 << bits) - 1;
        for (int from = 0; from < n; from += FLUSH_EVERY) {
            int to = Math.min(n, from + FLUSH_EVERY);
            for (int i = from; i < to; i++) {
                int base = (hashes[i] & mask) * k;
                for (int c = 0; c < k; c++) {
                    acc[c] += weights[base + c];
                }
            }
            for (int c = 0; c < k; c++) {
                z[c] += acc[c];
                acc[c] = 0;
            }
        }
        double s = n == 0 ? 0 : scale / Math.sqrt(n);
        for (int c = 0; c < k; c++) {
            z[c] = bias[c] + s * z[c];
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    public static LangIdModel loadDefault() {
        try (InputStream in = LangIdModel.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded language-id model " + RESOURCE + " is not on the classpath; "
                        + "build it with: java -jar target/detox-streams.jar train --data ../shared/data");
            }
            return read(in);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    public void write(OutputStream raw) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(raw, 1 << 16);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gz, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(bits);
        out.writeInt(maxCharN);
        out.writeInt(classes.size());
        for (int c = 0; c < classes.size(); c++) {
            out.writeUTF(classes.get(c));
            out.writeFloat(bias[c]);
        }
        out.writeFloat(scale);
        ByteBuffer buf = ByteBuffer.allocate(weights.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (short w : weights) {
            buf.putShort(w);
        }
        out.write(buf.array());
        out.flush();
        gz.finish();
    }

    public static LangIdModel read(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
            throw new IOException("not a Detox Streams language-id model (bad magic or format)");
        }
        int bits = in.readInt();
        int maxCharN = in.readInt();
        int k = in.readInt();
        List<String> classes = new ArrayList<>();
        float[] bias = new float[k];
        for (int c = 0; c < k; c++) {
            classes.add(in.readUTF());
            bias[c] = in.readFloat();
        }
        float scale = in.readFloat();
        byte[] raw16 = new byte[(1 << bits) * k * 2];
        in.readFully(raw16);
        short[] w = new short[(1 << bits) * k];
        ByteBuffer.wrap(raw16).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(w);
        return new LangIdModel(classes, bits, maxCharN, bias, w, scale);
    }
}
