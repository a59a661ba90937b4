package io.detoxstreams.serde;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.avro.LanguageMetrics;
import io.detoxstreams.avro.ModerationResult;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Schemas evolve backward compatibly (DESIGN §5): the current schema in {@code schemas/} must read data written with
 * every released version kept in {@code src/test/resources/schema-history/v*}. When a schema changes in a release,
 * copy the released file into a new {@code v<N+1>} folder.
 */
class SchemaCompatibilityTest {

    private static final Path CURRENT = Path.of("schemas");
    private static final Path HISTORY = Path.of("src/test/resources/schema-history");

    @Test
    void shouldReadDataWrittenWithEveryReleasedSchemaVersion() throws IOException {
        List<Path> released = released();
        assertThat(released).isNotEmpty();
        for (Path old : released) {
            Schema writer = parse(old);
            Schema reader = parse(CURRENT.resolve(old.getFileName()));
            var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
            assertThat(result.getType()).as("%s: %s", old, result.getDescription())
                    .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
        }
    }

    @Test
    void shouldKeepEveryCurrentSchemaInTheHistory() throws IOException {
        try (Stream<Path> files = Files.list(CURRENT)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".avsc")).toList()) {
                assertThat(released()).as("a released copy of %s", f.getFileName())
                        .anyMatch(p -> p.getFileName().equals(f.getFileName()));
            }
        }
    }

    @Test
    void shouldMatchTheGeneratedClasses() throws IOException {
        // Parsing Canonical Form: ignores docs and the generator's avro.java.string properties.
        assertThat(canonical(parse(CURRENT.resolve("CommentEvent.avsc")))).isEqualTo(canonical(CommentEvent.getClassSchema()));
        assertThat(canonical(parse(CURRENT.resolve("ModerationResult.avsc")))).isEqualTo(canonical(ModerationResult.getClassSchema()));
        assertThat(canonical(parse(CURRENT.resolve("LanguageMetrics.avsc")))).isEqualTo(canonical(LanguageMetrics.getClassSchema()));
    }

    @Test
    void shouldDetectAnIncompatibleChange() throws IOException {
        // The check itself must be able to fail: a new required field without a default breaks old data.
        String json = Files.readString(CURRENT.resolve("CommentEvent.avsc"))
                .replace("\"fields\": [", "\"fields\": [{\"name\": \"tenant\", \"type\": \"string\"},");
        Schema broken = new Schema.Parser().parse(json);
        var result = SchemaCompatibility.checkReaderWriterCompatibility(broken, CommentEvent.getClassSchema());
        assertThat(result.getType()).isEqualTo(SchemaCompatibilityType.INCOMPATIBLE);
    }

    private static List<Path> released() throws IOException {
        try (Stream<Path> files = Files.walk(HISTORY)) {
            return files.filter(p -> p.toString().endsWith(".avsc")).sorted().toList();
        }
    }

    private static String canonical(Schema s) {
        return SchemaNormalization.toParsingForm(s);
    }

    private static Schema parse(Path p) throws IOException {
        return new Schema.Parser().parse(p.toFile());
    }
}
