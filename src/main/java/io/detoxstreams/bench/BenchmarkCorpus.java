package io.detoxstreams.bench;

import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.train.CorpusReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The comments the benchmarks score: held-out (test split) natural comments of every language under a data
 * directory (system property {@code detox.bench.data}, default {@code ../shared/data}), shuffled with a fixed seed,
 * at most {@code perLanguage} per language. Comments of typical length: as users wrote them.
 */
public final class BenchmarkCorpus {

    /** A comment and the language of the file it came from. */
    public record Comment(String text, String lang) {
    }

    private BenchmarkCorpus() {
    }

    public static Path dataDir() {
        return Path.of(System.getProperty("detox.bench.data", "../shared/data"));
    }

    public static List<Comment> load(int perLanguage) {
        Path dir = dataDir();
        List<Path> files = new ArrayList<>(CorpusReader.tsvFiles(dir.resolve("toxicity")));
        files.addAll(CorpusReader.tsvFiles(dir.resolve("toxicity/functional")));
        if (files.isEmpty()) {
            throw new IllegalStateException("no benchmark data under " + dir.toAbsolutePath()
                    + "; pass -Ddetox.bench.data=DIR (a directory laid out like ../shared/data)");
        }
        List<Comment> out = new ArrayList<>();
        for (Path f : files) {
            if (!Files.isRegularFile(f)) {
                continue;
            }
            TsvTable t = TsvTable.read(f);
            int text = t.requireColumn("text");
            int n = 0;
            for (int r = 0; r < t.size() && n < perLanguage; r++) {
                String s = t.get(r, text);
                if (Split.of(s) == Split.TEST) {
                    out.add(new Comment(s, CorpusReader.lang(f)));
                    n++;
                }
            }
        }
        java.util.Collections.shuffle(out, new Random(7));
        return out;
    }

    /** Mean length in chars, for the report. */
    public static double meanLength(List<Comment> comments) {
        return comments.stream().mapToInt(c -> c.text().length()).average().orElse(0);
    }
}
