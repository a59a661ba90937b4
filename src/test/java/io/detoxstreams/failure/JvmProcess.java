package io.detoxstreams.failure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM started from the built jar ({@code target/detox-streams.jar}), the way an operator runs it: its own
 * process (so kill -9 is real), loopback only, DJL's network probe off both ways, a modest heap, output in
 * {@code target/failure-proofs/<name>.log}. Memory is read from {@code /proc/<pid>/status}.
 */
final class JvmProcess implements AutoCloseable {

    static final Path JAR = Path.of("target", "detox-streams.jar");
    static final Path LOGS = Path.of("target", "failure-proofs");

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;
    private int starts;

    private JvmProcess(String name, List<String> command) {
        this.name = name;
        this.command = command;
        this.log = LOGS.resolve(name + ".log");
    }

    /** {@code java <jvmOptions> -jar detox-streams.jar <args>}. */
    static JvmProcess jar(String name, String heap, List<String> args) {
        List<String> c = base(heap);
        c.add("-jar");
        c.add(JAR.toAbsolutePath().toString());
        c.addAll(args);
        return new JvmProcess(name, c);
    }

    /** {@code java <jvmOptions> -cp detox-streams.jar <mainClass> <args>}, e.g. Kafka's own {@code kafka.Kafka}. */
    static JvmProcess main(String name, String heap, String mainClass, List<String> args) {
        List<String> c = base(heap);
        c.add("-cp");
        c.add(JAR.toAbsolutePath().toString());
        c.add(mainClass);
        c.addAll(args);
        return new JvmProcess(name, c);
    }

    private static List<String> base(String heap) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: the failure proofs run the built jar (mvn package first)");
        }
        List<String> c = new ArrayList<>();
        c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        c.add("-Xmx" + heap);
        c.add("-XX:+UseSerialGC");
        c.add("-Dai.djl.offline=true");
        c.add("-Djava.io.tmpdir=" + Path.of("target", "tmp").toAbsolutePath());
        return c;
    }

    synchronized JvmProcess start() throws IOException {
        Files.createDirectories(LOGS);
        Files.createDirectories(Path.of("target", "tmp"));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(starts == 0 ? ProcessBuilder.Redirect.to(log.toFile())
                        : ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().put("OPT_OUT_TRACKING", "true");
        process = pb.start();
        starts++;
        return this;
    }

    /** kill -9: no shutdown hook, no clean-up, an open transaction left behind. */
    synchronized void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then the time until the process has exited (or -1 after {@code timeout}). */
    synchronized long terminate(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return -1;
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized int exitCode() {
        return process.exitValue();
    }

    String name() {
        return name;
    }

    int starts() {
        return starts;
    }

    Path log() {
        return log;
    }

    String logText() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Resident memory now and at its peak (VmRSS, VmHWM), in MiB; -1 when /proc is not readable. */
    synchronized long[] memoryMiB() {
        try {
            long rss = -1;
            long hwm = -1;
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    rss = kb(line) / 1024;
                } else if (line.startsWith("VmHWM:")) {
                    hwm = kb(line) / 1024;
                }
            }
            return new long[] {rss, hwm};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    private static long kb(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    @Override
    public synchronized void close() throws InterruptedException {
        if (alive()) {
            kill();
        }
    }
}
