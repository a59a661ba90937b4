package io.detoxstreams.eval.detox;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.data.DetoxPairs;
import io.detoxstreams.data.Split;
import io.detoxstreams.fluency.Dangling;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.rewrite.Action;
import io.detoxstreams.rewrite.CharNgramFScore;
import io.detoxstreams.rewrite.Detoxifier;
import io.detoxstreams.rewrite.ModerationDecision;
import io.detoxstreams.rewrite.RewriteRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The {@code eval detox} harness. For every {@code detox/<lang>.tsv} under a data directory it runs three systems in
 * the same pass — Duplicate (copy the input), Delete ({@link DeleteBaseline} on the classifier's spans) and the
 * {@link Detoxifier} under test — and scores each output: STA (the classifier says non-toxic), SIM
 * ({@link CharNgramFScore#similarity} to the input), ChrF ({@link CharNgramFScore#chrF(String, List)} against the best
 * reference) and J = mean of STA×SIM×ChrF, with HOLD rows counted as 0 (see {@link SystemScores}), and whether each
 * changed output reads as a sentence: judged fluent by the language's {@link LanguageFluency} at
 * {@link #JUDGE_QUANTILE} (stricter than the verifier's default floor, so the embedded rewriter's share is not 1 by
 * construction), and {@link Dangling#introduced} (ends a clause on a dangling function word or orphans punctuation,
 * where the input did not). The human
 * references get STA, SIM and the same two fluency columns (system {@code reference}; ChrF and J are not defined for
 * them: a reference against itself); system {@link #HUMAN} takes, per pair, the reference the judge rates best as the
 * output, so that J can be read against what people's rewrites get from it. For every
 * {@code detox/cannot_rewrite/<lang>.tsv} it reports how often the detoxifier holds.
 *
 * <p>Construct with the classifier (the judge and the source of spans) and the detoxifier; call
 * {@link #evaluate(Path, Set)}. Rows are chosen by {@link Split} of the toxic side.
 */
public final class DetoxEvaluator {

    public static final String DUPLICATE = "duplicate";
    public static final String DELETE = "delete";
    public static final String EMBEDDED = "embedded";
    public static final String REFERENCE = "reference";
    /**
     * The human rewriters as a system: for each pair the reference the judge rates best (highest STA×SIM), scored
     * like a system's output with ChrF = 1 (it is one of the references). Its J is what people's own rewrites get
     * from this metric and judge, the yardstick for the J targets.
     */
    public static final String HUMAN = "human";
    /**
     * The fluency judge of the report: an output is fluent when its weakest new junction reaches the 10th percentile
     * of the language's DEV human rewrites (and its language-model score at least their lowest).
     */
    public static final double JUDGE_QUANTILE = 0.10;
    private static final int BATCH = 256;

    private final ToxicityClassifier classifier;
    private final Detoxifier detoxifier;
    private final FluencyModel fluency;
    private Consumer<String[]> rowSink = r -> { };

    /** With the shipped fluency models as the judge. */
    public DetoxEvaluator(ToxicityClassifier classifier, Detoxifier detoxifier) {
        this(classifier, detoxifier, FluencyModel.loadDefault());
    }

    public DetoxEvaluator(ToxicityClassifier classifier, Detoxifier detoxifier, FluencyModel fluency) {
        this.classifier = classifier;
        this.detoxifier = detoxifier;
        this.fluency = fluency;
    }

    /**
     * Receives {lang, system, input, output, sta, sim, chrf, fluent, dangling} for every scored row (for error analysis
     * dumps).
     */
    public DetoxEvaluator rowSink(Consumer<String[]> sink) {
        this.rowSink = sink;
        return this;
    }

    public DetoxReport evaluate(Path dataDir, Set<Split> splits) {
        Path detox = dataDir.resolve("detox");
        Map<String, DetoxReport.LanguageResult> languages = new TreeMap<>();
        for (String lang : DetoxPairs.languages(detox)) {
            List<DetoxPairs.Pair> pairs = DetoxPairs.read(detox.resolve(lang + ".tsv"), splits).stream()
                    .filter(p -> !p.references().isEmpty()).toList();
            if (!pairs.isEmpty()) {
                languages.put(lang, evaluateLanguage(lang, pairs));
            }
        }
        Map<String, DetoxReport.HoldResult> cannot = new TreeMap<>();
        Path cannotDir = detox.resolve("cannot_rewrite");
        for (String lang : DetoxPairs.languages(cannotDir)) {
            List<DetoxPairs.Pair> rows = DetoxPairs.read(cannotDir.resolve(lang + ".tsv"), splits);
            if (!rows.isEmpty()) {
                cannot.put(lang, holdRate(lang, rows));
            }
        }
        return new DetoxReport(languages, cannot);
    }

    private DetoxReport.LanguageResult evaluateLanguage(String lang, List<DetoxPairs.Pair> pairs) {
        List<String> inputs = pairs.stream().map(DetoxPairs.Pair::toxic).toList();
        List<ToxicityResult> before = classify(inputs, lang);
        List<String> deleted = new ArrayList<>(inputs.size());
        for (int i = 0; i < inputs.size(); i++) {
            deleted.add(DeleteBaseline.apply(inputs.get(i), before.get(i).spans()));
        }
        List<ModerationDecision> decisions = detoxify(inputs, lang, before);
        List<String> embedded = decisions.stream().map(ModerationDecision::text).toList();
        List<ToxicityResult> deleteAfter = classify(deleted, lang);
        List<ToxicityResult> embeddedAfter = classify(embedded, lang);
        List<String> references = pairs.stream().flatMap(p -> p.references().stream()).toList();
        List<ToxicityResult> referenceScores = classify(references, lang);
        int nextReference = 0;
        List<RowScore> dup = new ArrayList<>();
        List<RowScore> del = new ArrayList<>();
        List<RowScore> emb = new ArrayList<>();
        List<RowScore> ref = new ArrayList<>();
        List<RowScore> human = new ArrayList<>();
        Map<String, Integer> reasons = new TreeMap<>();
        LanguageFluency judge = fluency.forLanguage(lang).orElse(null);
        for (int i = 0; i < pairs.size(); i++) {
            DetoxPairs.Pair p = pairs.get(i);
            dup.add(score(lang, DUPLICATE, p, p.toxic(), before.get(i), false, judge));
            del.add(score(lang, DELETE, p, deleted.get(i), deleteAfter.get(i), false, judge));
            ModerationDecision d = decisions.get(i);
            if (d.action() == Action.HOLD) {
                emb.add(RowScore.hold());
                reasons.merge(d.reason().code(), 1, Integer::sum);
                rowSink.accept(new String[] {lang, EMBEDDED, p.toxic(), "HOLD:" + d.reason().code(), "0", "0", "0",
                        "", ""});
            } else {
                emb.add(score(lang, EMBEDDED, p, d.text(), embeddedAfter.get(i), d.action() == Action.PASS, judge));
            }
            RowScore best = null;
            for (String r : p.references()) {
                RowScore s = referenceScore(lang, p, r, referenceScores.get(nextReference++), judge);
                ref.add(s);
                if (best == null || s.sta() * s.sim() > best.sta() * best.sim()) {
                    best = s;
                }
            }
            human.add(new RowScore(false, false, best.sta(), best.sim(), 1.0, true, best.fluent(), best.dangling()));
        }
        return new DetoxReport.LanguageResult(pairs.size(), List.of(SystemScores.of(DUPLICATE, dup),
                SystemScores.of(DELETE, del), SystemScores.of(EMBEDDED, emb), SystemScores.of(REFERENCE, ref),
                SystemScores.of(HUMAN, human)), reasons);
    }

    private RowScore score(String lang, String system, DetoxPairs.Pair p, String output, ToxicityResult after,
                           boolean passed, LanguageFluency judge) {
        double sta = after.toxic() ? 0.0 : 1.0;
        double sim = CharNgramFScore.similarity(output, p.toxic());
        double chrf = CharNgramFScore.chrF(output, p.references());
        boolean changed = !output.equals(p.toxic());
        double fluent = fluent(judge, p.toxic(), output);
        double dangling = Dangling.introduced(p.toxic(), output, lang) ? 1 : 0;
        rowSink.accept(new String[] {lang, system, p.toxic(), output, fmt(sta), fmt(sim), fmt(chrf), fmt(fluent),
                fmt(dangling)});
        return new RowScore(false, passed, sta, sim, chrf, changed, fluent, dangling);
    }

    /**
     * A human reference: STA (does the judge accept what a person wrote?), SIM to the input and the fluency columns;
     * ChrF against itself means nothing, so it and J are NaN. The references' STA is the ceiling of the judge: where it
     * rejects many human rewrites, a rewriter can satisfy it only by deleting more than people do.
     */
    private RowScore referenceScore(String lang, DetoxPairs.Pair p, String reference, ToxicityResult scored,
                                    LanguageFluency judge) {
        double sta = scored.toxic() ? 0.0 : 1.0;
        double sim = CharNgramFScore.similarity(reference, p.toxic());
        double fluent = fluent(judge, p.toxic(), reference);
        double dangling = Dangling.introduced(p.toxic(), reference, lang) ? 1 : 0;
        rowSink.accept(new String[] {lang, REFERENCE, p.toxic(), reference, fmt(sta), fmt(sim), "", fmt(fluent),
                fmt(dangling)});
        return new RowScore(false, false, sta, sim, Double.NaN, true, fluent, dangling);
    }

    private static double fluent(LanguageFluency judge, String original, String output) {
        if (judge == null || !judge.hasReferenceRange()) {
            return Double.NaN;
        }
        return judge.fluent(judge.judge(original, output), JUDGE_QUANTILE) ? 1 : 0;
    }

    private DetoxReport.HoldResult holdRate(String lang, List<DetoxPairs.Pair> rows) {
        List<String> inputs = rows.stream().map(DetoxPairs.Pair::toxic).toList();
        List<ModerationDecision> decisions = detoxify(inputs, lang, classify(inputs, lang));
        Map<String, int[]> byReason = new TreeMap<>();
        Map<String, Integer> actions = new TreeMap<>();
        Map<String, Integer> holdReasons = new TreeMap<>();
        int held = 0;
        for (int i = 0; i < rows.size(); i++) {
            ModerationDecision d = decisions.get(i);
            boolean h = d.action() == Action.HOLD;
            held += h ? 1 : 0;
            actions.merge(d.action().name(), 1, Integer::sum);
            if (h) {
                holdReasons.merge(d.reason().code(), 1, Integer::sum);
            }
            for (String reason : rows.get(i).reasons().split(",")) {
                int[] c = byReason.computeIfAbsent(reason.isBlank() ? "none" : reason.trim(), k -> new int[2]);
                c[0]++;
                c[1] += h ? 1 : 0;
            }
            rowSink.accept(new String[] {lang, "cannot_rewrite", rows.get(i).toxic(),
                    h ? "HOLD:" + d.reason().code() : d.text(), "", "", ""});
        }
        Map<String, Double> rateByReason = new TreeMap<>();
        byReason.forEach((k, c) -> rateByReason.put(k, (double) c[1] / c[0]));
        return new DetoxReport.HoldResult(rows.size(), (double) held / rows.size(), rateByReason, actions,
                holdReasons);
    }

    private List<ToxicityResult> classify(List<String> texts, String lang) {
        List<ToxicityResult> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> chunk = texts.subList(from, Math.min(texts.size(), from + BATCH));
            out.addAll(classifier.classifyBatch(chunk, java.util.Collections.nCopies(chunk.size(), lang)));
        }
        return out;
    }

    private List<ModerationDecision> detoxify(List<String> texts, String lang, List<ToxicityResult> before) {
        List<ModerationDecision> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<RewriteRequest> chunk = new ArrayList<>();
            for (int i = from; i < Math.min(texts.size(), from + BATCH); i++) {
                chunk.add(new RewriteRequest(texts.get(i), lang, before.get(i)));
            }
            out.addAll(detoxifier.detoxifyBatch(chunk));
        }
        return out;
    }

    private static String fmt(double d) {
        return String.format(java.util.Locale.ROOT, "%.4f", d);
    }
}
