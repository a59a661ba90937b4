package io.detoxstreams.bench.pipeline;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of one application's own threads, by thread id: every thread whose name contains one of its names (Kafka
 * Streams names its stream threads {@code <application.id>-<uuid>-StreamThread-N}, their producers' network threads
 * after them; the bench names the rewriter's threads after its group). In production the broker runs elsewhere, so
 * these threads — not the whole process — are what limits an instance.
 */
record ThreadCpu(Map<Long, Long> appNanos, Map<Long, Long> streamThreadNanos, long processNanos, long wallNanos) {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    static ThreadCpu snapshot(String applicationId, List<String> names) {
        Map<Long, Long> app = new HashMap<>();
        Map<Long, Long> stream = new HashMap<>();
        for (ThreadInfo t : MX.getThreadInfo(MX.getAllThreadIds())) {
            if (t == null) {
                continue;
            }
            String name = t.getThreadName();
            if (names.stream().noneMatch(name::contains)) {
                continue;
            }
            long ns = MX.getThreadCpuTime(t.getThreadId());
            if (ns < 0) {
                continue;
            }
            app.put(t.getThreadId(), ns);
            if (name.startsWith(applicationId) && name.contains("-StreamThread-") && !name.endsWith("-producer")) {
                stream.put(t.getThreadId(), ns);
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new ThreadCpu(app, stream, process, System.nanoTime());
    }

    /** What was spent between {@code before} and this snapshot. */
    Spent since(ThreadCpu before) {
        return new Spent(sum(appNanos, before.appNanos), sum(streamThreadNanos, before.streamThreadNanos),
                processNanos - before.processNanos, wallNanos - before.wallNanos, streamThreadNanos.size());
    }

    private static long sum(Map<Long, Long> now, Map<Long, Long> before) {
        long s = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            s += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return s;
    }

    /** CPU spent in an interval: the application's threads, its stream threads alone, the whole process; wall time. */
    record Spent(long appNanos, long streamThreadNanos, long processNanos, long wallNanos, int streamThreads) {

        /** Share of the interval the stream threads were on a CPU (1.0 = always running). */
        double streamThreadBusy() {
            return streamThreads == 0 ? Double.NaN : streamThreadNanos / (double) wallNanos / streamThreads;
        }
    }
}
