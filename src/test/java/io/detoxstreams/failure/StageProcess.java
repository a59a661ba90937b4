package io.detoxstreams.failure;

import io.detoxstreams.broker.EmbeddedKafka;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One {@code moderator} or {@code rewriter} process started from the built jar, with its HTTP server on a fixed free
 * loopback port (kept across restarts) so {@code /health} tells when it is working.
 */
final class StageProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1))
            .proxy(HttpClient.Builder.NO_PROXY).build();

    private final JvmProcess jvm;
    private final int port;

    private StageProcess(JvmProcess jvm, int port) {
        this.jvm = jvm;
        this.port = port;
    }

    /**
     * @param stage    {@code moderator} or {@code rewriter}
     * @param settings configuration keys (as {@code --set key=value})
     */
    static StageProcess create(String name, String stage, String heap, String bootstrap, Map<String, String> settings)
            throws IOException {
        int port = EmbeddedKafka.freePort();
        List<String> args = new ArrayList<>(List.of(stage, "-b", bootstrap,
                "--set", (stage.equals("moderator") ? "http.port=" : "rewriter.http.port=") + port,
                "--set", "http.bind.address=127.0.0.1"));
        settings.forEach((k, v) -> {
            args.add("--set");
            args.add(k + "=" + v);
        });
        return new StageProcess(JvmProcess.jar(name, heap, args), port);
    }

    StageProcess start() throws IOException {
        jvm.start();
        return this;
    }

    /** Waits until {@code /health} answers 200 (Kafka Streams RUNNING; the rewriter's loop running). */
    StageProcess awaitHealthy(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!healthy()) {
            if (!jvm.alive()) {
                throw new IllegalStateException(jvm.name() + " exited with " + jvm.exitCode() + "; see " + jvm.log());
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(jvm.name() + " not healthy after " + timeout + "; see " + jvm.log());
            }
            Thread.sleep(200);
        }
        return this;
    }

    boolean healthy() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The sum over all label sets of the Prometheus sample {@code name} on this process's {@code /metrics}, e.g.
     * {@code detox_rewriter_backend_unavailable_total}; 0 when it has none yet.
     */
    double meter(String name) throws IOException, InterruptedException {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException(jvm.name() + " /metrics answered " + r.statusCode());
        }
        double sum = 0;
        for (String line : r.body().split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    JvmProcess jvm() {
        return jvm;
    }

    String name() {
        return jvm.name();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
