package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@link ToxicityClassifier} that remembers, per thread, its most recent results, so a text scored twice in a row is
 * scored once. The embedded rewriter's self-check scores its final rewrite to decide that it is done, and the
 * {@link Verifier} then re-scores exactly that text; with both given the same instance, the verifier's re-score is
 * the self-check's result (the classifier is a deterministic function of text and language, so this changes no
 * decision, only the cost). Keyed by language and text; at most {@link #CAPACITY} entries per thread, least recently
 * used first out, which covers a poll batch between the rewrite and the verification of its first comment.
 *
 * <p>Thread-safe when the delegate is. {@link #close()} does not close the delegate (a shared model).
 */
public final class MemoizingClassifier implements ToxicityClassifier {

    static final int CAPACITY = 2048;

    /** {@code verdict}: the entry came from {@link #verdictBatch} and may lack categories and spans. */
    private record Key(String lang, String text, boolean verdict) {
    }

    private final ToxicityClassifier delegate;
    private final ThreadLocal<Map<Key, ToxicityResult>> recent = ThreadLocal.withInitial(() ->
            new LinkedHashMap<>(64, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<Key, ToxicityResult> eldest) {
                    return size() > CAPACITY;
                }
            });

    public MemoizingClassifier(ToxicityClassifier delegate) {
        this.delegate = delegate;
    }

    /** The classifier behind the memo (for callers that need its own API, e.g. attributions). */
    public ToxicityClassifier delegate() {
        return delegate;
    }

    @Override
    public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
        return memoized(texts, langs, false);
    }

    /** Served by a remembered verdict or full result of the same text. */
    @Override
    public List<ToxicityResult> verdictBatch(List<String> texts, List<String> langs) {
        return memoized(texts, langs, true);
    }

    private List<ToxicityResult> memoized(List<String> texts, List<String> langs, boolean verdict) {
        Map<Key, ToxicityResult> memo = recent.get();
        ToxicityResult[] out = new ToxicityResult[texts.size()];
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < out.length; i++) {
            out[i] = memo.get(new Key(langs.get(i), texts.get(i), false));
            if (out[i] == null && verdict) {
                out[i] = memo.get(new Key(langs.get(i), texts.get(i), true));
            }
            if (out[i] == null) {
                missing.add(i);
            }
        }
        if (!missing.isEmpty()) {
            List<String> t = new ArrayList<>(missing.size());
            List<String> l = new ArrayList<>(missing.size());
            for (int i : missing) {
                t.add(texts.get(i));
                l.add(langs.get(i));
            }
            List<ToxicityResult> scored = verdict ? delegate.verdictBatch(t, l) : delegate.classifyBatch(t, l);
            for (int k = 0; k < missing.size(); k++) {
                int i = missing.get(k);
                out[i] = scored.get(k);
                memo.put(new Key(langs.get(i), texts.get(i), verdict), out[i]);
            }
        }
        return List.of(out);
    }

    @Override
    public double threshold(String lang) {
        return delegate.threshold(lang);
    }

    @Override
    public double reviewThreshold(String lang) {
        return delegate.reviewThreshold(lang);
    }

    @Override
    public double threatThreshold(String lang) {
        return delegate.threatThreshold(lang);
    }

    @Override
    public io.detoxstreams.classify.Coverage coverage(String lang) {
        return delegate.coverage(lang);
    }

    @Override
    public String version() {
        return delegate.version();
    }
}
