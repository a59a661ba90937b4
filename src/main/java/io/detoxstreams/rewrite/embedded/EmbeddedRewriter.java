package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.rewrite.Rewrite;
import io.detoxstreams.rewrite.RewriteRequest;
import io.detoxstreams.rewrite.Rewriter;

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
 * comment is still toxic without the strong ones.
 *
 * <p>Build with {@link #loadDefault(ToxicityClassifier)} (tables shipped in the jar) or {@link #builder()}. Thread-safe:
 * it holds only immutable tables and options. Edits are reported in UTF-16 offsets of the original text.
 */
public final class EmbeddedRewriter implements Rewriter {

    public static final String METHOD = "span-substitution";

    private final Map<String, SubstitutionTable> tables;
    private final RewriterOptions options;
    private final ToxicityClassifier selfCheck;
    private final String name;

    private EmbeddedRewriter(Map<String, SubstitutionTable> tables, RewriterOptions options,
                             ToxicityClassifier selfCheck, String version) {
        this.tables = Map.copyOf(tables);
        this.options = options;
        this.selfCheck = selfCheck;
        this.name = "embedded/" + version;
    }

    /**
     * The rewriter with the substitution tables shipped in the jar and default options.
     *
     * @param selfCheck the classifier used to re-score intermediate rewrites; null for a single pass
     * @throws IllegalStateException when the shipped tables are missing from the classpath
     */
    public static EmbeddedRewriter loadDefault(ToxicityClassifier selfCheck) {
        return builder().tables(SubstitutionTables.loadShipped()).selfCheck(selfCheck).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link EmbeddedRewriter}; every setter is optional. */
    public static final class Builder {
        private Map<String, SubstitutionTable> tables = Map.of();
        private RewriterOptions options = RewriterOptions.defaults();
        private ToxicityClassifier selfCheck;
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

        public Builder version(String v) {
            this.version = v;
            return this;
        }

        public EmbeddedRewriter build() {
            return new EmbeddedRewriter(tables, options, selfCheck, version);
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
        List<ToxicSpan> spans = selfCheck == null ? all
                : all.stream().filter(s -> s.score() >= options.minSpanScore()).toList();
        TokenPlan plan = new TokenPlan(request.text(), spans);
        SubstitutionTable table = tables.get(request.lang());
        TokenDecider decider = new TokenDecider(table, options);
        SentenceRepair.Rendered rendered = null;
        int passes = selfCheck == null ? 1 : options.maxPasses();
        for (int pass = 0; pass < passes; pass++) {
            plan.reset();
            decider.decide(plan, spans);
            rendered = SentenceRepair.render(plan, request.lang(), options.alwaysCapitalize());
            if (pass + 1 == passes || !forceStillToxic(plan, rendered, request.lang(), decider)) {
                break;
            }
        }
        return new Rewrite(rendered.text(), METHOD, EditReport.edits(plan, all));
    }

    /**
     * Marks the original tokens behind what the classifier still flags: its spans on the rewrite or, when they name
     * no new word, the deletable words of the {@link StrongestSpan}. False when there is nothing new to do.
     */
    private boolean forceStillToxic(TokenPlan plan, SentenceRepair.Rendered rendered, String lang,
                                    TokenDecider decider) {
        if (rendered.text().isBlank()) {
            return false;
        }
        ToxicityResult again = selfCheck.classify(rendered.text(), lang);
        if (!again.toxic()) {
            return false;
        }
        if (force(plan, rendered, again.spans(), token -> true)) {
            return true;
        }
        return options.attributionFallback() && StrongestSpan.offer(selfCheck, rendered.text(), lang,
                span -> toxicAlone(rendered.text().substring(span.start(), span.end()), lang)
                        && force(plan, rendered, List.of(span), token -> decider.deletable(plan, token, lang)));
    }

    /**
     * Whether words the attribution fallback points at are toxic on their own: a linear model's attributions also
     * fall on innocent words of a comment it over-scores ("Merci pour ce résumé, c'est très utile"), and deleting
     * those garbles a clean comment; better to let verification hold it.
     */
    private boolean toxicAlone(String words, String lang) {
        ToxicityResult alone = selfCheck.classify(words, lang);
        return alone.score() >= options.standaloneToxicity() * alone.threshold();
    }

    private static boolean force(TokenPlan plan, SentenceRepair.Rendered rendered, List<ToxicSpan> spans,
                                 IntPredicate eligible) {
        boolean more = false;
        for (ToxicSpan s : spans) {
            for (int k = s.start(); k < s.end() && k < rendered.tokenAt().length; k++) {
                int token = rendered.tokenAt()[k];
                if (token >= 0 && !plan.forced[token] && plan.wordLike(token) && eligible.test(token)) {
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
