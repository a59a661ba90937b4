package io.detoxstreams.train;

import io.detoxstreams.classify.Category;
import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Reads a data directory laid out like {@code ../shared/data} into {@link Example}s:
 * {@code toxicity/<lang>.tsv} and {@code toxicity/functional/<lang>.tsv} (text, label, optional category columns),
 * {@code toxicity/spans/<lang>.tsv} (all toxic), {@code detox/<lang>.tsv} (toxic side = 1, neutral sides = 0).
 * Category labels are taken from the columns a file has (Jigsaw, GermEval, ToLD-Br, kocohub, Davidson, HateCheck
 * conventions); absent annotations stay NaN.
 */
public final class CorpusReader {

    /**
     * HateCheck functionalities whose cases are "non-hateful" but toxic in this project's sense (insults to
     * individuals or to non-protected groups, profanity); they train as toxic. Evaluation keeps HateCheck's gold labels.
     */
    static final java.util.Set<String> TOXIC_NOT_HATEFUL = java.util.Set.of("target_indiv_nh", "target_group_nh",
            "profanity_nh");

    /** HateCheck functionalities whose cases insult the group they name (besides attacking its identity). */
    static final java.util.Set<String> INSULTING = java.util.Set.of("derog_neg_attrib_h", "derog_dehum_h", "slur_h");

    private CorpusReader() {
    }

