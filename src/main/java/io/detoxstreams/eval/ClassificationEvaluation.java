package io.detoxstreams.eval;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.classify.embedded.EmbeddedToxicityClassifier;
import io.detoxstreams.data.Split;
import io.detoxstreams.safety.Harm;
import io.detoxstreams.safety.HarmDetector;
import io.detoxstreams.safety.HarmKind;
import io.detoxstreams.scoring.BinaryMetrics;
import io.detoxstreams.scoring.SpanF1;
import io.detoxstreams.train.CorpusReader;
import io.detoxstreams.train.Example;
import io.detoxstreams.train.Heads;
import io.detoxstreams.train.Progress;
import io.detoxstreams.train.SourcePolicy;
import io.detoxstreams.train.SpanCorpus;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Evaluates any {@link ToxicityClassifier} on a directory laid out like ../shared/data: every
 * {@code toxicity/<lang>.tsv} and {@code toxicity/functional/<lang>.tsv} (text, label; the file's language is passed
 * to the classifier) and {@code toxicity/spans/<lang>.tsv} (SemEval-2021 span F1). Per file: the toxic class at the
 * operating point and at the lower bound of the review band, threshold-free ROC-AUC, the share of clean rows the
 * moderator would flag (score or {@link HarmDetector} threat/self-harm), the recall of HateCheck's threats as held
 * threats, and each category's precision/recall/F1 where the file labels it. Rows are filtered by the project's
 * fixed {@link Split} (functional tests by template), so {@code test} never overlaps training data; by default
 * ({@code auto}) a file the model was trained on (same SHA-256) is scored on its held-out test rows and any other file
 * on all its rows.
 */
public final class ClassificationEvaluation {

    /** Key suffix in {@link ClassificationReport#spanF1()} of the span F1 with spans from the review threshold on. */
    public static final String REVIEW_SUFFIX = "@review";
    /** A category score at or above this names the category (as the classifier's spans do). */
    static final double CATEGORY_DECISION = 0.5;

    private final ToxicityClassifier classifier;
    private final HarmDetector harm;
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
        this.harm = HarmDetector.shipped(classifier);
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
            String lang = CorpusReader.lang(f);
            spans.put(lang, spanF1(f, classifier));
            if (classifier instanceof EmbeddedToxicityClassifier e && e.reviewThreshold(lang) < e.threshold(lang)) {
                // The same with spans reported from the review threshold on: the rule of the first model, whose
                // threshold was the macro-F1 one (now the review threshold), for comparison.
                spans.put(lang + REVIEW_SUFFIX, spanF1(f, e.withThresholds(Map.of(lang, e.reviewThreshold(lang)))));
            }
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
        String rows = rowsOf(f);
        Predicate<Split> keep = splitFilter(rows);
        Example.Corpus corpus = suite.equals("functional") ? Example.Corpus.FUNCTIONAL : Example.Corpus.TOXICITY;
        List<Example> examples = CorpusReader.readClassificationFile(f, corpus, SourcePolicy.ALL).stream()
                .filter(e -> keep.test(e.split())).toList();
        List<ToxicityResult> results = classifyAll(examples.stream().map(Example::text).toList(), lang,
                suite + " " + lang);
        double[] scores = new double[examples.size()];
        int[] y = new int[examples.size()];
        int clean = 0;
        int cleanFlagged = 0;
        int threats = 0;
        int threatsHeld = 0;
        for (int i = 0; i < scores.length; i++) {
            Example e = examples.get(i);
            ToxicityResult r = results.get(i);
            scores[i] = r.score();
            y[i] = CorpusReader.goldLabel(e) == 1f ? 1 : 0;
            Optional<Harm> harm = this.harm.detect(e.text(), lang, r);
            if (y[i] == 0) {
                clean++;
                cleanFlagged += r.toxic() || harm.isPresent() ? 1 : 0;
            }
            if (e.group().startsWith("threat_")) {
                threats++;
                threatsHeld += harm.filter(h -> h.kind() == HarmKind.THREAT).isPresent() ? 1 : 0;
            }
        }
        return new LanguageScore(lang, suite, rows, BinaryMetrics.of(scores, y, classifier.threshold(lang)),
                BinaryMetrics.of(scores, y, classifier.reviewThreshold(lang)),
                clean == 0 ? Double.NaN : cleanFlagged / (double) clean, threats,
                threats == 0 ? Double.NaN : threatsHeld / (double) threats, categories(examples, results, lang));
    }

    /** Per category the model reports: P/R/F1 of (score >= 0.5, as spans name it) against the labelled rows. */
    Map<String, LanguageScore.CategoryScore> categories(List<Example> examples, List<ToxicityResult> results,
                                                        String lang) {
        Map<String, LanguageScore.CategoryScore> out = new LinkedHashMap<>();
        for (int h = 1; h < Heads.COUNT; h++) {
            String name = Heads.NAMES.get(h);
            double threshold = CATEGORY_DECISION;
            int tp = 0;
            int fp = 0;
            int fn = 0;
            int n = 0;
            for (int i = 0; i < examples.size(); i++) {
                float label = examples.get(i).labels()[h];
                Double score = results.get(i).categories().get(name);
                if (Float.isNaN(label) || score == null) {
                    continue;
                }
                n++;
                boolean predicted = score >= threshold;
                if (label == 1f) {
                    tp += predicted ? 1 : 0;
                    fn += predicted ? 0 : 1;
                } else if (predicted) {
                    fp++;
                }
            }
            if (tp + fn > 0) {
                out.put(name, LanguageScore.CategoryScore.of(tp, fp, fn, n));
            }
        }
        return out;
    }

    private double spanF1(Path f, ToxicityClassifier c) {
        String lang = CorpusReader.lang(f);
        Predicate<Split> keep = splitFilter(rowsOf(f));
        List<SpanCorpus.Post> posts = SpanCorpus.read(f).stream().filter(p -> keep.test(p.split())).toList();
        List<ToxicityResult> results = classifyAll(c, posts.stream().map(SpanCorpus.Post::text).toList(), lang,
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
        return classifyAll(classifier, texts, lang, phase);
    }

    private List<ToxicityResult> classifyAll(ToxicityClassifier classifier, List<String> texts, String lang,
                                             String phase) {
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
