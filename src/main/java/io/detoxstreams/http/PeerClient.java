package io.detoxstreams.http;

import io.detoxstreams.metrics.MetricsMerge;
import org.apache.kafka.streams.state.HostInfo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Asks another moderator instance for its share of the metrics ({@code GET /v1/local/...}) with
 * {@code java.net.http}: HTTP/1.1, no proxy (instances talk to each other directly), the shared bearer token, and a
 * timeout after which the query answers without that instance.
 */
final class PeerClient {

    private final HttpClient client;
    private final Duration timeout;
    private final String authorization;

    PeerClient(Duration timeout, String token) {
        this.timeout = timeout;
        this.authorization = token == null ? null : "Bearer " + token;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .proxy(HttpClient.Builder.NO_PROXY).build();
    }

    CompletableFuture<MetricsMerge.Answer> get(HostInfo host, String pathAndQuery) {
        String h = host.host().contains(":") ? "[" + host.host() + "]" : host.host();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + h + ":" + host.port() + pathAndQuery))
                .timeout(timeout).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray())
                .orTimeout(timeout.toMillis() * 2, TimeUnit.MILLISECONDS)
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException("HTTP " + response.statusCode());
                    }
                    return MetricsJson.parseAnswer(response.body());
                });
    }
}