    public static List<Example> read(Path dir, SourcePolicy policy) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("data directory not found: " + dir.toAbsolutePath());
        }
        List<Example> out = new ArrayList<>();
        for (Path f : tsvFiles(dir.resolve("toxicity"))) {
            readClassification(f, lang(f), Example.Corpus.TOXICITY, policy, out);
        }
        for (Path f : tsvFiles(dir.resolve("toxicity/functional"))) {
            readClassification(f, lang(f), Example.Corpus.FUNCTIONAL, policy, out);
        }
        for (Path f : tsvFiles(dir.resolve("toxicity/spans"))) {
            TsvTable t = TsvTable.read(f);
            int text = t.requireColumn("text");
            int source = t.column("source").orElse(-1);
            for (int r = 0; r < t.size(); r++) {
                String src = source < 0 ? "unknown" : t.get(r, source);
                String s = t.get(r, text);
                if (policy.allows(src) && !s.isBlank()) {
                    out.add(new Example(s, lang(f), Example.Corpus.SPANS, src, Split.of(s), Heads.labels(1f), ""));
                }
            }
        }
        for (Path f : tsvFiles(dir.resolve("detox"))) {
            readDetox(f, lang(f), policy, out);
        }
        return out;
    }

    /** Sorted {@code *.tsv} files directly in {@code dir} (none when it does not exist). */
    public static List<Path> tsvFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".tsv")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sorted {@code *.txt} files directly in {@code dir} (none when it does not exist). */
    public static List<Path> txtFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".txt")).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String lang(Path file) {
        String n = file.getFileName().toString();
        return n.substring(0, n.lastIndexOf('.')).toLowerCase(Locale.ROOT);
    }

    /**
     * The rows of one {@code toxicity/<lang>.tsv} or {@code toxicity/functional/<lang>.tsv} file as examples, with
     * their category labels and split (by template for functional tests), in file order.
     */
    public static List<Example> readClassificationFile(Path f, Example.Corpus corpus, SourcePolicy policy) {
        List<Example> out = new ArrayList<>();
        readClassification(f, lang(f), corpus, policy, out);
        return out;
    }

    /** HateCheck's own gold label of a functional test case (its "non-hateful" abuse counts as 0 here). */
    public static float goldLabel(Example e) {
        return e.corpus() == Example.Corpus.FUNCTIONAL && TOXIC_NOT_HATEFUL.contains(e.group()) ? 0f : e.toxic();
    }

    static void readClassification(Path f, String lang, Example.Corpus corpus, SourcePolicy policy,
                                   List<Example> out) {
        TsvTable t = TsvTable.read(f);
        int text = t.requireColumn("text");
        int label = t.requireColumn("label");
        int source = t.column("source").orElse(-1);
        int templ = t.column("templ_id").orElse(-1);
        int functionality = t.column("functionality").orElse(-1);
        for (int r = 0; r < t.size(); r++) {
            String src = source < 0 ? "unknown" : t.get(r, source);
            String s = t.get(r, text);
            String l = t.get(r, label).trim();
            if (!policy.allows(src) || s.isBlank() || !(l.equals("0") || l.equals("1"))) {
                continue;
            }
            float y = l.equals("1") ? 1f : 0f;
            String group = functionality >= 0 ? t.get(r, functionality).trim() : "";
            if (corpus == Example.Corpus.FUNCTIONAL && TOXIC_NOT_HATEFUL.contains(group)) {
                y = 1f; // abuse of individuals / non-protected groups and profanity: not hate, but toxic
            }
            float[] labels = Heads.labels(y);
            CategoryColumns.fill(t, r, y, labels);
            String key = templ >= 0 && !t.get(r, templ).isBlank() ? "templ:" + t.get(r, templ) : s;
            out.add(new Example(s, lang, corpus, src, Split.of(key), labels, group));
        }
    }

    static void readDetox(Path f, String lang, SourcePolicy policy, List<Example> out) {
        forEachDetoxRow(f, policy, row -> {
            out.add(new Example(row.toxic(), lang, Example.Corpus.DETOX, row.source(), row.split(), Heads.labels(1f),
                    "toxic"));
            for (String ns : row.neutrals()) {
                if (!ns.isBlank() && !ns.equalsIgnoreCase(row.toxic())) {
                    float[] labels = Heads.labels(0f);
                    for (int h = 1; h < labels.length; h++) {
                        labels[h] = 0f;
                    }
                    out.add(new Example(ns, lang, Example.Corpus.DETOX, row.source(), row.split(), labels, "neutral"));
                }
            }
        });
    }

    /**
     * One row of a {@code detox/<lang>.tsv} file: its toxic side, source ({@code unknown} without a source column),
     * split, and its {@code neutral}, {@code neutral2}, {@code neutral3} cells as they are (blank ones included), in
     * that order.
     */
    record DetoxRow(String toxic, String source, Split split, List<String> neutrals) {
    }

    /** The rows of {@code f} whose source {@code policy} allows and whose toxic side is not blank, in file order. */
    static void forEachDetoxRow(Path f, SourcePolicy policy, java.util.function.Consumer<DetoxRow> each) {
        TsvTable t = TsvTable.read(f);
        int toxic = t.requireColumn("toxic");
        int source = t.column("source").orElse(-1);
        List<Integer> neutrals = new ArrayList<>();
        for (String c : List.of("neutral", "neutral2", "neutral3")) {
            t.column(c).ifPresent(neutrals::add);
        }
        for (int r = 0; r < t.size(); r++) {
            String src = source < 0 ? "unknown" : t.get(r, source);
            String s = t.get(r, toxic);
            if (!policy.allows(src) || s.isBlank()) {
                continue;
            }
            List<String> cells = new ArrayList<>(neutrals.size());
            for (int n : neutrals) {
                cells.add(t.get(r, n));
            }
            each.accept(new DetoxRow(s, src, Split.of(s), cells));
        }
    }

    /** Category labels from the annotation columns different sources use. */
    static final class CategoryColumns {

        private CategoryColumns() {
        }

        static void fill(TsvTable t, int r, float toxic, float[] labels) {
            if (toxic == 0f) {
                // A comment annotated non-toxic is negative for every category,
                // except non-hateful profanity in functional tests.
                for (int h = 1; h < labels.length; h++) {
                    labels[h] = 0f;
                }
            }
            jigsaw(t, r, labels);
            germEval(t, r, labels);
            toldBr(t, r, labels);
            kocohub(t, r, labels);
            davidson(t, r, labels);
            hateCheck(t, r, toxic, labels);
            if (toxic == 1f && t.has("topic") && t.has("fine_grained")) {
                labels[Heads.of(Category.IDENTITY_ATTACK)] = 1f; // COLD: offensive about race/region/gender
            }
        }

        private static void set(float[] labels, Category c, boolean value) {
            labels[Heads.of(c)] = value ? 1f : 0f;
        }

        private static boolean flag(TsvTable t, int r, String col, int min) {
            String v = t.get(r, col).trim();
            if (v.isEmpty()) {
                return false;
            }
            try {
                return Double.parseDouble(v) >= min;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static boolean annotated(TsvTable t, int r, String col) {
            return t.has(col) && !t.get(r, col).isBlank();
        }

        private static void jigsaw(TsvTable t, int r, float[] labels) {
            if (!annotated(t, r, "severe_toxic")) {
                return;
            }
            set(labels, Category.INSULT, flag(t, r, "insult", 1));
            set(labels, Category.PROFANITY, flag(t, r, "obscene", 1));
            set(labels, Category.THREAT, flag(t, r, "threat", 1));
            set(labels, Category.IDENTITY_ATTACK, flag(t, r, "identity_hate", 1));
        }

        private static void germEval(TsvTable t, int r, float[] labels) {
            if (!annotated(t, r, "fine") || !t.has("coarse")) {
                return;
            }
            String fine = t.get(r, "fine").trim().toUpperCase(Locale.ROOT);
            set(labels, Category.INSULT, fine.equals("INSULT"));
            set(labels, Category.PROFANITY, fine.equals("PROFANITY"));
            set(labels, Category.IDENTITY_ATTACK, fine.equals("ABUSE"));
        }

        private static void toldBr(TsvTable t, int r, float[] labels) {
            if (!annotated(t, r, "xenophobia") || !t.has("homophobia")) {
                return;
            }
            set(labels, Category.INSULT, flag(t, r, "insult", 1));
            set(labels, Category.PROFANITY, flag(t, r, "obscene", 1));
            set(labels, Category.IDENTITY_ATTACK, flag(t, r, "homophobia", 1) || flag(t, r, "racism", 1)
                    || flag(t, r, "misogyny", 1) || flag(t, r, "xenophobia", 1));
        }

        private static void kocohub(TsvTable t, int r, float[] labels) {
            if (!annotated(t, r, "hate") || !t.has("bias")) {
                return;
            }
            String hate = t.get(r, "hate").trim();
            set(labels, Category.INSULT, hate.equals("offensive"));
            set(labels, Category.IDENTITY_ATTACK, hate.equals("hate"));
        }

        private static void davidson(TsvTable t, int r, float[] labels) {
            if (!annotated(t, r, "davidson_class")) {
                return;
            }
            set(labels, Category.IDENTITY_ATTACK, t.get(r, "davidson_class").trim().equals("hate"));
        }

        private static void hateCheck(TsvTable t, int r, float toxic, float[] labels) {
            if (!annotated(t, r, "functionality")) {
                return;
            }
            String f = t.get(r, "functionality").trim();
            boolean abuse = f.startsWith("target_indiv") || f.startsWith("target_group");
            set(labels, Category.IDENTITY_ATTACK, toxic == 1f && !abuse && !f.equals("profanity_nh"));
            set(labels, Category.THREAT, f.startsWith("threat_"));
            set(labels, Category.PROFANITY, f.startsWith("profanity_"));
            if (abuse || INSULTING.contains(f)) {
                // Abuse of individuals and groups, derogatory attributes ("… are so stupid"), dehumanizing names and
                // slurs insult whom they name (an insult "towards a person or a group", as Jigsaw defines it).
                set(labels, Category.INSULT, true);
            } else if (f.startsWith("threat_")) {
                set(labels, Category.INSULT, false);
            }
            if (f.startsWith("counter_") || f.startsWith("slur_reclaimed")) {
                // Quoted hate and reclaimed slurs: HateCheck's "non-hateful" is not "clean".
                labels[Heads.of(Category.IDENTITY_ATTACK)] = Float.NaN;
                labels[Heads.of(Category.INSULT)] = Float.NaN;
            }
        }
    }
}
