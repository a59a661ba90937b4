package io.detoxstreams.bench.pipeline;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one {@code bench pipeline} run measured: the settings and corpus, every timed throughput run, and the
 * latency run of each variant; medians and ratios are computed from the runs.
 *
 * @param settings what was held equal for all variants (broker, partitions, EOS, commit and client settings, …)
 * @param corpus   {@link PipelineCorpus#describe()}
 */
public record PipelineResult(Map<String, Object> settings, Map<String, Object> corpus, List<Contender> contenders,
                             List<Run> runs, List<Latency> latency) {

    /**
     * One timed run of one variant, over its steady state: from the moment 10 % of its input was committed to the
     * moment 90 % was (for the full pipeline: and the rewriter had committed every toxic comment written by then).
     *
     * @param inputRecords              records in the input topic
     * @param steadyRecords             input records committed inside the steady-state window
     * @param steadySeconds             length of that window
     * @param appCpuMicrosPerRecord     CPU of the variant's own threads (stream threads, their clients, rewriter) per
     *                                  record in the window: what limits an instance when the broker runs elsewhere
     * @param processCpuMicrosPerRecord CPU of the whole process per record (includes an embedded broker)
     * @param streamThreadBusy          share of the window the stream thread(s) were on a CPU
     * @param streamThreadWaiting       share of the window they were parked or blocked (commits, flushes, locks)
     * @param check                     what was verified after the run (full pipeline), or empty
     */
    public record Run(Contender contender, int round, long inputRecords, long steadyRecords, double steadySeconds,
                      double recordsPerSecond, double appCpuMicrosPerRecord, double processCpuMicrosPerRecord,
                      double streamThreadBusy, double streamThreadWaiting, String check) {
    }

    /** Latency of one variant at a fixed input rate (50 % of its measured maximum), per class (all, pass, toxic). */
    public record Latency(Contender contender, double targetRate, double achievedRate, long sent, long received,
                          Map<String, Percentiles> byClass) {
    }

    /** End-to-end latency percentiles, in milliseconds. */
    public record Percentiles(long count, long p50, long p95, long p99, long max) {
    }

    public List<Run> runs(Contender c) {
        return runs.stream().filter(r -> r.contender().equals(c)).toList();
    }

    /** The contender that runs {@code v} untuned, if this run had it. */
    public Optional<Contender> plain(Variant v) {
        return contenders.stream().filter(c -> c.variant() == v && !c.tuned()).findFirst();
    }

    /** Median records/s of a contender over the rounds (NaN when it did not run). */
    public double medianRate(Contender v) {
        return median(runs(v).stream().mapToDouble(Run::recordsPerSecond).toArray());
    }

    public double medianAppCpu(Contender v) {
        return median(runs(v).stream().mapToDouble(Run::appCpuMicrosPerRecord).toArray());
    }

    public double medianBusy(Contender v) {
        return median(runs(v).stream().mapToDouble(Run::streamThreadBusy).toArray());
    }

    public double medianWaiting(Contender v) {
        return median(runs(v).stream().mapToDouble(Run::streamThreadWaiting).toArray());
    }

    /** Ratio of the median rates, {@code a / b}. */
    public double ratio(Contender a, Contender b) {
        return medianRate(a) / medianRate(b);
    }

    /** {@code a / b} within each round, for the spread of the ratio. */
    public double[] roundRatios(Contender a, Contender b) {
        return runs(a).stream().mapToDouble(ra -> runs(b).stream().filter(rb -> rb.round() == ra.round()).findFirst()
                .map(rb -> ra.recordsPerSecond() / rb.recordsPerSecond()).orElse(Double.NaN))
                .filter(d -> !Double.isNaN(d)).sorted().toArray();
    }

    public Optional<Latency> latency(Contender c) {
        return latency.stream().filter(l -> l.contender().equals(c)).findFirst();
    }

    /**
     * The ratios the issue asks for, of the plain variants that ran — (2)/(1a), (2)/(1b), (3)/(1a), (3)/(1b), and the
     * metrics' cost — then every tuned contender against its plain variant.
     */
    public List<Contender[]> headlineRatios() {
        List<Contender[]> out = new java.util.ArrayList<>();
        Variant[][] pairs = {{Variant.MODERATOR, Variant.BYTES}, {Variant.MODERATOR, Variant.SERDE},
                {Variant.PIPELINE, Variant.BYTES}, {Variant.PIPELINE, Variant.SERDE},
                {Variant.MODERATOR_METRICS, Variant.MODERATOR}};
        for (Variant[] p : pairs) {
            plain(p[0]).ifPresent(a -> plain(p[1]).ifPresent(b -> out.add(new Contender[] {a, b})));
        }
        for (Contender c : contenders) {
            if (c.tuned()) {
                plain(c.variant()).ifPresent(b -> out.add(new Contender[] {c, b}));
            }
        }
        return out;
    }

    static double median(double[] values) {
        double[] v = Arrays.stream(values).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int m = v.length / 2;
        return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
    }
}
