package io.detoxstreams.serde;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.testing.TestCertificates;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The registry client over HTTPS with basic authentication, against a protocol-level fake of the registry's register
 * endpoint on 127.0.0.1 with a self-signed certificate: it must trust only what its trust store says, send the
 * credentials, and report a refusal without printing them.
 */
class SecureSchemaRegistryTest {

    private static final String USER_INFO = "detox:s3cret";

    @TempDir
    Path dir;

    private HttpsServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private TestCertificates certs;
    private String url;

    @BeforeEach
    void startHttpsRegistry() throws Exception {
        certs = TestCertificates.create(dir);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(KeyStore.getInstance(certs.keystore().toFile(), certs.password().toCharArray()),
                certs.password().toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(ctx));
        server.createContext("/", this::handle);
        server.start();
        url = "https://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        ex.getRequestBody().readAllBytes();
        boolean ok = ("Basic " + Base64.getEncoder().encodeToString(USER_INFO.getBytes(StandardCharsets.UTF_8))).equals(auth);
        byte[] body = (ok ? "{\"id\":7}" : "{\"error_code\":401,\"message\":\"Unauthorized\"}").getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(ok ? 200 : 401, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }

    @Test
    void shouldRegisterOverTlsWithBasicAuthWhenTrustedAndAuthorized() {
        SchemaRegistryClient c = new SchemaRegistryClient(url, new SchemaRegistryClient.Security(USER_INFO,
                certs.truststore(), certs.password(), null, null));
        assertThat(c.register("comments-value", CommentEvent.getClassSchema())).isEqualTo(7);
        assertThat(authorizations).hasSize(1);
    }

    @Test
    void shouldRefuseARegistryItsTrustStoreDoesNotVouchFor() {
        SchemaRegistryClient c = new SchemaRegistryClient(url);   // the JVM's default trust store
        assertThatThrownBy(() -> c.register("comments-value", CommentEvent.getClassSchema()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("unreachable");
        assertThat(authorizations).isEmpty();
    }

    @Test
    void shouldReportWrongCredentialsWithoutPrintingThem() {
        SchemaRegistryClient c = new SchemaRegistryClient(url, new SchemaRegistryClient.Security("detox:wrong",
                certs.truststore(), certs.password(), null, null));
        assertThatThrownBy(() -> c.register("comments-value", CommentEvent.getClassSchema()))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("HTTP 401").hasMessageContaining("schema.registry.basic.auth.user.info")
                .hasMessageNotContaining("wrong");
    }
}
