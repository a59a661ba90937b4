package io.detoxstreams.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code rewrite --input F.tsv --output F.jsonl} with the real shipped models. */
class RewriteCommandTest {

    @Test
    void shouldWriteOneDecisionPerRowInInputOrder(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.tsv");
        Path out = dir.resolve("out.jsonl");
        Files.writeString(in, "toxic\tlang\nthank you for the help\ten\nthis fucking bus is late again\ten\n"
                + "you are an idiot\ten\nI will kill you\ten\n", StandardCharsets.UTF_8);
        int rc = DetoxStreamsCommand.commandLine().execute("rewrite", "--input", in.toString(), "--output",
                out.toString());
        assertThat(rc).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(4);
        ObjectMapper json = new ObjectMapper();
        JsonNode clean = json.readTree(lines.get(0));
        assertThat(clean.get("action").asText()).isEqualTo("PASS");
        assertThat(clean.get("text").asText()).isEqualTo("thank you for the help");
        JsonNode profane = json.readTree(lines.get(1));
        assertThat(profane.get("action").asText()).isEqualTo("REWRITE");
        assertThat(profane.get("text").asText()).doesNotContain("fucking").contains("bus is late again");
        assertThat(profane.get("explanation").get("summary").asText()).isNotBlank();
        assertThat(profane.get("score_after").asDouble()).isLessThan(profane.get("score_before").asDouble());
        JsonNode threat = json.readTree(lines.get(3));
        assertThat(threat.get("action").asText()).isEqualTo("HOLD");
        assertThat(threat.get("reason").asText()).isEqualTo("threat");
        assertThat(threat.get("text").asText()).isEmpty();
    }

    @Test
    void shouldFailInOneLineNamingTheBackendWhenTheOnlyBackendIsUnreachable(@TempDir Path dir) throws Exception {
        Path in = dir.resolve("in.tsv");
        Files.writeString(in, "toxic\tlang\nthis fucking bus is late again\ten\n", StandardCharsets.UTF_8);
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();   // closed again: nothing listens there
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream old = System.err;
        System.setErr(new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
        int rc;
        try {
            rc = DetoxStreamsCommand.commandLine().execute("rewrite", "--input", in.toString(), "--output",
                    dir.resolve("out.jsonl").toString(), "--set", "rewriter.chain=chat:local",
                    "--set", "chat.local.url=http://127.0.0.1:" + port + "/v1", "--set", "chat.local.model=m",
                    "--set", "chat.local.max.retries=0");
        } finally {
            System.setErr(old);
        }
        assertThat(rc).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("error: rewrite backend unavailable")
                .contains("chat:local/m");
    }
}
