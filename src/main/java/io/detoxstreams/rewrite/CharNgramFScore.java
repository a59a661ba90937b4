package io.detoxstreams.rewrite;

import java.util.Arrays;
import java.util.List;

/**
 * Character n-gram F-score between two texts, computed the way sacreBLEU's sentence-level chrF does with its default
 * settings (version 2.x: {@code char_order=6, word_order=0, beta=2, lowercase=False, whitespace=False,
 * eps_smoothing=False}): whitespace is removed, n-grams of 1..6 code points are counted as multisets, precision and
 * recall are averaged over the orders where both sides have n-grams, and F-beta of those averages is returned, here
 * in [0, 1] rather than [0, 100]. With several references the best one counts, as in sacreBLEU 2.
 *
 * <p>{@link #chrF(String, String)} is the detox metric (beta 2, against a reference); {@link #similarity(String,
 * String)} is the project's content-similarity measure (beta 1, symmetric) used by verification and as SIM.
 * Thread-safe (per-thread scratch buffers). N-grams are compared by a 64-bit hash of their code points (collisions
 * are negligible at sentence length), counted in an open-addressing table: the hot verification path neither sorts
 * nor allocates per n-gram.
 */
public final class CharNgramFScore {

    public static final int CHRF_ORDER = 6;
    public static final double CHRF_BETA = 2.0;
    public static final double SIMILARITY_BETA = 1.0;

    private CharNgramFScore() {
    }

    /** chrF (beta 2, orders 1..6) of {@code hypothesis} against one reference, in [0, 1]. */
    public static double chrF(String hypothesis, String reference) {
        return fScore(hypothesis, reference, CHRF_ORDER, CHRF_BETA);
    }

    /** chrF against the best of several references; 0 when there are none. */
    public static double chrF(String hypothesis, List<String> references) {
        double best = 0.0;
        for (String r : references) {
            best = Math.max(best, chrF(hypothesis, r));
        }
        return best;
    }

    /** Content similarity: char 1..6-gram F1 (symmetric), in [0, 1]; two empty texts are identical (1). */
    public static double similarity(String a, String b) {
        if (strip(a).length == 0 && strip(b).length == 0) {
            return 1.0;
        }
        return fScore(a, b, CHRF_ORDER, SIMILARITY_BETA);
    }

    public static double fScore(String hypothesis, String reference, int maxOrder, double beta) {
        int[] hyp = strip(hypothesis);
        int[] ref = strip(reference);
        Scratch scratch = SCRATCH.get();
        long[][] h = scratch.hashes(hyp, maxOrder, 0);
        long[][] r = scratch.hashes(ref, maxOrder, 1);
        double precisionSum = 0.0;
        double recallSum = 0.0;
        int effectiveOrder = 0;
        for (int n = 1; n <= maxOrder; n++) {
            int hCount = Math.max(0, hyp.length - n + 1);
            int rCount = Math.max(0, ref.length - n + 1);
            if (hCount == 0 || rCount == 0) {
                continue;
            }
            int matches = scratch.matches(h[n - 1], hCount, r[n - 1], rCount);
            precisionSum += (double) matches / hCount;
            recallSum += (double) matches / rCount;
            effectiveOrder++;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        double p = precisionSum / effectiveOrder;
        double r2 = recallSum / effectiveOrder;
        double b2 = beta * beta;
        double denominator = b2 * p + r2;
        return denominator == 0.0 ? 0.0 : (1 + b2) * p * r2 / denominator;
    }

    /** Code points without whitespace (Python's {@code "".join(s.split())}). */
    static int[] strip(String s) {
        int[] out = new int[s.length()];
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (!isPythonWhitespace(cp)) {
                out[n++] = cp;
            }
        }
        return n == out.length ? out : Arrays.copyOf(out, n);
    }

    private static boolean isPythonWhitespace(int cp) {
        if (cp > ' ' && cp < 0x85) {
            return false;
        }
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x1C || cp == 0x1D || cp == 0x1E
                || cp == 0x1F || cp == 0x85;
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /**
     * Per-thread buffers: n-gram hashes of both texts for every order, and an open-addressing multiset (hash → count,
     * cleared by generation stamps) that counts the matches of one order without sorting or allocating.
     */
    private static final class Scratch {
        private final long[][][] hashes = new long[2][][];
        private long[] keys = new long[256];
        private int[] counts = new int[256];
        private int[] stamps = new int[256];
        private int generation;

        /**
         * The hashes of the n-grams of {@code cps} for every order 1..maxOrder (row n - 1, first
         * {@code cps.length - n + 1} entries valid). An n-gram's hash is built code point by code point, so one pass
         * from each start position yields every order.
         */
        long[][] hashes(int[] cps, int maxOrder, int side) {
            long[][] out = hashes[side];
            if (out == null || out.length < maxOrder || out[0].length < cps.length) {
                out = new long[maxOrder][Math.max(64, cps.length * 2)];
                hashes[side] = out;
            }
            for (int i = 0; i < cps.length; i++) {
                long h = 0xcbf29ce484222325L;
                int orders = Math.min(maxOrder, cps.length - i);
                for (int k = 0; k < orders; k++) {
                    h = (h ^ cps[i + k]) * 0x100000001b3L;
                    h ^= h >>> 29;
                    out[k][i] = h;
                }
            }
            return out;
        }

        /** Size of the multiset intersection of {@code a[0, aCount)} and {@code b[0, bCount)}. */
        int matches(long[] a, int aCount, long[] b, int bCount) {
            int capacity = Integer.highestOneBit(Math.max(16, bCount * 2 - 1)) << 1;
            if (keys.length < capacity) {
                keys = new long[capacity];
                counts = new int[capacity];
                stamps = new int[capacity];
            }
            int mask = capacity - 1;
            int stamp = ++generation;
            if (stamp == Integer.MAX_VALUE) {
                java.util.Arrays.fill(stamps, 0);
                generation = 1;
                stamp = 1;
            }
            for (int i = 0; i < bCount; i++) {
                int slot = slot(b[i], mask);
                while (stamps[slot] == stamp && keys[slot] != b[i]) {
                    slot = (slot + 1) & mask;
                }
                if (stamps[slot] == stamp) {
                    counts[slot]++;
                } else {
                    stamps[slot] = stamp;
                    keys[slot] = b[i];
                    counts[slot] = 1;
                }
            }
            int m = 0;
            for (int i = 0; i < aCount; i++) {
                int slot = slot(a[i], mask);
                while (stamps[slot] == stamp && keys[slot] != a[i]) {
                    slot = (slot + 1) & mask;
                }
                if (stamps[slot] == stamp && counts[slot] > 0) {
                    counts[slot]--;
                    m++;
                }
            }
            return m;
        }

        private static int slot(long h, int mask) {
            return (int) (h ^ (h >>> 32)) & mask;
        }
    }
}
