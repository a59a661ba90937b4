package io.detoxstreams.metrics;

import io.detoxstreams.avro.LanguageMetrics;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Merges the per-partition answers of several instances into one exact result. Each language lives in exactly one
 * partition, so the sum over partitions counts every event once — provided no partition is counted twice. During a
 * rebalance two instances may both answer for a partition (the old owner just before it let go, the new one just
 * after it took over); the answer that has counted more events is kept, since counts only grow. Partitions nobody
 * answered for are listed, and the result is then partial.
 */
public final class MetricsMerge {

    /** One instance's answer: partition → metrics records (all-time, or windows). */
    public record Answer(String instance, Map<Integer, List<LanguageMetrics>> partitions) {
    }

    /** What the merge produced; {@code windowStart} is null in keys of all-time results. */
    public record Merged(Map<Key, LanguageStats> stats, Set<Integer> answered, Set<Integer> missing) {

        public boolean partial() {
            return !missing.isEmpty();
        }

        /** The merged stats of one language (all time), or null. */
        public LanguageStats language(String lang) {
            return stats.get(new Key(lang, null));
        }

        /** Everything summed over languages (and windows). */
        public LanguageStats all() {
            LanguageStats sum = new LanguageStats();
            stats.values().forEach(sum::merge);
            return sum;
        }
    }

    /** A language, and the start of a window (null: all time). Sorted by language, then window start. */
    public record Key(String lang, Instant windowStart) implements Comparable<Key> {

        @Override
        public int compareTo(Key o) {
            int c = lang.compareTo(o.lang);
            if (c != 0) {
                return c;
            }
            if (Objects.equals(windowStart, o.windowStart)) {
                return 0;
            }
            return windowStart == null ? -1 : o.windowStart == null ? 1 : windowStart.compareTo(o.windowStart);
        }
    }

    private MetricsMerge() {
    }

    /** @param expected the partitions a complete answer covers */
    public static Merged merge(Collection<Answer> answers, Set<Integer> expected) {
        Map<Integer, List<LanguageMetrics>> chosen = new HashMap<>();
        for (Answer a : answers) {
            a.partitions().forEach((p, records) -> {
                if (expected.contains(p)) {          // e.g. one language's query: only its partition counts
                    chosen.merge(p, records, (x, y) -> progress(y) > progress(x) ? y : x);
                }
            });
        }
        Map<Key, LanguageStats> stats = new TreeMap<>();
        for (List<LanguageMetrics> records : chosen.values()) {
            for (LanguageMetrics m : records) {
                stats.merge(new Key(m.getLang(), m.getWindowStart()), MetricsRecords.fromAvro(m), LanguageStats::merge);
            }
        }
        Set<Integer> missing = new TreeSet<>(expected);
        missing.removeAll(chosen.keySet());
        return new Merged(stats, new TreeSet<>(chosen.keySet()), missing);
    }

    /** How many events a partition's answer has counted (every event adds to at least one of these). */
    private static long progress(List<LanguageMetrics> records) {
        long n = 0;
        for (LanguageMetrics m : records) {
            n += m.getTotal() + m.getPass() + m.getRewrite() + m.getHold() + m.getDlq();
        }
        return n;
    }
}
