package io.detoxstreams.fluency;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * The n-grams of one order of an {@link NgramModel}, in ARPA form: per n-gram its log10 probability and, when it is
 * also a context of the next order, its log10 back-off weight. An open-addressing table keyed by a 64-bit hash of the
 * token ids ({@link #hash}): the slot comes from the high bits, a 32-bit fingerprint from the low ones (a false match
 * needs both to collide: about one lookup in 2^32). Values are quantized to 16 bits ({@link #STEP} log10 units).
 *
 * <p>Immutable after construction; thread-safe for lookups.
 */
final class NgramTable {

    /** Quantization step of stored log10 values: 1/2048, so the largest magnitude is 16. */
    static final double STEP = 1.0 / 2048;
    /** Stored for a probability that is never used (the {@code <s>} token is never predicted). */
    static final short NEVER = Short.MAX_VALUE;

    private final int[] fingerprints;
    private final short[] probs;
    private final short[] backoffs;
    private final int mask;
    private int size;

    NgramTable(int expectedEntries) {
        int capacity = Integer.highestOneBit(Math.max(16, expectedEntries * 5 / 3)) << 1;
        fingerprints = new int[capacity];
        probs = new short[capacity];
        backoffs = new short[capacity];
        mask = capacity - 1;
    }

    private NgramTable(int[] fingerprints, short[] probs, short[] backoffs, int size) {
        this.fingerprints = fingerprints;
        this.probs = probs;
        this.backoffs = backoffs;
        this.mask = fingerprints.length - 1;
        this.size = size;
    }

    /**
     * Hash of {@code ids[from, to)}, built from the last id backwards ({@link #extend}), so that a lookup can hash
     * every suffix of a context in one pass; the same function at training and lookup time.
     */
    static long hash(int[] ids, int from, int to) {
        long h = SEED;
        for (int i = to - 1; i >= from; i--) {
            h = extend(h, ids[i]);
        }
        return finish(h, to - from);
    }

    static final long SEED = 0x9E3779B97F4A7C15L;

    /** The running state of {@code hash} with {@code id} put in front. */
    static long extend(long state, int id) {
        long h = (state ^ id) * 0xff51afd7ed558ccdL;
        return h ^ (h >>> 31);
    }

    /** The hash of an n-gram of {@code length} ids from its running state. */
    static long finish(long state, int length) {
        long h = (state + length * 0x632BE59BD9B4E019L) * 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 29);
    }

    private static int fingerprint(long h) {
        int f = (int) h;
        return f == 0 ? 1 : f;
    }

    private int firstSlot(long h) {
        return (int) (h >>> 36) & mask;
    }

    void put(long h, double log10Prob, double log10Backoff) {
        if (size * 10L >= fingerprints.length * 7L) {
            throw new IllegalStateException("n-gram table over capacity: " + size);
        }
        int f = fingerprint(h);
        int slot = firstSlot(h);
        while (fingerprints[slot] != 0 && fingerprints[slot] != f) {
            slot = (slot + 1) & mask;
        }
        if (fingerprints[slot] == 0) {
            size++;
        }
        fingerprints[slot] = f;
        probs[slot] = quantize(log10Prob);
        backoffs[slot] = quantize(log10Backoff);
    }

    /** The slot of the n-gram with hash {@code h}, or -1. */
    int find(long h) {
        int f = fingerprint(h);
        int slot = firstSlot(h);
        while (true) {
            int g = fingerprints[slot];
            if (g == f) {
                return slot;
            }
            if (g == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    double log10Prob(int slot) {
        return -probs[slot] * STEP;
    }

    double log10Backoff(int slot) {
        return -backoffs[slot] * STEP;
    }

    boolean predictable(int slot) {
        return probs[slot] != NEVER;
    }

    int size() {
        return size;
    }

    int capacity() {
        return fingerprints.length;
    }

    static short quantize(double log10) {
        if (Double.isNaN(log10) || log10 == Double.NEGATIVE_INFINITY) {
            return NEVER;
        }
        long q = Math.round(-Math.min(0.0, log10) / STEP);
        return (short) Math.min(NEVER - 1, q);
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(fingerprints.length);
        out.writeInt(size);
        for (int i = 0; i < fingerprints.length; i++) {
            out.writeInt(fingerprints[i]);
        }
        for (int i = 0; i < fingerprints.length; i++) {
            out.writeShort(probs[i]);
        }
        for (int i = 0; i < fingerprints.length; i++) {
            out.writeShort(backoffs[i]);
        }
    }

    static NgramTable read(DataInputStream in) throws IOException {
        int capacity = in.readInt();
        int size = in.readInt();
        if (Integer.bitCount(capacity) != 1 || size < 0 || size > capacity) {
            throw new IOException("corrupt n-gram table header: capacity " + capacity + ", size " + size);
        }
        int[] fp = new int[capacity];
        short[] p = new short[capacity];
        short[] b = new short[capacity];
        for (int i = 0; i < capacity; i++) {
            fp[i] = in.readInt();
        }
        for (int i = 0; i < capacity; i++) {
            p[i] = in.readShort();
        }
        for (int i = 0; i < capacity; i++) {
            b[i] = in.readShort();
        }
        return new NgramTable(fp, p, b, size);
    }
}
