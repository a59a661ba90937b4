package io.detoxstreams.bench;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The full {@code Detoxifier} path of several builds of this project, measured in one JVM on one thread, in turns:
 * each jar is loaded by its own class loader, and the builds take CPU-time slices one after the other (the order
 * reversed every round) over the same {@link RewriterBenchmark} workload (the toxic sides of the DEV split of every
 * {@code detox/<lang>.tsv}). What the machine does meanwhile (other processes, frequency, a noisy neighbour) hits
 * every build alike, so small differences stand out of a noise that moves separate runs by a third. Give the same jar
 * twice to see the method's own spread. Each build first gets {@link #WARM_UP_SLICES} uncounted slices of warm-up (the
 * JIT needs about 20 s for this path).
 * <pre>
 * java -cp target/detox-streams.jar io.detoxstreams.bench.DetoxifierJarsCpuTime ../shared/data 40 old.jar new.jar
 * </pre>
 * The arguments: the data directory, the number of counted one-CPU-second slices per build, then the jars. Only the
 * public API that {@code RewriterBenchmark} uses is called (through method handles), so older builds can be compared
 * too.
 */
public final class DetoxifierJarsCpuTime {

    /** Uncounted one-CPU-second slices per build before the counted ones. */
    static final int WARM_UP_SLICES = 25;

    private DetoxifierJarsCpuTime() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 3) {
            System.err.println("usage: DetoxifierJarsCpuTime DATA_DIR SLICES JAR [JAR...]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int counted = Integer.parseInt(args[1]);
        int slices = WARM_UP_SLICES + counted;
        int m = args.length - 2;
        Workload[] builds = new Workload[m];
        String[] names = new String[m];
        for (int j = 0; j < m; j++) {
            Path jar = Path.of(args[j + 2]);
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath());
            }
            names[j] = args[j + 2];
            builds[j] = new Workload(jar, data);
            System.out.printf(Locale.ROOT, "%s: %,d comments loaded%n", names[j], builds[j].size());
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[m];
        long[] ops = new long[m];
        for (int s = 0; s < slices; s++) {
            for (int k = 0; k < m; k++) {
                int j = s % 2 == 0 ? k : m - 1 - k;
                long c0 = mx.getCurrentThreadCpuTime();
                long n = 0;
                while (mx.getCurrentThreadCpuTime() - c0 < 1_000_000_000L) {
                    builds[j].run(64);
                    n += 64;
                }
                if (s >= WARM_UP_SLICES) {
                    cpu[j] += (mx.getCurrentThreadCpuTime() - c0) / 1e9;
                    ops[j] += n;
                }
            }
            System.out.printf(Locale.ROOT, "\rslice %d/%d%s", s + 1, slices,
                    s < WARM_UP_SLICES ? " (warm-up)" : "          ");
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "detoxify per CPU-second, %d one-second slices each after %d of warm-up:%n",
                counted, WARM_UP_SLICES);
        for (int j = 0; j < m; j++) {
            double rate = ops[j] / cpu[j];
            System.out.printf(Locale.ROOT, "  %-40s %,10.0f  (%.3f × %s)%n", names[j], rate,
                    rate / (ops[0] / cpu[0]), names[0]);
        }
    }

    /** One build's detoxifier and requests, reached through its own class loader. */
    private static final class Workload {
        private final List<Object> requests = new ArrayList<>();
        private final Object detoxifier;
        private final MethodHandle detoxify;
        private int next;

        Workload(Path jar, Path data) throws Throwable {
            ClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader());
            MethodHandles.Lookup l = MethodHandles.publicLookup();
            Class<?> classifierType = loader.loadClass("io.detoxstreams.classify.ToxicityClassifier");
            Class<?> embedded = loader.loadClass("io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier");
            Class<?> detectorType = loader.loadClass("io.detoxstreams.language.LanguageDetector");
            Class<?> composite = loader.loadClass("io.detoxstreams.language.CompositeLanguageDetector");
            Class<?> factory = loader.loadClass("io.detoxstreams.rewrite.embedded.EmbeddedDetoxifier");
            Class<?> verifier = loader.loadClass("io.detoxstreams.rewrite.Verifier");
            Class<?> resultType = loader.loadClass("io.detoxstreams.classify.ToxicityResult");
            Class<?> requestType = loader.loadClass("io.detoxstreams.rewrite.RewriteRequest");
            Class<?> pairs = loader.loadClass("io.detoxstreams.data.DetoxPairs");
            Class<?> pairType = loader.loadClass("io.detoxstreams.data.DetoxPairs$Pair");
            @SuppressWarnings({"unchecked", "rawtypes"})
            Class<Enum> split = (Class<Enum>) loader.loadClass("io.detoxstreams.data.Split");

            Object classifier = l.findStatic(embedded, "loadDefault", MethodType.methodType(embedded)).invoke();
            Object review = l.findVirtual(embedded, "withThresholdsAtReviewBand", MethodType.methodType(embedded))
                    .invoke(classifier);
            Object detector = l.findStatic(composite, "loadDefault", MethodType.methodType(composite)).invoke();
            double floor = (double) l.findStaticGetter(verifier, "DEFAULT_SIMILARITY_FLOOR", double.class).invoke();
            detoxifier = l.findStatic(factory, "create", MethodType.methodType(
                    loader.loadClass("io.detoxstreams.rewrite.VerifyingDetoxifier"), classifierType, detectorType,
                    double.class)).invoke(review, detector, floor);
            detoxify = l.findVirtual(detoxifier.getClass(), "detoxify",
                    MethodType.methodType(loader.loadClass("io.detoxstreams.rewrite.ModerationDecision"),
                            requestType)).asType(MethodType.methodType(Object.class, Object.class, Object.class));
            MethodHandle classify = l.findVirtual(classifierType, "classify",
                    MethodType.methodType(resultType, String.class, String.class));
            MethodHandle newRequest = l.findConstructor(requestType,
                    MethodType.methodType(void.class, String.class, String.class, resultType));
            MethodHandle toxic = l.findVirtual(pairType, "toxic", MethodType.methodType(String.class));
            Path detox = data.resolve("detox");
            @SuppressWarnings("unchecked")
            List<String> langs = (List<String>) l.findStatic(pairs, "languages",
                    MethodType.methodType(List.class, Path.class)).invoke(detox);
            MethodHandle read = l.findStatic(pairs, "read", MethodType.methodType(List.class, Path.class,
                    java.util.Set.class));
            @SuppressWarnings("unchecked")
            Object dev = EnumSet.of(Enum.valueOf(split, "DEV"));
            for (String lang : langs) {
                for (Object p : (List<?>) read.invoke(detox.resolve(lang + ".tsv"), dev)) {
                    String text = (String) toxic.invoke(p);
                    requests.add(newRequest.invoke(text, lang, classify.invoke(classifier, text, lang)));
                }
            }
            if (requests.isEmpty()) {
                throw new IllegalArgumentException("no DEV pairs under " + detox.toAbsolutePath());
            }
        }

        int size() {
            return requests.size();
        }

        void run(int n) throws Throwable {
            for (int k = 0; k < n; k++) {
                Object ignored = (Object) detoxify.invokeExact(detoxifier, requests.get(next));
                next = next + 1 == requests.size() ? 0 : next + 1;
            }
        }
    }
}
