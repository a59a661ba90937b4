package io.detoxstreams.failure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/** What a proof measured, printed and appended to {@code target/failure-proofs/report.txt}. */
final class ProofReport {

    private final String proof;

    ProofReport(String proof) {
        this.proof = proof;
    }

    void line(String format, Object... args) {
        String line = "[" + proof + "] " + String.format(format, args);
        System.out.println(line);
        try {
            Files.createDirectories(JvmProcess.LOGS);
            Files.writeString(JvmProcess.LOGS.resolve("report.txt"), line + System.lineSeparator(),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Peak and current resident memory of each process. */
    void memory(List<JvmProcess> processes) {
        for (JvmProcess p : processes) {
            long[] m = p.memoryMiB();
            line("memory %-12s RSS %4d MiB, peak (VmHWM) %4d MiB", p.name(), m[0], m[1]);
        }
    }
}
