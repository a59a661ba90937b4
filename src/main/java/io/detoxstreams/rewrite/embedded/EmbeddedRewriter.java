package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Rewriter;
import io.detoxstreams.rewrite.Verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * The CPU rewrite backend: span substitution. For every word of a toxic comment it decides keep, delete or replace —
 * words inside the classifier's spans and words the mined {@link SubstitutionTable} knows editors change; replacements
 * come from the table — then {@link SentenceRepair} mends the sentence. With a self-check classifier it starts from
 * the strong spans only ({@link RewriterOptions#minSpanScore()}), re-scores its own output and removes what is still
 * flagged — the classifier's spans on the rewrite or, when the comment is toxic without any span, the
 * {@link StrongestSpan} — up to {@link RewriterOptions#maxPasses()} passes: a weak span is deleted only when the
 * comment is still toxic without the strong ones. When the result does not read as a sentence (the verifier's own
 * fluency check), the edited sentences or clauses are dropped whole instead ({@link SentenceDrop}).
 *
 * <p>Build with {@link #loadDefault(ToxicityClassifier)} (tables shipped in the jar) or {@link #builder()}. Thread-safe:
 * it holds only immutable tables and options. Edits are reported in UTF-16 offsets of the original text.
 */
public final class EmbeddedRewriter implements Rewriter {

    public static final String METHOD = "span-substitution";

    private final Map<String, SubstitutionTable> tables;
    private final RewriterOptions options;
    private final ToxicityClassifier selfCheck;
    private final FluencyModel fluency;
    private final Map<String, Map<String, EditPieces.Filler>> fillers = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, Map<String, EditPieces.Piece>> pieces = new java.util.concurrent.ConcurrentHashMap<>();
    private final String name;

    private EmbeddedRewriter(Map<String, SubstitutionTable> tables, RewriterOptions options,
                             ToxicityClassifier selfCheck, FluencyModel fluency, String version) {
        this.tables = Map.copyOf(tables);
        this.options = options;
        this.selfCheck = selfCheck;
        this.fluency = fluency;
        this.name = "embedded/" + version;
    }

    /**
     * The rewriter with the substitution tables shipped in the jar and default options.
     *
     * @param selfCheck the classifier used to re-score intermediate rewrites; null for a single pass
     * @throws IllegalStateException when the shipped tables are missing from the classpath
     */
    public static EmbeddedRewriter loadDefault(ToxicityClassifier selfCheck) {
        return builder().tables(SubstitutionTables.loadShipped()).selfCheck(selfCheck)
                .fluency(FluencyModel.loadDefault()).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmbeddedRewriter}; every setter is optional. */
    public static final class Builder {
        private Map<String, SubstitutionTable> tables = Map.of();
        private RewriterOptions options = RewriterOptions.defaults();
        private ToxicityClassifier selfCheck;
        private FluencyModel fluency = FluencyModel.none();
        private String version = SubstitutionTables.VERSION;

        public Builder tables(Map<String, SubstitutionTable> t) {
            this.tables = t;
            return this;
        }

        public Builder options(RewriterOptions o) {
            this.options = o;
            return this;
        }

        public Builder selfCheck(ToxicityClassifier c) {
            this.selfCheck = c;
            return this;
        }

        /** The fluency models that choose between candidate edits; without one the decisions stand as made. */
        public Builder fluency(FluencyModel f) {
            this.fluency = f;
            return this;
        }

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public EmbeddedRewriter build() {
            return new EmbeddedRewriter(tables, options, selfCheck, fluency, version);
        }
    }

    @Override
    public List<Rewrite> rewriteBatch(List<RewriteRequest> requests) {
        List<Rewrite> out = new ArrayList<>(requests.size());
        for (RewriteRequest r : requests) {
            out.add(rewriteOne(r));
        }
        return out;
    }

    private Rewrite rewriteOne(RewriteRequest request) {
        List<ToxicSpan> all = request.toxicity().spans();
        List<ToxicSpan> spans = selfCheck == null ? all : strongSpans(all);
        TokenPlan plan = new TokenPlan(request.text(), spans);
        SubstitutionTable table = tables.get(request.lang());
        LanguageFluency lf = fluency.forLanguage(request.lang()).orElse(null);
        boolean[] protect = Protection.of(plan, request.lang(), table, lf);
        System.arraycopy(protect, 0, plan.protect, 0, protect.length);
        TokenDecider decider = new TokenDecider(table, options);
        EditChooser chooser = options.chooseEdits() ? new EditChooser(lf, table, request.lang(), options.choice(),
                fillers.computeIfAbsent(request.lang(), k -> EditPieces.newFillerCache()),
                pieces.computeIfAbsent(request.lang(), k -> EditPieces.newPieceCache())) : null;
        SentenceRepair.Rendered rendered = null;
        int passes = selfCheck == null ? 1 : options.maxPasses();
        Pass outcome = Pass.DONE;
        for (int pass = 0; pass < passes; pass++) {
            plan.reset();
            decider.decide(plan, spans);
            if (chooser != null) {
                chooser.choose(plan);
            }
            rendered = SentenceRepair.render(plan, request.lang(), options.alwaysCapitalize());
            outcome = pass + 1 == passes ? Pass.DONE : forceStillToxic(plan, rendered, request.lang(), decider);
            if (outcome != Pass.AGAIN) {
                break;
            }
        }
        if (outcome == Pass.DONE && options.dropSentences() && lf != null && !reads(lf, request, rendered.text())) {
            rendered = dropEditedSentences(plan, request, lf, rendered);
        }
        List<io.detoxstreams.explain.SpanEdit> edits = EditReport.edits(plan, all);
        if (outcome == Pass.PROTECTED) {
            return Rewrite.declined(HoldReason.MEANING_LOST, METHOD, edits);
        }
        return new Rewrite(rendered.text(), METHOD, edits);
    }

    /** The spans scoring at least {@link RewriterOptions#minSpanScore()}, deleted up front. */
    private List<ToxicSpan> strongSpans(List<ToxicSpan> all) {
        List<ToxicSpan> out = new ArrayList<>(all.size());
        for (ToxicSpan s : all) {
            if (s.score() >= options.minSpanScore()) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether a rewrite passes the verifier's fluency check at its default floor ({@link Verifier#reads}). */
    private static boolean reads(LanguageFluency lf, RewriteRequest request, String text) {
        return Verifier.reads(lf, request.text(), text, request.lang(), Verifier.DEFAULT_FLUENCY_FLOOR);
    }

    /**
     * The {@link SentenceDrop} of a rewrite that does not read: kept when it reads, else the word edits stand (and the
     * verifier holds them).
     */
    private SentenceRepair.Rendered dropEditedSentences(TokenPlan plan, RewriteRequest request, LanguageFluency lf,
                                                        SentenceRepair.Rendered rendered) {
        TokenPlan.Snapshot before = plan.snapshot();
        for (boolean clauses : new boolean[] {false, true}) {
            if (SentenceDrop.apply(plan, clauses)) {
                SentenceRepair.Rendered dropped = SentenceRepair.render(plan, request.lang(),
                        options.alwaysCapitalize());
                if (!dropped.text().isBlank() && reads(lf, request, dropped.text())) {
                    return dropped;
                }
                plan.restore(before);
            }
        }
        return rendered;
    }

    /** What a self-check pass found: done (not toxic, or nothing left to do), go again, or only protected words left. */
    private enum Pass { DONE, AGAIN, PROTECTED }

    /**
     * Marks the original tokens behind what the classifier still flags: its spans on the rewrite or, when they name
     * no new word, the deletable words of the {@link StrongestSpan}. {@link Pass#PROTECTED} when the rewrite is still
     * toxic and what the classifier points at are protected words only (deleting them would delete what the comment
     * is about).
     */
    private Pass forceStillToxic(TokenPlan plan, SentenceRepair.Rendered rendered, String lang,
                                 TokenDecider decider) {
        if (rendered.text().isBlank()) {
            return Pass.DONE;
        }
        ToxicityResult again = selfCheck.verdict(rendered.text(), lang);
        if (!again.toxic()) {
            return Pass.DONE;
        }
        boolean[] blocked = {false};
        if (force(plan, rendered, again.spans(), token -> true, blocked)) {
            return Pass.AGAIN;
        }
        boolean more = options.attributionFallback() && StrongestSpan.offer(selfCheck, rendered.text(), lang,
                span -> toxicAlone(rendered.text().substring(span.start(), span.end()), lang)
                        && force(plan, rendered, List.of(span), token -> decider.deletable(plan, token, lang),
                        blocked));
        return more ? Pass.AGAIN : blocked[0] ? Pass.PROTECTED : Pass.DONE;
    }

    /**
     * Whether words the attribution fallback points at are toxic on their own: a linear model's attributions also
     * fall on innocent words of a comment it over-scores ("Merci pour ce résumé, c'est très utile"), and deleting
     * those garbles a clean comment; better to let verification hold it.
     */
    private boolean toxicAlone(String words, String lang) {
        ToxicityResult alone = selfCheck.verdict(words, lang);
        return alone.score() >= options.standaloneToxicity() * alone.threshold();
    }

    /** Forces the eligible words under {@code spans}; sets {@code blocked[0]} when a protected word was in the way. */
    private static boolean force(TokenPlan plan, SentenceRepair.Rendered rendered, List<ToxicSpan> spans,
                                 IntPredicate eligible, boolean[] blocked) {
        boolean more = false;
        for (ToxicSpan s : spans) {
            for (int k = s.start(); k < s.end() && k < rendered.tokenAt().length; k++) {
                int token = rendered.tokenAt()[k];
                if (token < 0 || !plan.wordLike(token)) {
                    continue;
                }
                if (plan.decisions[token] == TokenPlan.Decision.REPLACE
                        && plan.rejectFiller(plan.replacements[token])) {
                    more = true; // the replacement itself is what is still toxic: the next pass writes another
                }
                if (plan.forced[token]) {
                    continue;
                }
                if (plan.protect[token]) {
                    blocked[0] = true;
                } else if (eligible.test(token)) {
                    plan.forced[token] = true;
                    more = true;
                }
            }
        }
        return more;
    }

    public RewriterOptions options() {
        return options;
    }

    public boolean supports(String lang) {
        return tables.containsKey(lang);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        // The self-check classifier belongs to the caller, who closes it.
    }
}
