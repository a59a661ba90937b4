package io.detoxstreams.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every command that talks to Kafka fails fast, naming the address, when nothing listens there (issue 11: produce
 * reported success, tail exited 0 silently, the moderator retried forever). Port 1 on loopback: connection refused.
 */
class UnreachableBrokerTest {

    private static final String NOWHERE = "127.0.0.1:1";

    @TempDir
    Path dir;

    @Test
    void shouldFailProduceWithTheAddressInsteadOfReportingSuccess() throws Exception {
        Path input = dir.resolve("c.jsonl");
        Files.writeString(input, "{\"text\":\"hello\"}\n{\"text\":\"world\"}\n", StandardCharsets.UTF_8);
        Run r = run("produce", "-b", NOWHERE, "--set", "startup.timeout.ms=1500", "--input", input.toString());
        assertThat(r.code).isEqualTo(DetoxStreamsCommand.EXIT_UNAVAILABLE);
        assertThat(r.err).contains("no Kafka broker answered at " + NOWHERE).doesNotContain("published 2");
    }

    @Test
    void shouldFailTailWithTheAddress() {
        Run r = run("tail", "-b", NOWHERE, "--set", "startup.timeout.ms=1500", "--topic", "comments.detoxified");
        assertThat(r.code).isEqualTo(DetoxStreamsCommand.EXIT_UNAVAILABLE);
        assertThat(r.err).contains(NOWHERE, "startup.timeout.ms=1500");
    }

    @Test
    void shouldFailModeratorAndRewriterWithinTheStartupTimeoutWithOrWithoutTopicCreation() {
        for (String[] args : new String[][] {
                {"moderator", "-b", NOWHERE, "--set", "startup.timeout.ms=1500", "--set", "topics.create=false"},
                {"moderator", "-b", NOWHERE, "--set", "startup.timeout.ms=1500"},
                {"rewriter", "-b", NOWHERE, "--set", "startup.timeout.ms=1500", "--set", "topics.create=false"}}) {
            long t0 = System.nanoTime();
            Run r = run(args);
            assertThat(r.code).as(String.join(" ", args)).isEqualTo(DetoxStreamsCommand.EXIT_UNAVAILABLE);
            assertThat(r.err).contains("no Kafka broker answered at " + NOWHERE);
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(10_000);
        }
    }

    private record Run(int code, String err) {
    }

    private static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = DetoxStreamsCommand.commandLine();
        cl.setErr(new PrintWriter(err, true));
        PrintWriterCapture capture = new PrintWriterCapture();
        int code;
        try {
            code = capture.run(() -> cl.execute(args));
        } finally {
            capture.restore();
        }
        return new Run(code, err + capture.text());
    }

    /** produce prints its summary on System.err directly; capture that too. */
    private static final class PrintWriterCapture {
        private final java.io.PrintStream original = System.err;
        private final java.io.ByteArrayOutputStream buffer = new java.io.ByteArrayOutputStream();

        int run(java.util.function.IntSupplier body) {
            System.setErr(new java.io.PrintStream(buffer, true, StandardCharsets.UTF_8));
            return body.getAsInt();
        }

        void restore() {
            System.setErr(original);
        }

        String text() {
            return buffer.toString(StandardCharsets.UTF_8);
        }
    }
}
