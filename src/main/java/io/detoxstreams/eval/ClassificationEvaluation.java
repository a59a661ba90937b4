package io.detoxstreams.eval;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.scoring.BinaryMetrics;
import io.detoxstreams.scoring.SpanF1;
import io.detoxstreams.train.CorpusReader;
import io.detoxstreams.train.Progress;
import io.detoxstreams.train.SpanCorpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Evaluates any {@link ToxicityClassifier} on a directory laid out like ../shared/data: every
 * {@code toxicity/<lang>.tsv} and {@code toxicity/functional/<lang>.tsv} (text, label; the file's language is passed
 * to the classifier) and {@code toxicity/spans/<lang>.tsv} (SemEval-2021 span F1). Rows are filtered by the project's
 * fixed {@link Split} (functional tests by template), so {@code test} never overlaps training data; by default
 * ({@code auto}) a file the model was trained on (same SHA-256) is scored on its held-out test rows and any other file
 * on all its rows.
 */
public final class ClassificationEvaluation {

    private final ToxicityClassifier classifier;
    private final String split;
    private final java.util.Set<String> seenFiles;
    private final Progress progress;

    /**
     * @param split     {@code auto} (held-out test rows of files the model was trained on, every row of other
     *                  files), {@code test}, {@code dev} or {@code all}
     * @param seenFiles SHA-256 fingerprints of the files the classifier was trained on (for {@code auto})
     */
    public ClassificationEvaluation(ToxicityClassifier classifier, String split, java.util.Set<String> seenFiles,
                                    Progress progress) {
        if (!List.of("auto", "test", "dev", "all").contains(split)) {
            throw new IllegalArgumentException("split must be auto, test, dev or all, not " + split);
        }
        this.classifier = classifier;
        this.split = split;
        this.seenFiles = seenFiles;
        this.progress = progress;
    }

    public ClassificationReport run(Path dir) {
        List<LanguageScore> toxicity = new ArrayList<>();
        for (Path f : CorpusReader.tsvFiles(dir.resolve("toxicity"))) {
            toxicity.add(scoreFile(f, "toxicity"));
        }
        List<LanguageScore> functional = new ArrayList<>();
        for (Path f : CorpusReader.tsvFiles(dir.resolve("toxicity/functional"))) {
            functional.add(scoreFile(f, "functional"));
        }
        Map<String, Double> spans = new LinkedHashMap<>();
        for (Path f : CorpusReader.tsvFiles(dir.resolve("toxicity/spans"))) {
            spans.put(CorpusReader.lang(f), spanF1(f));
        }
        if (toxicity.isEmpty() && functional.isEmpty() && spans.isEmpty()) {
            throw new IllegalArgumentException("nothing to evaluate under " + dir.toAbsolutePath()
                    + ": expected toxicity/<lang>.tsv, toxicity/functional/<lang>.tsv or toxicity/spans/<lang>.tsv");
        }
        return new ClassificationReport(classifier.version(), split, toxicity, functional, spans, List.of());
    }

    /** The rows of {@code file} to score: for {@code auto}, held-out rows of a seen file, all rows of a new one. */
    String rowsOf(Path file) {
        if (!split.equals("auto")) {
            return split;
        }
        return seenFiles.contains(io.detoxstreams.data.FileFingerprints.sha256(file)) ? "test" : "all";
    }

    private static Predicate<Split> splitFilter(String split) {
        return switch (split) {
            case "test" -> s -> s == Split.TEST;
            case "dev" -> s -> s == Split.DEV;
            default -> s -> true;
        };
    }

    LanguageScore scoreFile(Path f, String suite) {
        String lang = CorpusReader.lang(f);
        TsvTable t = TsvTable.read(f);
        int text = t.requireColumn("text");
        int label = t.requireColumn("label");
        int templ = t.column("templ_id").orElse(-1);
        String rows = rowsOf(f);
        Predicate<Split> keep = splitFilter(rows);
        List<String> texts = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            String s = t.get(r, text);
            String l = t.get(r, label).trim();
            if (s.isBlank() || !(l.equals("0") || l.equals("1"))) {
                continue;
            }
            String key = templ >= 0 && !t.get(r, templ).isBlank() ? "templ:" + t.get(r, templ) : s;
            if (keep.test(Split.of(key))) {
                texts.add(s);
                labels.add(Integer.parseInt(l));
            }
        }
        double[] scores = new double[texts.size()];
        int[] y = new int[texts.size()];
        List<ToxicityResult> results = classifyAll(texts, lang, suite + " " + lang);
        for (int i = 0; i < scores.length; i++) {
            scores[i] = results.get(i).score();
            y[i] = labels.get(i);
        }
        return new LanguageScore(lang, suite, rows, BinaryMetrics.of(scores, y, classifier.threshold(lang)));
    }

    private double spanF1(Path f) {
        String lang = CorpusReader.lang(f);
        Predicate<Split> keep = splitFilter(rowsOf(f));
        List<SpanCorpus.Post> posts = SpanCorpus.read(f).stream().filter(p -> keep.test(p.split())).toList();
        List<ToxicityResult> results = classifyAll(posts.stream().map(SpanCorpus.Post::text).toList(), lang,
                "spans " + lang);
        SpanF1 f1 = new SpanF1();
        for (int i = 0; i < posts.size(); i++) {
            List<int[]> predicted = new ArrayList<>();
            for (ToxicSpan s : results.get(i).spans()) {
                predicted.add(new int[] {s.start(), s.end()});
            }
            f1.add(predicted, posts.get(i).spans());
        }
        return f1.value();
    }

    private List<ToxicityResult> classifyAll(List<String> texts, String lang, String phase) {
        List<ToxicityResult> out = new ArrayList<>(texts.size());
        int batch = 256;
        for (int i = 0; i < texts.size(); i += batch) {
            List<String> chunk = texts.subList(i, Math.min(texts.size(), i + batch));
            out.addAll(classifier.classifyBatch(chunk, java.util.Collections.nCopies(chunk.size(), lang)));
            progress.update(phase, Math.min(texts.size(), i + batch), texts.size());
        }
        return out;
    }
}
