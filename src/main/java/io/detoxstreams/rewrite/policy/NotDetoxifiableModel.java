package io.detoxstreams.rewrite.policy;

import io.detoxstreams.classify.ToxicityResult;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;

/**
 * A small logistic regression that tells a toxic comment whose meaning is the insult itself ("non-detoxifiable":
 * annotators could not rewrite it politely) from one a rewrite can fix, over {@link NotDetoxifiableFeatures}. Trained
 * by {@link NotDetoxifiableTrainer} on the TRAIN split of {@code detox/cannot_rewrite/<lang>.tsv} against the toxic
 * sides of {@code detox/<lang>.tsv}; its decision threshold was chosen on DEV. Only English has such data, so only
 * English has a model; {@link HoldPolicy} uses {@link ContentCheck} elsewhere.
 *
 * <p>Shipped as {@code rewrite/not-detoxifiable-<lang>.bin}; load with {@link #loadShipped(String)}. Format (big-endian,
 * {@link DataOutputStream}): magic {@code DXND}, format version, language, hash bits, threshold (double), bias,
 * dense weights, then {@code 2^bits} sparse weights (floats). Immutable and thread-safe.
 */
public final class NotDetoxifiableModel {

    static final int MAGIC = 0x44584E44; // "DXND"
    static final int FORMAT = 1;

    private final String lang;
    private final int bits;
    private final double threshold;
    private final float bias;
    private final float[] dense;
    private final float[] weights;

    NotDetoxifiableModel(String lang, int bits, double threshold, float bias, float[] dense, float[] weights) {
        if (weights.length != 1 << bits || dense.length != NotDetoxifiableFeatures.DENSE) {
            throw new IllegalArgumentException("weights do not match " + bits + " bits / "
                    + NotDetoxifiableFeatures.DENSE + " dense features");
        }
        this.lang = lang;
        this.bits = bits;
        this.threshold = threshold;
        this.bias = bias;
        this.dense = dense.clone();
        this.weights = weights.clone();
    }

    public static String resourceName(String lang) {
        return "rewrite/not-detoxifiable-" + lang + ".bin";
    }

    /** The model shipped for {@code lang}, or empty when none is shipped. */
    public static Optional<NotDetoxifiableModel> loadShipped(String lang) {
        try (InputStream in = NotDetoxifiableModel.class.getClassLoader().getResourceAsStream(resourceName(lang))) {
            return in == null ? Optional.empty() : Optional.of(read(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resourceName(lang), e);
        }
    }

    /** Every shipped model by language (today: English only). */
    public static Map<String, NotDetoxifiableModel> loadAllShipped() {
        return loadShipped("en").map(m -> Map.of("en", m)).orElse(Map.of());
    }

    /** Probability that {@code text} (with the classifier's verdict on it) is not detoxifiable. */
    public double probability(String text, ToxicityResult toxicity) {
        NotDetoxifiableFeatures.Vector v = NotDetoxifiableFeatures.of(text, toxicity);
        return sigmoid(logit(v));
    }

    public boolean notDetoxifiable(String text, ToxicityResult toxicity) {
        return probability(text, toxicity) >= threshold;
    }

    double logit(NotDetoxifiableFeatures.Vector v) {
        int mask = (1 << bits) - 1;
        double scale = scale(v.hashes().length);
        double z = bias;
        for (int h : v.hashes()) {
            z += weights[h & mask] * scale;
        }
        for (int k = 0; k < dense.length; k++) {
            z += dense[k] * v.dense()[k];
        }
        return z;
    }

    /** Sparse features are scaled by 1/sqrt(count) so long comments do not dominate. */
    static double scale(int count) {
        return 1.0 / StrictMath.sqrt(Math.max(1, count));
    }

    static double sigmoid(double z) {
        return 1.0 / (1.0 + StrictMath.exp(-z));
    }

    public String lang() {
        return lang;
    }

    public double threshold() {
        return threshold;
    }

    /** A copy deciding at another threshold (e.g. a review-heavy operating point). */
    public NotDetoxifiableModel withThreshold(double t) {
        return new NotDetoxifiableModel(lang, bits, t, bias, dense, weights);
    }

    public void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(FORMAT);
        d.writeUTF(lang);
        d.writeInt(bits);
        d.writeDouble(threshold);
        d.writeFloat(bias);
        d.writeInt(dense.length);
        for (float f : dense) {
            d.writeFloat(f);
        }
        for (float f : weights) {
            d.writeFloat(f);
        }
        d.flush();
    }

    public static NotDetoxifiableModel read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a non-detoxifiable model (bad magic)");
        }
        int format = d.readInt();
        if (format != FORMAT) {
            throw new IOException("unsupported non-detoxifiable model format " + format);
        }
        String lang = d.readUTF();
        int bits = d.readInt();
        if (bits < 8 || bits > 24) {
            throw new IOException("bad hash bits " + bits);
        }
        double threshold = d.readDouble();
        float bias = d.readFloat();
        float[] dense = new float[d.readInt()];
        for (int k = 0; k < dense.length; k++) {
            dense[k] = d.readFloat();
        }
        float[] weights = new float[1 << bits];
        for (int k = 0; k < weights.length; k++) {
            weights[k] = d.readFloat();
        }
        return new NotDetoxifiableModel(lang, bits, threshold, bias, dense, weights);
    }
}
