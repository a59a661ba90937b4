package io.detoxstreams.rewrite;

import io.detoxstreams.batch.LengthBuckets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the open requests of one backend become backend calls: grouped by language, sorted by length, and cut so that
 * each call holds at most {@code maxBatchTokens} = comments × longest (in the backend's own tokens,
 * {@link Rewriter#tokenCount}) — a GPU batch is padded to its longest row, so similar lengths waste least. A backend
 * that batches nothing ({@link Rewriter#padded()} false: the embedded rewriter, a chat endpoint that sends one request
 * per comment, in parallel) gets each language's requests in one call.
 */
final class BackendBatches {

    private BackendBatches() {
    }

    /** One backend call: the indices (into the detoxifier's batch) of its requests, and their language. */
    record Call(String lang, List<Integer> requests) {
    }

    static List<Call> plan(Rewriter backend, List<RewriteRequest> requests, List<Integer> open, int maxBatchTokens) {
        Map<String, List<Integer>> byLang = new LinkedHashMap<>();
        for (int i : open) {
            byLang.computeIfAbsent(requests.get(i).lang(), l -> new ArrayList<>()).add(i);
        }
        List<Call> calls = new ArrayList<>();
        byLang.forEach((lang, idx) -> {
            if (!backend.padded()) {
                calls.add(new Call(lang, idx));
                return;
            }
            int[] lengths = new int[idx.size()];
            for (int k = 0; k < lengths.length; k++) {
                lengths[k] = Math.max(1, backend.tokenCount(requests.get(idx.get(k))));
            }
            for (int[] bucket : LengthBuckets.of(lengths, Integer.MAX_VALUE, maxBatchTokens)) {
                List<Integer> call = new ArrayList<>(bucket.length);
                for (int k : bucket) {
                    call.add(idx.get(k));
                }
                calls.add(new Call(lang, call));
            }
        });
        return calls;
    }
}
