package io.detoxstreams.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A small client of the metrics API, as any user would call it (the demo prints its table from this).
 *
 * <pre>{@code
 * JsonNode all = new LanguagesClient("http://127.0.0.1:8080", null).languages();
 * }</pre>
 */
public final class LanguagesClient {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).proxy(HttpClient.Builder.NO_PROXY).build();
    private final String baseUrl;
    private final String token;

    public LanguagesClient(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** {@code GET /v1/languages}. */
    public JsonNode languages() throws IOException, InterruptedException {
        return get(LanguagesRoute.PREFIX);
    }

    /** GETs a path of the API and returns the JSON body, whatever the status (the body says what went wrong). */
    public JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery)).timeout(Duration.ofSeconds(10));
        if (token != null) {
            r.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = client.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
        return Response.JSON.readTree(response.body());
    }
}
