package io.detoxstreams.cli;

import io.detoxstreams.testdata.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped fluency models are exactly what the documented {@code train-lm} command makes from the data. */
class TrainFluencyCommandTest {

    @Test
    void shouldReproduceTheShippedFluencyModelsByteForByte(@TempDir Path out) throws Exception {
        SharedData.assumePresent();
        int rc = DetoxStreamsCommand.commandLine().execute("train-lm", "--data", SharedData.DIR.toString(),
                "--out", out.toString());
        assertThat(rc).isZero();
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                try (InputStream shipped = getClass().getClassLoader()
                        .getResourceAsStream("fluency/" + f.getFileName())) {
                    assertThat(shipped).as("shipped fluency/%s", f.getFileName()).isNotNull();
                    assertThat(Files.readAllBytes(f)).as("fluency/%s", f.getFileName())
                            .isEqualTo(shipped.readAllBytes());
                }
            }
        }
    }
}
