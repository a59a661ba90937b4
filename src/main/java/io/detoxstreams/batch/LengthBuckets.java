package io.detoxstreams.batch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Length-bucketed micro-batches (used by the ONNX classifier and by the rewriter's backend batches): the rows sorted by length (longest first, stable) and cut into runs of at most
 * {@code maxBatch}, so each micro-batch is padded only to its own longest row.
 */
public final class LengthBuckets {

    private LengthBuckets() {
    }

    /** Row indices of each micro-batch. */
    public static List<int[]> of(long[][] rows, int maxBatch) {
        return of(Arrays.stream(rows).mapToInt(r -> r.length).toArray(), maxBatch, Integer.MAX_VALUE);
    }

    /**
     * Row indices of each micro-batch, sorted by length, each with at most {@code maxBatch} rows and, where a batch
     * has more than one row, at most {@code maxTokens} = rows × longest.
     */
    public static List<int[]> of(int[] lengths, int maxBatch, int maxTokens) {
        Integer[] order = new Integer[lengths.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> lengths[i]).reversed());
        List<int[]> out = new ArrayList<>();
        int from = 0;
        while (from < order.length) {
            int longest = lengths[order[from]];
            int to = from + 1;
            while (to < order.length && to - from < maxBatch && (long) (to - from + 1) * longest <= maxTokens) {
                to++;
            }
            int[] bucket = new int[to - from];
            for (int k = from; k < to; k++) {
                bucket[k - from] = order[k];
            }
            out.add(bucket);
            from = to;
        }
        return out;
    }
}
