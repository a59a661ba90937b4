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
 * nor allocates per n-gram, and only the n-grams touching what differs between the texts (after their common prefix
 * and suffix) are hashed and matched.
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
        int[] hyp = strip(a);
        int[] ref = strip(b);
        if (hyp.length == 0 && ref.length == 0) {
            return 1.0;
        }
        return fScore(hyp, ref, CHRF_ORDER, SIMILARITY_BETA);
    }

    public static double fScore(String hypothesis, String reference, int maxOrder, double beta) {
        return fScore(strip(hypothesis), strip(reference), maxOrder, beta);
    }

    private static double fScore(int[] hyp, int[] ref, int maxOrder, double beta) {
        // The n-grams inside the common prefix or the common suffix are the same on both sides, and a multiset
        // intersection of X + A and X + B is |X| + |A ∩ B|: only the n-grams that touch the differing middle are
        // hashed and matched. A rewrite mostly keeps its original, so that middle is a few words.
        int prefix = 0;
        int most = Math.min(hyp.length, ref.length);
        while (prefix < most && hyp[prefix] == ref[prefix]) {
            prefix++;
        }
        int suffix = 0;
        while (suffix < most - prefix && hyp[hyp.length - 1 - suffix] == ref[ref.length - 1 - suffix]) {
            suffix++;
        }
        Scratch scratch = SCRATCH.get();
        double precisionSum = 0.0;
        double recallSum = 0.0;
        int effectiveOrder = 0;
        for (int n = 1; n <= maxOrder; n++) {
            int hCount = Math.max(0, hyp.length - n + 1);
            int rCount = Math.max(0, ref.length - n + 1);
            if (hCount == 0 || rCount == 0) {
                continue;
            }
            int shared = Math.max(0, prefix - n + 1) + Math.max(0, suffix - n + 1);
            int matches = shared + scratch.middleMatches(hyp, ref, n, prefix, suffix);
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
        // Every whitespace code point is at most U+0020, U+0085, U+00A0, U+1680 or in U+2000..U+3000: the letters of
        // most scripts are answered without Character's tables.
        if (cp > ' ' && cp < 0x85 || cp > 0xA0 && cp < 0x1680 || cp > 0x3000) {
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
        private long[] keys = new long[256];
        private int[] counts = new int[256];
        private int[] stamps = new int[256];
        private int generation;

        /**
         * Matches between the n-grams of order {@code n} of {@code a} and {@code b} that are not inside their common
         * prefix or suffix (the n-grams starting at {@code max(0, prefix - n + 1)} up to those ending at the first
         * character of the suffix).
         */
        int middleMatches(int[] a, int[] b, int n, int prefix, int suffix) {
            int aCount = middle(a, n, prefix, suffix, 0);
            int bCount = middle(b, n, prefix, suffix, 1);
            return aCount == 0 || bCount == 0 ? 0 : matches(middle[0], aCount, middle[1], bCount);
        }

        private final long[][] middle = {new long[64], new long[64]};

        /** Hashes the middle n-grams of {@code cps} into {@code middle[side]}; returns how many. */
        private int middle(int[] cps, int n, int prefix, int suffix, int side) {
            int from = Math.max(0, prefix - n + 1);
            int to = Math.min(cps.length - n, cps.length - suffix - 1);   // last start whose n-gram leaves the suffix
            int count = Math.max(0, to - from + 1);
            if (middle[side].length < count) {
                middle[side] = new long[Math.max(count, middle[side].length * 2)];
            }
            long[] out = middle[side];
            for (int i = 0; i < count; i++) {
                long h = 0xcbf29ce484222325L;
                int start = from + i;
                for (int k = 0; k < n; k++) {
                    h = (h ^ cps[start + k]) * 0x100000001b3L;
                    h ^= h >>> 29;
                }
                out[i] = h;
            }
            return count;
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
