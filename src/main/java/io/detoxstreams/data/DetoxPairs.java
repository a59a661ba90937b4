package io.detoxstreams.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The parallel detoxification pairs of a data directory: {@code detox/<lang>.tsv} with a {@code toxic} column and one
 * to three references ({@code neutral}, {@code neutral2}, {@code neutral3}; empty cells are skipped). Rows are
 * assigned to the project's {@link Split} by their toxic side. Non-detoxifiable sentences
 * ({@code detox/cannot_rewrite/<lang>.tsv}) have only {@code toxic} (and {@code reasons}).
 *
 * <p>Call {@link #read(Path, Set)} on one file or {@link #languages(Path)} to list a directory's languages.
 */
public final class DetoxPairs {

    private static final List<String> REFERENCE_COLUMNS = List.of("neutral", "neutral2", "neutral3");

    /** One row: the toxic sentence, its references (possibly none), its split, and the reasons column if present. */
    public record Pair(String toxic, List<String> references, Split split, String reasons) {

        public Pair {
            references = List.copyOf(references);
        }
    }

    private DetoxPairs() {
    }

    /** Rows of {@code file} whose split is in {@code splits}, in file order; rows with an empty toxic side are skipped. */
    public static List<Pair> read(Path file, Set<Split> splits) {
        TsvTable t = TsvTable.read(file);
        int toxic = t.requireColumn("toxic");
        List<Integer> refs = new ArrayList<>();
        for (String c : REFERENCE_COLUMNS) {
            t.column(c).ifPresent(refs::add);
        }
        int reasons = t.column("reasons").orElse(-1);
        List<Pair> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String x = t.get(r, toxic);
            if (x.isBlank()) {
                continue;
            }
            Split split = Split.of(x);
            if (!splits.contains(split)) {
                continue;
            }
            List<String> references = new ArrayList<>();
            for (int c : refs) {
                String ref = t.get(r, c);
                if (!ref.isBlank()) {
                    references.add(ref);
                }
            }
            out.add(new Pair(x, references, split, reasons < 0 ? "" : t.get(r, reasons)));
        }
        return out;
    }

    /** The languages with a {@code <lang>.tsv} file directly in {@code dir}, sorted. */
    public static List<String> languages(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".tsv"))
                    .map(n -> n.substring(0, n.length() - ".tsv".length()))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot list " + dir, e);
        }
    }
}
