package io.detoxstreams.classify.embedded;

import io.detoxstreams.classify.Category;
import io.detoxstreams.classify.Coverage;
import io.detoxstreams.classify.TextTooLongException;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.text.NormalizedText;
import io.detoxstreams.text.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The default classifier: the project's own {@link LinearModel}, shipped in the jar, scoring a comment in
 * microseconds on one core. Normalizes ({@link TextNormalizer}), hashes n-grams, scores every head, calibrates the
 * toxicity logit per language and, for toxic comments, reports word-level spans from the linear attributions.
 *
 * <pre>{@code
 * try (var classifier = EmbeddedToxicityClassifier.loadDefault()) {
 *     ToxicityResult r = classifier.classify("you are an 1d10t", "en");
 * }
 * }</pre>
 * Thread-safe.
 */
public final class EmbeddedToxicityClassifier implements ToxicityClassifier {

    /** Where the shipped model lives on the classpath. */
    public static final String RESOURCE = "/models/toxicity-embedded.bin";
    /** Longest text scored; longer ones raise {@link TextTooLongException}. */
    public static final int DEFAULT_MAX_CHARS = 100_000;
    /** A category scored at least this high may name a span. */
    static final double LIKELY_CATEGORY = 0.5;
    /** Attribution (threat-head logit units) above which a word is part of the passage read as a threat. */
    static final double THREAT_SPAN_THRESHOLD = 0.25;

    private final LinearModel model;
    private final TextNormalizer normalizer;
    private final int maxChars;
    private final String version;
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    /** Operator overrides of the calibrated per-language thresholds (lang → probability). */
    private final Map<String, Double> thresholdOverrides;
    /** Operator overrides of the shipped lower bounds of the review band (lang → probability in [0, 1]). */
    private final Map<String, Double> reviewOverrides;

    public EmbeddedToxicityClassifier(LinearModel model, int maxChars) {
        this(model, maxChars, Map.of(), Map.of());
    }

    private EmbeddedToxicityClassifier(LinearModel model, int maxChars, Map<String, Double> thresholdOverrides,
                                       Map<String, Double> reviewOverrides) {
        this.model = model;
        this.normalizer = new TextNormalizer(model.maskDictionary, model.segmenter);
        this.maxChars = maxChars;
        this.version = "embedded/" + model.info().version();
        for (var e : thresholdOverrides.entrySet()) {
            if (e.getValue() <= 0 || e.getValue() >= 1) {
                throw new IllegalArgumentException("threshold for " + e.getKey() + " must be in (0, 1), not "
                        + e.getValue());
            }
        }
        this.thresholdOverrides = Map.copyOf(thresholdOverrides);
        for (var e : reviewOverrides.entrySet()) {
            if (!(e.getValue() >= 0 && e.getValue() <= 1)) {
                throw new IllegalArgumentException("review threshold for " + e.getKey() + " must be in [0, 1], not "
                        + e.getValue());
            }
        }
        this.reviewOverrides = Map.copyOf(reviewOverrides);
    }

    /**
     * The same model with some languages' decision thresholds replaced (calibrated probabilities in (0, 1); a
     * higher threshold flags less). Languages not listed keep the thresholds chosen at training time.
     */
    public EmbeddedToxicityClassifier withThresholds(Map<String, Double> overrides) {
        return new EmbeddedToxicityClassifier(model, maxChars, overrides, reviewOverrides);
    }

    /**
     * The same model with some languages' review bands starting elsewhere ({@code review.threshold.<lang>}: a
     * probability in [0, 1], capped at the language's threshold). Languages not listed keep the shipped band.
     */
    public EmbeddedToxicityClassifier withReviewThresholds(Map<String, Double> overrides) {
        return new EmbeddedToxicityClassifier(model, maxChars, thresholdOverrides, overrides);
    }

    /**
     * The same model deciding "toxic" from the lower bound of each language's review band on: the bar a rewrite must
     * get under to count as clean, so that a rewrite is never published while still uncertain. The embedded
     * detoxifier's self-check and verifier use it (and {@code eval detox} as its judge); the moderator decides what to
     * rewrite at the regular thresholds.
     */
    public EmbeddedToxicityClassifier withThresholdsAtReviewBand() {
        Map<String, Double> band = new java.util.HashMap<>();
        for (String lang : model.languages()) {
            band.put(lang, Math.max(Math.ulp(1.0), reviewThreshold(lang)));
        }
        return new EmbeddedToxicityClassifier(model, maxChars, band, Map.of());
    }

