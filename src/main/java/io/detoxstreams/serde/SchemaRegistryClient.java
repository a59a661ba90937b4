package io.detoxstreams.serde;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.avro.Schema;
import org.apache.kafka.common.errors.SerializationException;

import io.detoxstreams.config.DetoxConfig;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Base64;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small client for the Confluent Schema Registry REST API (also served by Redpanda, Karapace and Apicurio's ccompat
 * API): register a schema under a subject and look a schema up by id, both cached for the life of the client (ids
 * are immutable). Confluent's own client is not on Maven Central, hence this one. Supports HTTP basic authentication
 * and TLS with a custom trust store and, for registries that require it, a client certificate ({@link Security}).
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
    private final String authorization;
    private final Map<String, Integer> idsBySubjectAndSchema = new ConcurrentHashMap<>();
    private final Map<Integer, Schema> schemasById = new ConcurrentHashMap<>();

    /**
     * How to reach a secured registry.
     *
     * @param basicAuthUserInfo  {@code user:password} for HTTP basic authentication, or null
     * @param truststore         trust store (PKCS12/JKS) with the registry's CA, or null for the JVM's default
     * @param keystore           key store with this client's certificate for TLS client authentication, or null
     */
    public record Security(String basicAuthUserInfo, Path truststore, String truststorePassword, Path keystore,
                           String keystorePassword) {

        public static final Security NONE = new Security(null, null, null, null, null);

        public static Security from(DetoxConfig config) {
            return new Security(config.password(DetoxConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO),
                    path(config.getString(DetoxConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_LOCATION)),
                    config.password(DetoxConfig.SCHEMA_REGISTRY_SSL_TRUSTSTORE_PASSWORD),
                    path(config.getString(DetoxConfig.SCHEMA_REGISTRY_SSL_KEYSTORE_LOCATION)),
                    config.password(DetoxConfig.SCHEMA_REGISTRY_SSL_KEYSTORE_PASSWORD));
        }

        private static Path path(String s) {
            return s == null || s.isBlank() ? null : Path.of(s.trim());
        }

        @Override
        public String toString() {   // never print the secrets
            return "Security[basicAuth=" + (basicAuthUserInfo != null) + ", truststore=" + truststore + ", keystore="
                    + keystore + "]";
        }
    }

    public SchemaRegistryClient(String baseUrl) {
        this(baseUrl, Security.NONE);
    }

    public SchemaRegistryClient(String baseUrl, Security security) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("schema.registry.url is required by the avro-confluent format");
        }
        this.base = URI.create(baseUrl.endsWith("/") ? baseUrl : baseUrl + "/");
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10));
        if (security.truststore() != null || security.keystore() != null) {
            b.sslContext(sslContext(security));
        }
        this.http = b.build();
        String userInfo = security.basicAuthUserInfo();
        if (userInfo != null && !userInfo.contains(":")) {
            throw new IllegalArgumentException(DetoxConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO + " must be user:password");
        }
        this.authorization = userInfo == null ? null
                : "Basic " + Base64.getEncoder().encodeToString(userInfo.getBytes(StandardCharsets.UTF_8));
    }

    private static SSLContext sslContext(Security s) {
        try {
            TrustManagerFactory tmf = null;
            if (s.truststore() != null) {
                tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(load(s.truststore(), s.truststorePassword()));
            }
            KeyManagerFactory kmf = null;
            if (s.keystore() != null) {
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(load(s.keystore(), s.keystorePassword()), chars(s.keystorePassword()));
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf == null ? null : tmf.getTrustManagers(), null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalArgumentException("cannot set up TLS to the schema registry from " + s + ": " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String password) throws GeneralSecurityException, IOException {
        return KeyStore.getInstance(file.toFile(), chars(password));   // PKCS12 or JKS, detected
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
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
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", CONTENT_TYPE).header("Accept", CONTENT_TYPE);
        return authorization == null ? b : b.header("Authorization", authorization);
    }

    private JsonNode send(HttpRequest req) {
        try {
            HttpResponse<String> resp = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (resp.statusCode() / 100 != 2) {
                String body = resp.body().length() <= 300 ? resp.body() : resp.body().substring(0, 300) + "…";
                throw new SerializationException("schema registry " + req.method() + " " + req.uri() + " -> HTTP "
                        + resp.statusCode() + (resp.statusCode() == 401 || resp.statusCode() == 403
                        ? " (check " + DetoxConfig.SCHEMA_REGISTRY_BASIC_AUTH_USER_INFO + ")" : "") + ": " + body);
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
