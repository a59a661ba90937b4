package io.detoxstreams.http;

import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.metrics.LocalMetrics;
import io.detoxstreams.metrics.MetricsMerge;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Answers a metrics query for the whole application from any instance: reads this instance's partitions, asks the
 * others ({@code /v1/local/...}) in parallel, and merges the answers ({@link MetricsMerge}). A query for one language
 * goes to the instance whose active task owns it, and to all instances only if that one cannot answer. Instances
 * that fail or time out are reported, and their partitions make the result partial.
 */
final class MetricsQueries {

    static final String LOCAL_PREFIX = "/v1/local/languages";

    /** What one instance contributed. */
    record InstanceReport(String instance, boolean self, Set<Integer> partitions, long millis, String error) {
    }

    /** A merged answer with its coverage. */
    record Outcome(MetricsMerge.Merged merged, Set<Integer> expected, List<InstanceReport> instances) {
    }

    private final LocalMetrics local;
    private final StoreLocator locator;
    private final PeerClient peers;
    private final int partitions;

    MetricsQueries(LocalMetrics local, StoreLocator locator, PeerClient peers, int partitions) {
        this.local = local;
        this.locator = locator;
        this.peers = peers;
        this.partitions = partitions;
    }

    Outcome allLanguages() {
        return ask(allPartitions(), locator.instances(), () -> local.allTime(null), LOCAL_PREFIX);
    }

    Outcome language(String lang) {
        return keyed(lang, () -> local.allTime(lang), LOCAL_PREFIX + "?lang=" + encode(lang));
    }

    Outcome windows(String lang, Instant from, Instant to) {
        return keyed(lang, () -> local.windows(lang, from, to), LOCAL_PREFIX + "/" + encode(lang) + "/windows?from="
                + from.toEpochMilli() + "&to=" + to.toEpochMilli());
    }

    private Outcome keyed(String lang, Supplier<Map<Integer, List<LanguageMetrics>>> localQuery, String peerPath) {
        KeyQueryMetadata owner = locator.owner(lang);
        if (owner == KeyQueryMetadata.NOT_AVAILABLE || owner.activeHost() == null) {
            return ask(allPartitions(), locator.instances(), localQuery, peerPath);
        }
        Set<Integer> expected = Set.of(owner.partition());
        Outcome first = ask(expected, List.of(owner.activeHost()), localQuery, peerPath);
        // The owner may be moving or gone: whoever holds the partition now can answer.
        return first.merged().partial() ? ask(expected, locator.instances(), localQuery, peerPath) : first;
    }

    private Outcome ask(Set<Integer> expected, Collection<HostInfo> hosts,
                        Supplier<Map<Integer, List<LanguageMetrics>>> localQuery, String peerPath) {
        HostInfo self = locator.self();
        List<HostInfo> order = new ArrayList<>(hosts);
        List<CompletableFuture<MetricsMerge.Answer>> calls = new ArrayList<>();
        long[] started = new long[order.size()];
        for (int i = 0; i < order.size(); i++) {
            started[i] = System.nanoTime();
            calls.add(order.get(i).equals(self) ? null : peers.get(order.get(i), peerPath));
        }
        List<MetricsMerge.Answer> answers = new ArrayList<>();
        List<InstanceReport> reports = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            HostInfo h = order.get(i);
            String name = h.host() + ":" + h.port();
            try {
                MetricsMerge.Answer a = calls.get(i) == null
                        ? new MetricsMerge.Answer(name, localQuery.get()) : calls.get(i).join();
                answers.add(a);
                reports.add(new InstanceReport(name, calls.get(i) == null, new TreeSet<>(a.partitions().keySet()),
                        millisSince(started[i]), null));
            } catch (RuntimeException e) {
                Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
                reports.add(new InstanceReport(name, calls.get(i) == null, Set.of(), millisSince(started[i]),
                        cause.toString()));
            }
        }
        return new Outcome(MetricsMerge.merge(answers, expected), expected, reports);
    }

    private Set<Integer> allPartitions() {
        Set<Integer> all = new TreeSet<>();
        IntStream.range(0, partitions).forEach(all::add);
        return all;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