    /** Loads the model shipped in the jar; fails with a clear message when the resource is missing. */
    public static EmbeddedToxicityClassifier loadDefault() {
        try (InputStream in = EmbeddedToxicityClassifier.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("embedded toxicity model " + RESOURCE + " is not on the classpath; "
                        + "build it with: java -jar target/detox-streams.jar train --data ../shared/data");
            }
            return new EmbeddedToxicityClassifier(ModelCodec.read(in), DEFAULT_MAX_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedded toxicity model " + RESOURCE, e);
        }
    }

    public static EmbeddedToxicityClassifier load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return new EmbeddedToxicityClassifier(ModelCodec.read(in), DEFAULT_MAX_CHARS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read toxicity model " + file, e);
        }
    }

    public LinearModel model() {
        return model;
    }

    public TextNormalizer normalizer() {
        return normalizer;
    }

    @Override
    public List<ToxicityResult> classifyBatch(List<String> texts, List<String> langs) {
        return scoreBatch(texts, langs, false);
    }

    /**
     * Under the threshold only the toxicity head is read: no category heads, spans or threat passage, about half of
     * the table reads of a {@link #classifyBatch} run; and the words this thread scored recently are not hashed and
     * looked up again ({@link RecalledWords}). The score is the same bit for bit.
     */
    @Override
    public List<ToxicityResult> verdictBatch(List<String> texts, List<String> langs) {
        return scoreBatch(texts, langs, true);
    }

    private List<ToxicityResult> scoreBatch(List<String> texts, List<String> langs, boolean verdictOnly) {
        if (texts.size() != langs.size()) {
            throw new IllegalArgumentException("texts and langs differ in size");
        }
        for (String t : texts) {
            if (t.length() > maxChars) {
                throw new TextTooLongException(t.length(), maxChars);
            }
        }
        List<ToxicityResult> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            out.add(score(texts.get(i), langs.get(i), false, model.info().spanThreshold(), verdictOnly));
        }
        return out;
    }

    /**
     * Scores one text. With {@code alwaysSpans} spans are reported even when the comment is under the threshold
     * (used to evaluate span quality on texts known to be toxic).
     */
    public ToxicityResult score(String text, String lang, boolean alwaysSpans, double spanThreshold) {
        return score(text, lang, alwaysSpans, spanThreshold, false);
    }

    private ToxicityResult score(String text, String lang, boolean alwaysSpans, double spanThreshold,
                                 boolean verdictOnly) {
        return score(text, lang, alwaysSpans, spanThreshold, verdictOnly, null, null);
    }

    /**
     * The spans {@code score(text, lang, true, t).spans()} reports for each {@code t} of {@code thresholds}, in that
     * order, from one normalization and one pass over the heads (the rewriter's attribution fallback asks for
     * several).
     */
    public List<List<ToxicSpan>> spansAt(String text, String lang, double... thresholds) {
        List<List<ToxicSpan>> out = new ArrayList<>(thresholds.length);
        score(text, lang, true, thresholds.length == 0 ? 1 : thresholds[0], false, thresholds, out);
        while (out.size() < thresholds.length) {
            out.add(List.of());
        }
        return out;
    }

    /** The one scoring path; with {@code ladder}, also the spans at each of its thresholds into {@code ladderSpans}. */
    private ToxicityResult score(String text, String lang, boolean alwaysSpans, double spanThreshold,
                                 boolean verdictOnly, double[] ladder, List<List<ToxicSpan>> ladderSpans) {
        int li = model.languageIndex(lang);
        double threshold = threshold(lang, li);
        NormalizedText nt = normalizer.normalize(text);
        Scratch s = scratch.get();
        Map<String, Double> categories = s.categories();
        boolean verdict = verdictOnly && !alwaysSpans;
        model.featurizer.extract(nt.text(), model.lexiconSeed(li), s.features,
                verdict ? s.recalledWords(model).language(li) : null);
        if (s.features.occurrences() == 0) {
            for (int h = 1; h < model.headCount(); h++) {
                if (model.supports(li, h)) {
                    categories.put(model.head(h), 0.0);
                }
            }
            return new ToxicityResult(0.0, false, threshold, categories, List.of(), version);
        }
        int[] langHashes = s.langHashes(s.features.size);
        double scale = model.prepare(s.features, li, langHashes);
        if (verdict) {
            double p = model.calibrate(model.logit(0, s.features, li, langHashes, scale), li);
            if (p < threshold) {
                return new ToxicityResult(p, false, threshold, Map.of(), List.of(), version);
            }
            // Toxic: every head and the spans, which need every feature listed with its range.
            model.featurizer.extract(nt.text(), model.lexiconSeed(li), s.features);
            langHashes = s.langHashes(s.features.size);
            scale = model.prepare(s.features, li, langHashes);
        }
        double[] logits = s.logits(model.headCount());
        model.logits(s.features, li, langHashes, scale, logits);
        double p = model.calibrate(logits[0], li);
        boolean toxic = p >= threshold;
        boolean[] likely = s.likely(model.headCount());
        for (int h = 1; h < model.headCount(); h++) {
            boolean supported = model.supports(li, h);
            double c = supported ? LinearModel.sigmoid(logits[h]) : 0;
            if (supported) {
                categories.put(model.head(h), c);
            }
            likely[h] = supported && c >= LIKELY_CATEGORY;
        }
        int th = model.threatHead;
        List<ToxicSpan> threats = th > 0 && model.supports(li, th)
                && LinearModel.sigmoid(logits[th]) >= model.threatThreshold(li)
                ? SpanFinder.find(model, th, nt, s.features, li, langHashes, scale, THREAT_SPAN_THRESHOLD, "embedded",
                likely, Category.THREAT.wireName())
                : null;
        List<ToxicSpan> spans = toxic || alwaysSpans
                ? SpanFinder.find(model, nt, s.features, li, langHashes, scale, spanThreshold, "embedded", likely)
                : List.of();
        if (threats != null) {
            spans = withThreatSpans(spans, threats, nt);
        }
        if (ladder != null) {
            for (double t : ladder) {
                List<ToxicSpan> at = SpanFinder.find(model, nt, s.features, li, langHashes, scale, t, "embedded",
                        likely);
                ladderSpans.add(threats == null ? at : withThreatSpans(at, threats, nt));
            }
        }
        return new ToxicityResult(p, toxic, threshold, categories, spans, version);
    }

    /**
     * The toxic spans with those of the threat head put in: a toxic span overlapping a threat span gives way to it,
     * so that the explanation names the passage read as a threat. With no unit above the threat span threshold the
     * whole comment is the span.
     */
    private static List<ToxicSpan> withThreatSpans(List<ToxicSpan> toxic, List<ToxicSpan> threats, NormalizedText nt) {
        if (threats.isEmpty()) {
            int[] all = nt.originalRange(0, nt.length());
            threats = List.of(new ToxicSpan(all[0], all[1], Category.THREAT.wireName(), 1.0, "embedded"));
        }
        List<ToxicSpan> out = new ArrayList<>(threats);
        for (ToxicSpan t : toxic) {
            if (threats.stream().noneMatch(x -> x.start() < t.end() && t.start() < x.end())) {
                out.add(t);
            }
        }
        out.sort(java.util.Comparator.comparingInt(ToxicSpan::start));
        return out;
    }

    @Override
    public double threshold(String lang) {
        return threshold(lang, model.languageIndex(lang));
    }

    private double threshold(String lang, int languageIndex) {
        Double override = lang == null || thresholdOverrides.isEmpty() ? null : thresholdOverrides.get(lang);
        return override != null ? override : model.threshold(languageIndex);
    }

    /** The lower bound of the band (overridden or shipped), never above the (overridden) threshold. */
    @Override
    public double reviewThreshold(String lang) {
        Double override = lang == null ? null : reviewOverrides.get(lang);
        return Math.min(override != null ? override : model.reviewThreshold(model.languageIndex(lang)),
                threshold(lang));
    }

    @Override
    public double threatThreshold(String lang) {
        return model.threatThreshold(model.languageIndex(lang));
    }

    @Override
    public Coverage coverage(String lang) {
        return model.coverage(model.languageIndex(lang));
    }

    @Override
    public String version() {
        return version;
    }

    /**
     * Per-thread buffers reused by every {@link #score} call. The categories map is cleared per call and only ever
     * handed to {@link ToxicityResult}, which copies it.
     */
    private static final class Scratch {
        final FeatureBuffer features = new FeatureBuffer();
        int[] langHashes = new int[256];
        double[] logits = new double[0];
        boolean[] likely = new boolean[0];
        private final Map<String, Double> categories = new LinkedHashMap<>();
        private RecalledWords recalledWords;

        /** The thread's remembered word sums of the verdict path (made on first use). */
        RecalledWords recalledWords(LinearModel model) {
            if (recalledWords == null) {
                recalledWords = new RecalledWords(model);
            }
            return recalledWords;
        }

        Map<String, Double> categories() {
            categories.clear();
            return categories;
        }

        double[] logits(int heads) {
            if (logits.length != heads) {
                logits = new double[heads];
            }
            return logits;
        }

        /** The flags of the category heads, every one overwritten by the caller. */
        boolean[] likely(int heads) {
            if (likely.length != heads) {
                likely = new boolean[heads];
            }
            return likely;
        }

        int[] langHashes(int n) {
            if (langHashes.length < n) {
                langHashes = new int[Math.max(n, langHashes.length * 2)];
            }
            return langHashes;
        }
    }
}
