package io.detoxstreams.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Package dependencies that must not come back (STYLE.md: "the leaf knows nothing of the stage above it"), read from
 * the imports of the main sources: {@code train} and {@code eval} do not form a cycle (the scoring code they share
 * lives in the leaf {@code scoring}), and {@code safety} does not reach into the rewriter.
 */
class PackageDependenciesTest {

    private static final Path MAIN = Path.of("src/main/java/io/detoxstreams");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.detoxstreams\\.([a-z]+)\\.",
            Pattern.MULTILINE);

    /** The top-level project packages imported by the sources of {@code pkg} (and its subpackages). */
    private static Set<String> importsOf(String pkg) throws IOException {
        Set<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve(pkg))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        out.remove(pkg);
        return out;
    }

    @Test
    void trainShouldNotDependOnEval() throws IOException {
        assertThat(importsOf("train")).doesNotContain("eval");
        assertThat(importsOf("eval")).contains("train", "scoring");
    }

    @Test
    void scoringShouldBeALeaf() throws IOException {
        assertThat(importsOf("scoring")).isEmpty();
    }

    @Test
    void safetyShouldNotDependOnTheRewriterOrTheModerator() throws IOException {
        assertThat(importsOf("safety")).doesNotContain("rewrite", "moderator", "worker", "eval", "train");
    }
}
