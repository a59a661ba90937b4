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
 * Stateless and thread-safe. N-grams are compared by a 64-bit hash of their code points (collisions are negligible
 * at sentence length, and it keeps the hot verification path free of string allocation).
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
        double precisionSum = 0.0;
        double recallSum = 0.0;
        int effectiveOrder = 0;
        for (int n = 1; n <= maxOrder; n++) {
            long[] h = ngrams(hyp, n);
            long[] r = ngrams(ref, n);
            if (h.length == 0 || r.length == 0) {
                continue;
            }
            int matches = matches(h, r);
            precisionSum += (double) matches / h.length;
            recallSum += (double) matches / r.length;
            effectiveOrder++;
        }
        if (effectiveOrder == 0) {
            return 0.0;
        }
        double p = precisionSum / effectiveOrder;
        double r = recallSum / effectiveOrder;
        double b2 = beta * beta;
        double denominator = b2 * p + r;
        return denominator == 0.0 ? 0.0 : (1 + b2) * p * r / denominator;
    }

    /** Code points without whitespace (Python's {@code "".join(s.split())}). */
    static int[] strip(String s) {
        return s.codePoints().filter(cp -> !isPythonWhitespace(cp)).toArray();
    }

    private static boolean isPythonWhitespace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp) || cp == 0x1C || cp == 0x1D || cp == 0x1E
                || cp == 0x1F || cp == 0x85;
    }

    /** Sorted hashes of the n-grams of {@code cps}. */
    private static long[] ngrams(int[] cps, int n) {
        int count = cps.length - n + 1;
        if (count <= 0) {
            return new long[0];
        }
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            long h = 0xcbf29ce484222325L;
            for (int k = 0; k < n; k++) {
                h = (h ^ cps[i + k]) * 0x100000001b3L;
                h ^= h >>> 29;
            }
            out[i] = h;
        }
        Arrays.sort(out);
        return out;
    }

    /** Size of the multiset intersection of two sorted arrays. */
    private static int matches(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int m = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                m++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return m;
    }
}
