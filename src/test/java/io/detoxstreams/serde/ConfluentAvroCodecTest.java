package io.detoxstreams.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.testing.Comments;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The avro-confluent format and its registry client against a protocol-level fake of the Schema Registry REST API
 * (the two endpoints the client uses), served on 127.0.0.1 — no registry server can run here.
 */
class ConfluentAvroCodecTest {

    private HttpServer server;
    private final Map<Integer, String> schemas = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextId = new AtomicInteger(100);
    private SchemaRegistryClient client;

    @BeforeEach
    void startFakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new SchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        requests.add(ex.getRequestMethod() + " " + path);
        String body;
        int status = 200;
        if (ex.getRequestMethod().equals("POST") && path.matches("/subjects/[^/]+/versions")) {
            JsonNode req = AvroJson.MAPPER.readTree(ex.getRequestBody());
            String schema = req.get("schema").asText();
            int id = schemas.entrySet().stream().filter(e -> e.getValue().equals(schema)).map(Map.Entry::getKey)
                    .findFirst().orElseGet(() -> {
                        int n = nextId.getAndIncrement();
                        schemas.put(n, schema);
                        return n;
                    });
            body = "{\"id\":" + id + "}";
        } else if (ex.getRequestMethod().equals("GET") && path.startsWith("/schemas/ids/")) {
            String schema = schemas.get(Integer.parseInt(path.substring("/schemas/ids/".length())));
            status = schema == null ? 404 : 200;
            body = schema == null ? "{\"error_code\":40403,\"message\":\"Schema not found\"}"
                    : AvroJson.MAPPER.createObjectNode().put("schema", schema).toString();
        } else {
            status = 404;
            body = "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", "application/vnd.schemaregistry.v1+json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    @Test
    void shouldWriteTheConfluentWireFormatAndReadItBack() {
        ConfluentAvroCodec<CommentEvent> codec = new ConfluentAvroCodec<>(CommentEvent.getClassSchema(), client);
        CommentEvent e = Comments.event("c1", "Привет, мир", "ru");
        byte[] bytes = codec.encode("comments", e);
        assertThat(bytes[0]).isEqualTo((byte) 0);
        assertThat(ByteBuffer.wrap(bytes, 1, 4).getInt()).isEqualTo(100);
        assertThat(codec.decode("comments", bytes)).isEqualTo(e);
        assertThat(requests).containsExactly("POST /subjects/comments-value/versions");
    }

    @Test
    void shouldCacheRegistrationsAndLookups() {
        ConfluentAvroCodec<CommentEvent> writer = new ConfluentAvroCodec<>(CommentEvent.getClassSchema(), client);
        byte[] bytes = writer.encode("comments", Comments.event("c1", "hello", null));
        writer.encode("comments", Comments.event("c2", "hello again", null));
        SchemaRegistryClient fresh = new SchemaRegistryClient("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        ConfluentAvroCodec<CommentEvent> reader = new ConfluentAvroCodec<>(CommentEvent.getClassSchema(), fresh);
        reader.decode("comments", bytes);
        reader.decode("comments", bytes);
        assertThat(requests).containsExactly("POST /subjects/comments-value/versions", "GET /schemas/ids/100");
    }

    @Test
    void shouldResolveAnOlderWriterSchemaToTheCurrentOne() throws IOException {
        // A producer on an older, smaller CommentEvent: no thread/author/source/attributes fields.
        Schema old = SchemaBuilder.record("CommentEvent").namespace("io.detoxstreams.avro").fields()
                .requiredString("id").requiredString("text").optionalString("lang_hint")
                .name("created_at").type(org.apache.avro.LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
                .noDefault().endRecord();
        schemas.put(7, old.toString());
        GenericRecord r = new GenericData.Record(old);
        r.put("id", "o1");
        r.put("text", "old but fine");
        r.put("lang_hint", "en");
        r.put("created_at", 42L);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(ByteBuffer.allocate(4).putInt(7).array());
        BinaryEncoder enc = EncoderFactory.get().directBinaryEncoder(out, null);
        new GenericDatumWriter<GenericRecord>(old).write(r, enc);
        enc.flush();

        CommentEvent e = new ConfluentAvroCodec<CommentEvent>(CommentEvent.getClassSchema(), client)
                .decode("comments", out.toByteArray());
        assertThat(e.getId()).isEqualTo("o1");
        assertThat(e.getText()).isEqualTo("old but fine");
        assertThat(e.getThreadId()).isNull();
        assertThat(e.getAttributes()).isEmpty();
    }

    @Test
    void shouldFailClearlyOnUnknownIdsAndForeignBytes() {
        ConfluentAvroCodec<CommentEvent> codec = new ConfluentAvroCodec<>(CommentEvent.getClassSchema(), client);
        assertThatThrownBy(() -> codec.decode("comments", new byte[] {0, 0, 0, 0, 99, 1}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("HTTP 404");
        assertThatThrownBy(() -> codec.decode("comments", new byte[] {'{', '}'}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("Confluent wire format");
    }
}
