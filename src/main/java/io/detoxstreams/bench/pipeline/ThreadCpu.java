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
record ThreadCpu(Map<Long, Long> appNanos, Map<Long, Long> streamThreadNanos, Map<Long, Long> streamThreadWaitMillis,
                 long processNanos, long wallNanos) {

    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    /** Turns on the JVM's count of time threads spend blocked or waiting (parked); call before the runs start. */
    static void enableWaitAccounting() {
        if (MX.isThreadContentionMonitoringSupported()) {
            MX.setThreadContentionMonitoringEnabled(true);
        }
    }

    static ThreadCpu snapshot(String applicationId, List<String> names) {
        Map<Long, Long> app = new HashMap<>();
        Map<Long, Long> stream = new HashMap<>();
        Map<Long, Long> waited = new HashMap<>();
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
                if (t.getWaitedTime() >= 0) {
                    waited.put(t.getThreadId(), t.getWaitedTime() + Math.max(0, t.getBlockedTime()));
                }
            }
        }
        long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
        return new ThreadCpu(app, stream, waited, process, System.nanoTime());
    }

    /** What was spent between {@code before} and this snapshot. */
    Spent since(ThreadCpu before) {
        return new Spent(sum(appNanos, before.appNanos), sum(streamThreadNanos, before.streamThreadNanos),
                sum(streamThreadWaitMillis, before.streamThreadWaitMillis) * 1_000_000L,
                processNanos - before.processNanos, wallNanos - before.wallNanos, streamThreadNanos.size());
    }

    private static long sum(Map<Long, Long> now, Map<Long, Long> before) {
        long s = 0;
        for (Map.Entry<Long, Long> e : now.entrySet()) {
            s += e.getValue() - before.getOrDefault(e.getKey(), 0L);
        }
        return s;
    }

    /**
     * Spent in an interval: CPU of the application's threads, of its stream threads alone, and of the whole process;
     * the stream threads' time blocked or parked (waiting for a commit, a flush, a lock); wall time.
     */
    record Spent(long appNanos, long streamThreadNanos, long streamThreadWaitNanos, long processNanos, long wallNanos,
                 int streamThreads) {

        /** Share of the interval the stream threads were on a CPU (1.0 = always running). */
        double streamThreadBusy() {
            return streamThreads == 0 ? Double.NaN : streamThreadNanos / (double) wallNanos / streamThreads;
        }

        /**
         * Share of the interval the stream threads were parked or blocked. The rest, {@code 1 - busy - waiting}, they
         * were runnable without a CPU (other threads, other processes) or in native I/O (the consumer's poll).
         */
        double streamThreadWaiting() {
            return streamThreads == 0 ? Double.NaN : streamThreadWaitNanos / (double) wallNanos / streamThreads;
        }
    }
}
