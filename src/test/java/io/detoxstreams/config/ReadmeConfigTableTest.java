package io.detoxstreams.config;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's configuration table must list every key with its current default and environment variable. */
class ReadmeConfigTableTest {

    @Test
    void shouldDocumentEveryKeyWithItsDefaultInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        for (String row : ConfigDocs.markdownRows()) {
            assertThat(readme).as("README row (regenerate with ConfigDocs.main)").contains(row);
        }
        for (String row : ConfigDocs.patternRows()) {
            assertThat(readme).as("README row of a key pattern (regenerate with ConfigDocs.main)").contains(row);
        }
    }
}
