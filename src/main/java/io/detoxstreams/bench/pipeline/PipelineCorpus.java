package io.detoxstreams.bench.pipeline;

import io.detoxstreams.avro.CommentEvent;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.data.Split;
import io.detoxstreams.data.TsvTable;
import io.detoxstreams.demo.SampleComments;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;
import io.detoxstreams.train.CorpusReader;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The comments {@code bench pipeline} publishes: a fixed cycle of {@link #CYCLE} comments, each language given an
 * equal share and, within it, the requested share of toxic comments, shuffled with a fixed seed; record {@code i} of
 * a run is comment {@code i % CYCLE} with id {@code bench-i}.
 *
 * <p>Where the comments come from:
 * <ul>
 *   <li>{@code ../shared/data} (or {@code --data DIR}) when present: the held-out (TEST split) rows of the natural
 *       comment files {@code toxicity/<lang>.tsv}, toxic or not by their gold label — comments as users wrote them;
 *   <li>otherwise the demo's bundled sample ({@code demo/comments.jsonl}, 52 comments written for the project), toxic
 *       or not by the shipped classifier's own verdict and of the language the shipped detector gives, so the benchmark
 *       runs on any clone.
 * </ul>
 * Lengths are natural, or forced into {@code MIN-MAX} chars: shorter comments are joined with further comments of the
 * same language and label, longer ones cut at a space. Language hints are sent only when asked for.
 */
public final class PipelineCorpus {

    /** Distinct comments in the cycle. */
    static final int CYCLE = 20_000;

    /** One comment of the cycle. */
    public record Entry(String text, String lang, boolean toxic) {
    }

    /**
     * @param toxicShare share of toxic comments, in [0, 1]
     * @param languages  languages to use; empty: every language the source has
     * @param lengths    natural, or a range the texts are fitted into
     * @param hints      send each comment's language as {@code lang_hint}
     */
    public record Options(double toxicShare, List<String> languages, Lengths lengths, boolean hints) {

        public Options {
            if (toxicShare < 0 || toxicShare > 1) {
                throw new IllegalArgumentException("toxic share must be in [0, 1], got " + toxicShare);
            }
            languages = List.copyOf(languages);
        }
    }

    /** {@code natural}, or {@code MIN-MAX} characters. */
    public record Lengths(int min, int max) {

        public static final Lengths NATURAL = new Lengths(0, Integer.MAX_VALUE);

        public static Lengths parse(String s) {
            if (s.equalsIgnoreCase("natural")) {
                return NATURAL;
            }
            String[] p = s.split("-", -1);
            try {
                if (p.length == 2) {
                    int min = Integer.parseInt(p[0].trim());
                    int max = Integer.parseInt(p[1].trim());
                    if (min >= 1 && max >= min) {
                        return new Lengths(min, max);
                    }
                }
            } catch (NumberFormatException e) {
                // fall through to the message below
            }
            throw new IllegalArgumentException("lengths must be 'natural' or MIN-MAX chars with 1 <= MIN <= MAX, got '"
                    + s + "'");
        }

        boolean natural() {
            return equals(NATURAL);
        }

        @Override
        public String toString() {
            return natural() ? "natural" : min + "-" + max + " chars";
        }
    }

    private final List<Entry> cycle;
    private final String source;
    private final boolean hints;

    private PipelineCorpus(List<Entry> cycle, String source, boolean hints) {
        this.cycle = List.copyOf(cycle);
        this.source = source;
        this.hints = hints;
    }

    /** From {@code dataDir}'s TEST rows when it holds {@code toxicity/*.tsv}, else from the bundled demo sample. */
    public static PipelineCorpus load(Path dataDir, Options o, LanguageDetector detector, ToxicityClassifier classifier) {
        List<Path> files = dataDir == null ? List.of() : CorpusReader.tsvFiles(dataDir.resolve("toxicity"));
        if (!files.isEmpty()) {
            return fromSharedData(files, o, dataDir);
        }
        return fromDemoSample(o, detector, classifier);
    }

    static PipelineCorpus fromSharedData(List<Path> files, Options o, Path dataDir) {
        Map<String, Pools> byLang = new TreeMap<>();
        for (Path f : files) {
            String lang = CorpusReader.lang(f);
            if (!o.languages().isEmpty() && !o.languages().contains(lang)) {
                continue;
            }
            TsvTable t = TsvTable.read(f);
            int text = t.requireColumn("text");
            int label = t.requireColumn("label");
            Pools pools = byLang.computeIfAbsent(lang, l -> new Pools());
            for (int r = 0; r < t.size(); r++) {
                String s = t.get(r, text);
                if (!s.isBlank() && Split.of(s) == Split.TEST) {
                    ("1".equals(t.get(r, label).trim()) ? pools.toxic : pools.clean).add(s);
                }
            }
        }
        return build(byLang, o, "TEST rows of " + dataDir.resolve("toxicity") + "/<lang>.tsv (gold labels)");
    }

    static PipelineCorpus fromDemoSample(Options o, LanguageDetector detector, ToxicityClassifier classifier) {
        Map<String, Pools> byLang = new TreeMap<>();
        for (CommentEvent e : SampleComments.comments(Instant.EPOCH)) {
            String lang = detector.detect(e.getText(), null).lang();
            if (!o.languages().isEmpty() && !o.languages().contains(lang)) {
                continue;
            }
            Pools pools = byLang.computeIfAbsent(lang, l -> new Pools());
            (classifier.classify(e.getText(), lang).toxic() ? pools.toxic : pools.clean).add(e.getText());
        }
        return build(byLang, o, "the bundled demo sample (no data directory; labels = the shipped classifier's verdicts)");
    }

    /** Every language an equal share; within it the toxic share; each pool cycled in a seeded random order. */
    private static PipelineCorpus build(Map<String, Pools> byLang, Options o, String source) {
        Random rnd = new Random(13);
        byLang.values().removeIf(p -> (o.toxicShare() > 0 && p.toxic.isEmpty()) || (o.toxicShare() < 1 && p.clean.isEmpty()));
        if (byLang.isEmpty()) {
            throw new IllegalArgumentException("no language of " + (o.languages().isEmpty() ? "the source" : o.languages())
                    + " has both toxic and clean comments in " + source);
        }
        List<String> langs = new ArrayList<>(byLang.keySet());
        List<Entry> cycle = new ArrayList<>(CYCLE);
        for (int l = 0; l < langs.size(); l++) {
            String lang = langs.get(l);
            Pools pools = byLang.get(lang);
            pools.shuffle(rnd);
            int n = CYCLE / langs.size() + (l < CYCLE % langs.size() ? 1 : 0);
            int toxic = (int) Math.round(n * o.toxicShare());
            for (int i = 0; i < n; i++) {
                boolean isToxic = i < toxic;
                List<String> pool = isToxic ? pools.toxic : pools.clean;
                cycle.add(new Entry(fit(pool, i, o.lengths()), lang, isToxic));
            }
        }
        Collections.shuffle(cycle, rnd);
        return new PipelineCorpus(cycle, source, o.hints());
    }

    /** Pool entry {@code i} (cycled), joined with the next ones until {@code min} chars, cut at a space at {@code max}. */
    static String fit(List<String> pool, int i, Lengths lengths) {
        StringBuilder sb = new StringBuilder(pool.get(i % pool.size()));
        for (int j = 1; sb.length() < lengths.min(); j++) {
            sb.append(' ').append(pool.get((i + j) % pool.size()));
        }
        if (sb.length() > lengths.max()) {
            int cut = sb.lastIndexOf(" ", lengths.max());
            int end = cut >= Math.max(lengths.min(), 1) ? cut : lengths.max();
            if (Character.isHighSurrogate(sb.charAt(end - 1))) {
                end--;
            }
            sb.setLength(end);
        }
        return sb.toString();
    }

    /** Record {@code i}: comment {@code i % CYCLE} of the cycle, written at {@code createdAt}. */
    public CommentEvent event(long i, long createdAtMillis) {
        Entry e = entry(i);
        return CommentEvent.newBuilder().setId("bench-" + i).setThreadId("t-" + (i % 1_000))
                .setAuthorId("u-" + (i % 5_000)).setText(e.text()).setLangHint(hints ? e.lang() : null)
                .setCreatedAt(Instant.ofEpochMilli(createdAtMillis)).setSource("bench").setAttributes(Map.of())
                .build();
    }

    public Entry entry(long i) {
        return cycle.get((int) (i % cycle.size()));
    }

    public String source() {
        return source;
    }

    public boolean hints() {
        return hints;
    }

    public double meanLength() {
        return cycle.stream().mapToInt(e -> e.text().length()).average().orElse(0);
    }

    public double toxicShare() {
        return cycle.stream().filter(Entry::toxic).count() / (double) cycle.size();
    }

    /** Comments of the cycle per language, in language order. */
    public Map<String, Long> languages() {
        Map<String, Long> n = new TreeMap<>();
        cycle.forEach(e -> n.merge(e.lang(), 1L, Long::sum));
        return n;
    }

    /** For the report. */
    public Map<String, Object> describe() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("source", source);
        d.put("distinct_comments", cycle.size());
        d.put("languages", languages().keySet());
        d.put("toxic_share", round(toxicShare()));
        d.put("mean_length_chars", round(meanLength()));
        d.put("language_hints", hints);
        return d;
    }

    /**
     * What the models make of the first {@code n} comments of the cycle (a shuffled, representative sample): which
     * path decided the language ({@code hint}, {@code script}, {@code fast}, {@code lingua}, {@code none}), the share
     * of toxic verdicts, and the share scoring below two low toxicity bounds — the numbers that explain where the
     * moderator's time goes.
     */
    public Map<String, Object> asSeenBy(LanguageDetector detector, ToxicityClassifier classifier, int n) {
        int count = Math.min(n, cycle.size());
        Map<String, Long> methods = new TreeMap<>();
        long toxic = 0;
        long below01 = 0;
        long below02 = 0;
        for (int i = 0; i < count; i++) {
            Entry e = cycle.get(i);
            LanguageGuess g = detector.detect(e.text(), hints ? e.lang() : null);
            methods.merge(g.method(), 1L, Long::sum);
            ToxicityResult r = classifier.classify(e.text(), g.lang());
            toxic += r.toxic() ? 1 : 0;
            below01 += r.score() < 0.1 ? 1 : 0;
            below02 += r.score() < 0.2 ? 1 : 0;
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("comments", count);
        Map<String, Double> shares = new LinkedHashMap<>();
        methods.forEach((m, k) -> shares.put(m, round(k / (double) count)));
        d.put("language_method_share", shares);
        d.put("toxic_verdict_share", round(toxic / (double) count));
        d.put("score_below_0.1_share", round(below01 / (double) count));
        d.put("score_below_0.2_share", round(below02 / (double) count));
        return d;
    }

    private static double round(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", v));
    }

    private static final class Pools {
        final List<String> toxic = new ArrayList<>();
        final List<String> clean = new ArrayList<>();

        void shuffle(Random rnd) {
            Collections.shuffle(toxic, rnd);
            Collections.shuffle(clean, rnd);
        }
    }
}
