package io.detoxstreams.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a thread's time goes in a flight recording: its CPU samples ({@code jdk.ExecutionSample}) by part of the
 * moderator (classifier, category heads, language detection, normalization, Avro/JSON, produce, commit, …) and by
 * method (self time), what it allocated ({@code jdk.ObjectAllocationSample}), and what it waited on ({@code jdk.ThreadPark}, {@code jdk.JavaMonitorWait}, and
 * {@code jdk.NativeMethodSample} — a consumer blocked in {@code epoll} is in native code). The numbers of the
 * moderator profile in BENCHMARKS.md come from here:
 *
 * <pre>
 * java -XX:StartFlightRecording=filename=target/moderator.jfr,settings=profile -jar target/detox-streams.jar \
 *     bench pipeline --variants moderator --rounds 1 --latency-seconds 0
 * java -cp target/detox-streams.jar io.detoxstreams.bench.JfrProfile target/moderator.jfr 'moderator-r1.*StreamThread-1$'
 * </pre>
 * A sample counts for the part of the innermost frame that belongs to one (a {@code HashMap.get} called by the
 * classifier is the classifier's); samples with no such frame count as "other".
 */
public final class JfrProfile {

    /** Parts, tried on each frame from the innermost outwards; first match wins. Order matters within a frame. */
    private static final List<Map.Entry<String, Pattern>> PARTS = List.of(
            Map.entry("classifier: all heads in one pass (LinearModel.logits)",
                    Pattern.compile("io\\.detoxstreams\\.classify\\.embedded\\.LinearModel\\.(logits|categoryLogits|headLogit)")),
            Map.entry("classifier: rest of LinearModel (language copies, calibration, attributions)",
                    Pattern.compile("io\\.detoxstreams\\.classify\\.embedded\\.LinearModel\\.")),
            Map.entry("classifier: features (Featurizer, FeatureBuffer, LexiconMatcher)",
                    Pattern.compile("io\\.detoxstreams\\.classify\\.embedded\\.(Featurizer|FeatureBuffer|LexiconMatcher)")),
            Map.entry("classifier: spans (SpanFinder)", Pattern.compile("io\\.detoxstreams\\.classify\\.embedded\\.SpanFinder")),
            Map.entry("normalization (text.*)", Pattern.compile("io\\.detoxstreams\\.text\\.")),
            Map.entry("classifier: other", Pattern.compile("io\\.detoxstreams\\.classify\\.")),
            Map.entry("language detection: embedded model (LangIdModel)",
                    Pattern.compile("io\\.detoxstreams\\.language\\.embedded\\.")),
            Map.entry("language detection: Lingua", Pattern.compile("com\\.github\\.pemistahl\\.lingua\\.")),
            Map.entry("language detection: script and composite (CompositeLanguageDetector, Script)",
                    Pattern.compile("io\\.detoxstreams\\.language\\.")),
            Map.entry("rewriter: verification (Verifier, CharNgramFScore)",
                    Pattern.compile("io\\.detoxstreams\\.rewrite\\.(Verifier|CharNgramFScore)")),
            Map.entry("rewriter: hold policy (rewrite.policy)", Pattern.compile("io\\.detoxstreams\\.rewrite\\.policy\\.")),
            Map.entry("rewriter: span rewrite (rewrite.embedded)", Pattern.compile("io\\.detoxstreams\\.rewrite\\.embedded\\.")),
            Map.entry("rewriter: other (rewrite, explain, worker)",
                    Pattern.compile("io\\.detoxstreams\\.(rewrite|explain|worker)\\.")),
            Map.entry("verdict building (ModeratorVerdicts)", Pattern.compile("io\\.detoxstreams\\.moderator\\.ModeratorVerdicts")),
            Map.entry("Avro / JSON encode and decode", Pattern.compile("(org\\.apache\\.avro\\.|com\\.fasterxml\\.jackson\\."
                    + "|io\\.detoxstreams\\.serde\\.)")),
            Map.entry("metrics sub-topology and meters", Pattern.compile("(io\\.detoxstreams\\.metrics\\.|io\\.micrometer\\."
                    + "|io\\.detoxstreams\\.observe\\.)")),
            Map.entry("ingest (decode, validate, normalize event)", Pattern.compile("io\\.detoxstreams\\.(ingest|moderator)\\.")),
            Map.entry("Kafka: commit (transactions, offsets)", Pattern.compile("org\\.apache\\.kafka\\.(streams\\.processor\\."
                    + "internals\\.(TaskExecutor\\.commit|TaskManager\\.commit|StreamsProducer\\.commit)|clients\\.producer\\."
                    + "internals\\.TransactionManager)")),
            Map.entry("Kafka: produce (record collector, producer)", Pattern.compile("org\\.apache\\.kafka\\.(clients\\.producer\\."
                    + "|streams\\.processor\\.internals\\.(RecordCollectorImpl|StreamsProducer))")),
            Map.entry("Kafka: consume (poll, fetch, records)", Pattern.compile("org\\.apache\\.kafka\\.(clients\\.consumer\\."
                    + "|streams\\.processor\\.internals\\.(RecordQueue|PartitionGroup|RecordDeserializer))")),
            Map.entry("Kafka: network and common", Pattern.compile("org\\.apache\\.kafka\\.common\\.")),
            Map.entry("Kafka Streams: processing loop", Pattern.compile("org\\.apache\\.kafka\\.streams\\.")));

    private JfrProfile() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("usage: JfrProfile RECORDING.jfr THREAD_NAME_REGEX [TOP_METHODS]");
            System.exit(2);
        }
        Pattern thread = Pattern.compile(args[1]);
        int top = args.length > 2 ? Integer.parseInt(args[2]) : 25;
        Map<String, Long> parts = new LinkedHashMap<>();
        PARTS.forEach(p -> parts.put(p.getKey(), 0L));
        parts.put("other (JDK, unattributed)", 0L);
        Map<String, Long> self = new HashMap<>();
        Map<String, Long> nativeTop = new HashMap<>();
        Map<String, Duration> waits = new HashMap<>();
        Map<String, Long> threads = new HashMap<>();
        Map<String, Long> allocated = new HashMap<>();
        long samples = 0;
        long nativeSamples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            String type = e.getEventType().getName();
            RecordedThread t = e.hasField("sampledThread") ? e.getThread("sampledThread") : e.getThread();
            if (t == null || t.getJavaName() == null || !thread.matcher(t.getJavaName()).find()) {
                continue;
            }
            RecordedStackTrace st = e.getStackTrace();
            if (st == null || st.getFrames().isEmpty()) {
                continue;
            }
            switch (type) {
                case "jdk.ExecutionSample" -> {
                    samples++;
                    threads.merge(t.getJavaName(), 1L, Long::sum);
                    parts.merge(part(st.getFrames()), 1L, Long::sum);
                    self.merge(name(st.getFrames().get(0)), 1L, Long::sum);
                }
                case "jdk.NativeMethodSample" -> {
                    nativeSamples++;
                    nativeTop.merge(firstKafkaOrAppFrame(st.getFrames()), 1L, Long::sum);
                }
                case "jdk.ObjectAllocationSample" -> allocated.merge(part(st.getFrames()), e.getLong("weight"), Long::sum);
                case "jdk.ThreadPark", "jdk.JavaMonitorWait" ->
                        waits.merge(firstKafkaOrAppFrame(st.getFrames()), e.getDuration(), Duration::plus);
                default -> { }
            }
        }
        print(samples, nativeSamples, threads, parts, self, nativeTop, waits, top);
        long bytes = allocated.values().stream().mapToLong(Long::longValue).sum();
        System.out.printf(Locale.ROOT, "%nallocation (jdk.ObjectAllocationSample, estimated %.1f GB), by part:%n", bytes / 1e9);
        allocated.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(12)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / bytes, p.getKey()));
    }

    private static void print(long samples, long nativeSamples, Map<String, Long> threads, Map<String, Long> parts,
                              Map<String, Long> self, Map<String, Long> nativeTop, Map<String, Duration> waits,
                              int top) {
        System.out.printf(Locale.ROOT, "threads: %s%nCPU samples (jdk.ExecutionSample): %d%n%n", threads, samples);
        System.out.println("share of CPU samples by part (innermost attributable frame):");
        parts.entrySet().stream().filter(p -> p.getValue() > 0).sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / samples, p.getKey()));
        System.out.printf(Locale.ROOT, "%ntop %d methods by self time (share of CPU samples):%n", top);
        self.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / samples, p.getKey()));
        System.out.printf(Locale.ROOT, "%nin native code (jdk.NativeMethodSample, %d samples), by calling Kafka/app frame:%n",
                nativeSamples);
        nativeTop.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %5.1f %%  %s%n", 100.0 * p.getValue() / nativeSamples,
                        p.getKey()));
        System.out.println("\nparked or waiting (jdk.ThreadPark, jdk.JavaMonitorWait above the recording's threshold):");
        waits.entrySet().stream().sorted(Map.Entry.<String, Duration>comparingByValue().reversed()).limit(8)
                .forEach(p -> System.out.printf(Locale.ROOT, "  %8.1f s  %s%n", p.getValue().toMillis() / 1e3, p.getKey()));
    }

    private static String part(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            for (Map.Entry<String, Pattern> p : PARTS) {
                if (p.getValue().matcher(n).lookingAt()) {
                    return p.getKey();
                }
            }
        }
        return "other (JDK, unattributed)";
    }

    /** The innermost frame of Kafka or of this project: what the thread was doing when it blocked. */
    private static String firstKafkaOrAppFrame(List<RecordedFrame> frames) {
        for (RecordedFrame f : frames) {
            String n = name(f);
            if (n.startsWith("org.apache.kafka.") || n.startsWith("io.detoxstreams.")) {
                return n;
            }
        }
        return name(frames.get(0));
    }

    private static String name(RecordedFrame f) {
        return f.getMethod().getType().getName() + "." + f.getMethod().getName();
    }
}
