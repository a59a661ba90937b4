package io.detoxstreams.classify;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Routes each comment to its language's classifier ({@code classifier.<lang>}), the others to a default one
 * ({@code classifier.default}); each classifier applies its own per-language thresholds. A batch is split by
 * classifier, each part scored in one call, and the results put back in input order.
 *
 * <pre>{@code
 * ToxicityClassifier c = new RoutingClassifier(Map.of("en", xlmr), embedded);
 * }</pre>
 * Thread-safe when the classifiers are. {@link #close()} closes each classifier once.
 */
public final class RoutingClassifier implements ToxicityClassifier {

    private final Map<String, ToxicityClassifier> byLanguage;
    private final ToxicityClassifier fallback;

    public RoutingClassifier(Map<String, ToxicityClassifier> byLanguage, ToxicityClassifier fallback) {
        this.byLanguage = Map.copyOf(byLanguage);
        this.fallback = fallback;
    }

    /** The classifier that scores {@code lang}. */
    public ToxicityClassifier route(String lang) {
        ToxicityClassifier c = lang == null ? null : byLanguage.get(lang);
        return c == null ? fallback : c;
    }

    @Override
    public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
        return routed(texts, langs, false);
    }

    @Override
    public List<ToxicityResult> verdictBatch(List<String> texts, List<String> langs) {
        return routed(texts, langs, true);
    }

    private List<ToxicityResult> routed(List<String> texts, List<String> langs, boolean verdict) {
        if (texts.size() != langs.size()) {
            throw new IllegalArgumentException("texts and langs differ in size");
        }
        Map<ToxicityClassifier, List<Integer>> parts = new IdentityHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            parts.computeIfAbsent(route(langs.get(i)), c -> new ArrayList<>()).add(i);
        }
        if (parts.size() == 1) {
            ToxicityClassifier only = parts.keySet().iterator().next();
            return verdict ? only.verdictBatch(texts, langs) : only.classifyBatch(texts, langs);
        }
        ToxicityResult[] out = new ToxicityResult[texts.size()];
        parts.forEach((classifier, idx) -> {
            List<String> t = idx.stream().map(texts::get).toList();
            List<String> l = idx.stream().map(langs::get).toList();
            List<ToxicityResult> scored = verdict ? classifier.verdictBatch(t, l) : classifier.classifyBatch(t, l);
            for (int k = 0; k < idx.size(); k++) {
                out[idx.get(k)] = scored.get(k);
            }
        });
        return Collections.unmodifiableList(java.util.Arrays.asList(out));
    }

    @Override
    public double threshold(String lang) {
        return route(lang).threshold(lang);
    }

    @Override
    public double reviewThreshold(String lang) {
        return route(lang).reviewThreshold(lang);
    }

    @Override
    public double threatThreshold(String lang) {
        return route(lang).threatThreshold(lang);
    }

    @Override
    public Coverage coverage(String lang) {
        return route(lang).coverage(lang);
    }

    /** The default classifier's version, followed by the per-language ones that differ from it. */
    @Override
    public String version() {
        Set<String> versions = new LinkedHashSet<>();
        versions.add(fallback.version());
        byLanguage.values().forEach(c -> versions.add(c.version()));
        return String.join(" + ", versions);
    }

    @Override
    public void close() {
        Set<ToxicityClassifier> all = Collections.newSetFromMap(new IdentityHashMap<>());
        all.add(fallback);
        all.addAll(byLanguage.values());
        all.forEach(ToxicityClassifier::close);
    }
}
