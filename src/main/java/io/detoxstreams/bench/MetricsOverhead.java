package io.detoxstreams.bench;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.serde.Codec;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the metrics sub-topology costs the moderator: the same input moderated with and without it, both at once in
 * each round so warm-up and machine load fall on both alike ({@link BrokerOverheadRun}: end to end on the in-process
 * broker, exactly-once, a rewriter beside each).
 */
public final class MetricsOverhead {

    /**
     * One timed run.
     *
     * @param cpuSeconds          CPU time of the whole process (broker, both moderators, both rewriters) in the round
     * @param moderatorCpuSeconds CPU time of the moderator's own threads: what limits a moderator instance when the
     *                            broker runs elsewhere, and far less disturbed by other load than wall time
     */
    public record Run(boolean metrics, int round, long records, double seconds, double cpuSeconds,
                      double moderatorCpuSeconds) {

        double rate() {
            return records / seconds;
        }

        double cpuMicrosPerRecord() {
            return cpuSeconds * 1e6 / records;
        }

        double moderatorCpuMicrosPerRecord() {
            return moderatorCpuSeconds * 1e6 / records;
        }
    }

    private MetricsOverhead() {
    }

    /**
     * The bundled multilingual sample cycled to {@code n} comments, with one malformed record per 250 (as the DLQ sees
     * in the tests), encoded for the comments topic.
     */
    public static List<byte[]> input(int n, Codec<CommentEvent> codec, String topic) {
        Instant now = Instant.now();
        List<CommentEvent> sample = SampleComments.comments(now);
        List<SampleComments.Malformed> bad = SampleComments.malformed(codec, topic, now);
        List<byte[]> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (i % 250 == 249) {
                out.add(bad.get(i / 250 % bad.size()).bytes());
            } else {
                CommentEvent e = CommentEvent.newBuilder(sample.get(i % sample.size())).setId("bench-" + i).build();
                out.add(codec.encode(topic, e));
            }
        }
        return out;
    }

    /** Prints every run, the median rate of each variant and their ratio. */
    public static void report(PrintStream out, String title, List<Run> runs) {
        out.println();
        out.println(title);
        out.printf("  %-6s %-16s %10s %9s %12s %20s%n", "round", "variant", "records", "seconds", "records/s",
                "moderator CPU µs/rec");
        for (Run r : runs) {
            out.printf(Locale.ROOT, "  %-6d %-16s %10d %9.2f %12.0f %20.1f%n", r.round(),
                    r.metrics() ? "with metrics" : "without metrics", r.records(), r.seconds(), r.rate(),
                    r.moderatorCpuMicrosPerRecord());
        }
        double without = median(runs, false, Run::rate);
        double with = median(runs, true, Run::rate);
        out.printf(Locale.ROOT, "  median records/s (both running at once): without metrics %.0f, with metrics %.0f; "
                + "with/without = %.3f%n", without, with, with / without);
        double modWithout = median(runs, false, Run::moderatorCpuMicrosPerRecord);
        double modWith = median(runs, true, Run::moderatorCpuMicrosPerRecord);
        out.printf(Locale.ROOT, "  median CPU per record (moderator threads): without %.1f µs, with %.1f µs; "
                + "moderator throughput at full CPU with/without = %.3f%n", modWithout, modWith, modWithout / modWith);
    }

    private static double median(List<Run> runs, boolean metrics, java.util.function.ToDoubleFunction<Run> value) {
        double[] rates = runs.stream().filter(r -> r.metrics() == metrics).mapToDouble(value).sorted().toArray();
        if (rates.length == 0) {
            return Double.NaN;
        }
        int m = rates.length / 2;
        return rates.length % 2 == 1 ? rates[m] : (rates[m - 1] + rates[m]) / 2;
    }

}
