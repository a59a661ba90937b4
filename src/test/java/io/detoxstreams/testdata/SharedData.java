package io.detoxstreams.testdata;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Where ../shared/data lives, and a JUnit assumption that skips (with a clear message) when it is absent. */
public final class SharedData {

    public static final Path DIR = Path.of(System.getProperty("detox.shared.data", "../shared/data"));

    private SharedData() {
    }

    public static boolean present() {
        return Files.isDirectory(DIR.resolve("toxicity"));
    }

    public static void assumePresent() {
        assumeTrue(present(), "../shared/data is absent (it exists beside the checkout in CI): skipping a test that "
                + "measures quality on the shared labelled data");
    }
}
