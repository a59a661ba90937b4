package io.detoxstreams.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The shipped substitution tables are exactly what the documented mining command produces from the data. */
class MineSubstitutionsCommandTest {

    @Test
    void shouldReproduceTheShippedTablesByteForByte(@TempDir Path out) throws Exception {
        Path data = Path.of("../shared/data");
        assumeTrue(Files.isDirectory(data.resolve("detox")),
                "../shared/data/detox is absent: cannot re-mine the substitution tables (CI has the data)");
        int rc = DetoxStreamsCommand.commandLine().execute("mine-substitutions", "--data", data.toString(),
                "--out", out.toString());
        assertThat(rc).isZero();
        try (var files = Files.list(out)) {
            for (Path f : files.toList()) {
                try (InputStream shipped = getClass().getClassLoader()
                        .getResourceAsStream("rewrite/" + f.getFileName())) {
                    assertThat(shipped).as("shipped rewrite/%s", f.getFileName()).isNotNull();
                    assertThat(Files.readAllBytes(f)).as("rewrite/%s", f.getFileName())
                            .isEqualTo(shipped.readAllBytes());
                }
            }
        }
    }
}
