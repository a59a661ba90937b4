package io.detoxstreams.serde;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small client for the Confluent Schema Registry REST API (also served by Redpanda, Karapace and Apicurio's ccompat
 * API): register a schema under a subject and look a schema up by id, both cached for the life of the client (ids
 * are immutable). Confluent's own client is not on Maven Central, hence this one.
 *
 * <pre>{@code
 * SchemaRegistryClient sr = new SchemaRegistryClient("http://127.0.0.1:8081");
 * int id = sr.register("comments-value", CommentEvent.getClassSchema());
 * Schema s = sr.schemaById(id);
 * }</pre>
 */
public final class SchemaRegistryClient {

    private static final String CONTENT_TYPE = "application/vnd.schemaregistry.v1+json";

    private final URI base;
    private final HttpClient http;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    public SchemaRegistryClient(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is required by the avro-confluent format");
        }
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** Registers {@code schema} under {@code subject} (idempotent on the registry side) and returns its id. */
    public int register(String subject, Schema schema) {
        String cacheKey = subject + '\u0000' + schema;
        return idsBySubjectAndSchema.computeIfAbsent(cacheKey, k -> {
            String body = AvroJson.MAPPER.createObjectNode().put("schema", schema.toString()).toString();
            HttpRequest req = request("subjects/" + URLEncoder.encode(subject, StandardCharsets.UTF_8) + "/versions")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
            int id = send(req).path("id").asInt(-1);
            if (id < 0) {
                throw new SerializationException("schema registry returned no id for subject " + subject);
            }
            schemasById.putIfAbsent(id, schema);
            return id;
        });
    }

    /** The schema with this id; fetched once, then cached. */
    public Schema schemaById(int id) {
        return schemasById.computeIfAbsent(id, i -> {
            JsonNode json = send(request("schemas/ids/" + i).GET().build());
            String text = json.path("schema").asText(null);
            if (text == null) {
                throw new SerializationException("schema registry returned no schema for id " + i);
            }
            return new Schema.Parser().parse(text);
        });
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE);
    }

    private JsonNode send(HttpRequest req) {
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (resp.statusCode() / 100 != 2) {
                throw new SerializationException("schema registry " + req.method() + " " + req.uri() + " -> HTTP "
                        + resp.statusCode() + ": " + resp.body());
            }
            return AvroJson.MAPPER.readTree(resp.body());
        } catch (IOException e) {
            throw new SerializationException("schema registry unreachable at " + req.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SerializationException("interrupted while calling the schema registry", e);
        }
    }
}
