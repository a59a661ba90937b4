package io.detoxstreams.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Word-level alignment of two token sequences by longest common subsequence, reported as the hunks where they differ
 * (what a unified diff would show). Used to learn what human editors did to the toxic side of a parallel pair.
 *
 * <p>Call {@link #diff(List, List)}; inputs longer than {@link #MAX_TOKENS} are cut there, which keeps the O(n·m)
 * table small (sentences in the detox corpora are far shorter).
 */
public final class TokenAligner {

    public static final int MAX_TOKENS = 256;

    private TokenAligner() {
    }

    /**
     * A differing stretch: tokens {@code [aFrom, aTo)} of the first sequence became {@code [bFrom, bTo)} of the
     * second. An empty b side is a deletion, an empty a side an insertion.
     */
    public record Hunk(int aFrom, int aTo, int bFrom, int bTo) {

        public int aLength() {
            return aTo - aFrom;
        }

        public int bLength() {
            return bTo - bFrom;
        }
    }

    public static List<Hunk> diff(List<String> a, List<String> b) {
        int n = Math.min(a.size(), MAX_TOKENS);
        int m = Math.min(b.size(), MAX_TOKENS);
        // A common prefix and suffix are matches in every LCS: align only what lies between (most rewrites change a
        // few words, so the table shrinks from n·m to a few cells).
        int pre = 0;
        while (pre < n && pre < m && a.get(pre).equals(b.get(pre))) {
            pre++;
        }
        int suf = 0;
        while (suf < n - pre && suf < m - pre && a.get(n - 1 - suf).equals(b.get(m - 1 - suf))) {
            suf++;
        }
        if (pre == 0 && suf == 0) {
            return lcsHunks(a, b, 0, n, 0, m);
        }
        List<Hunk> hunks = lcsHunks(a, b, pre, n - suf, pre, m - suf);
        return hunks;
    }

    /** The hunks of {@code a[aFrom, aTo)} against {@code b[bFrom, bTo)}, in their own offsets. */
    private static List<Hunk> lcsHunks(List<String> a, List<String> b, int aFrom, int aTo, int bFrom, int bTo) {
        List<Hunk> local = lcs(a.subList(aFrom, aTo), b.subList(bFrom, bTo));
        if (aFrom == 0 && bFrom == 0) {
            return local;
        }
        List<Hunk> out = new ArrayList<>(local.size());
        for (Hunk h : local) {
            out.add(new Hunk(h.aFrom() + aFrom, h.aTo() + aFrom, h.bFrom() + bFrom, h.bTo() + bFrom));
        }
        return out;
    }

    private static List<Hunk> lcs(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        // lcs[i][j] = LCS length of a[i..n) and b[j..m); filled backwards so the forward walk is greedy.
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                lcs[i][j] = a.get(i).equals(b.get(j)) ? lcs[i + 1][j + 1] + 1
                        : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<Hunk> hunks = new ArrayList<>();
        int i = 0;
        int j = 0;
        int hi = 0;
        int hj = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(i).equals(b.get(j))) {
                addHunk(hunks, hi, i, hj, j);
                i++;
                j++;
                hi = i;
                hj = j;
            } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
                j++;
            } else {
                i++;
            }
        }
        addHunk(hunks, hi, n, hj, m);
        return hunks;
    }

    private static void addHunk(List<Hunk> hunks, int aFrom, int aTo, int bFrom, int bTo) {
        if (aFrom < aTo || bFrom < bTo) {
            hunks.add(new Hunk(aFrom, aTo, bFrom, bTo));
        }
    }
}
