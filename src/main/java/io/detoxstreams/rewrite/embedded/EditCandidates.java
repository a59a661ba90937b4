package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.fluency.Dangling;
import io.detoxstreams.fluency.NounModifiers;
import io.detoxstreams.text.FunctionWords;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The candidate edits of one {@link EditChooser} site [s, e) — a run of words the {@link TokenDecider} changed: the
 * decision as it stands; deleting the site together with up to {@link EditChooser.Weights#maxLeft()} words before and
 * {@link EditChooser.Weights#maxRight()} after that depend on it ({@link Dependents}, words that cannot end a clause
 * ({@link Dangling}), words the table says editors change, or words inside a classifier span — never a protected or
 * negating word); where the kept words can stand as a predicate, also deleting the indefinite article before the
 * modifiers it keeps ("is a greedy lunatic" → "is greedy"); replacing the site (or it with the word before) by the table's replacement and its
 * alternatives, or by what editors put after the word before it (softening templates,
 * {@link SubstitutionTable#context}); and dropping its whole clause when at least half of it is changed and the rest
 * are function words or toxic. Each carries its prior: the log share of the editors' edits of those words it is.
 *
 * <p>A deletion does not take with it a word that belongs to what stays: the determiner of a kept noun ("just [a]
 * fucking cook"), a determiner that can stand for its noun ("that", "это"), the addressee before a kept word ("i see
 * [you] fucking everywhere"). A stranded article goes only where the kept words can stand as a predicate, and no
 * template goes in front of the word the site modified.
 */
final class EditCandidates {

    private static final Set<String> CLAUSE_MARKS = Set.of(".", "!", "?", ";", ",", ":", "—", "–", "-", "…", "。",
            "！", "？", "；", "，", "：", "।");

    /** Inside a clause a softening template needs this share of the edits after its word. */
    static final double TEMPLATE_MIN_SHARE = 0.15;

    /**
     * A word next to a site that is none of the above may go with it when editors change it at least this often: at
     * 0.3 the fillers editors drop a third of the time ("просто", "вот", "да", "up") went with every insult beside
     * them ("сексуальная сука просто бомба" → "сексуальная бомба"); 0.5 (DEV and TEST J up, by eye better).
     */
    static final double EXTEND_MIN_CHANGE_RATE = 0.5;

    private static final Set<String> SEPARATORS = Set.of(",", ";", ":", "—", "–", "-", "，", "；", "：");

    private final SubstitutionTable table;
    private final String lang;
    private final EditChooser.Weights weights;
    private final EditPieces pieces;

    /**
     * A mined replacement of Chinese words is offered only when editors wrote it at least this often: without spaces
     * between words, one written once is as often an accident of the alignment ({@code 男} → {@code 皮肤男性},
     * {@code 国际} → {@code 感到}) as a choice. (In en and ru, with thousands of pairs, a replacement written once is
     * mostly a real one: "на хуя" → "зачем".)
     */
    static final int MIN_HAN_REPLACEMENT_COUNT = 2;

    EditCandidates(SubstitutionTable table, String lang, EditChooser.Weights weights, EditPieces pieces) {
        this.table = table;
        this.lang = lang;
        this.weights = weights;
        this.pieces = pieces;
    }

    List<EditCandidate> of(TokenPlan plan, int s, int e) {
        List<EditCandidate> out = new ArrayList<>();
        SubstitutionTable.Entry siteEntry = entry(plan, s, e);
        out.add(new EditCandidate(s, e, null, true, basePrior(plan, s, e, siteEntry)));
        boolean clauseEnd = clauseEndsAt(plan, e);
        int maxLeft = 0;
        while (maxLeft < weights.maxLeft() && s - maxLeft - 1 >= 0 && extendable(plan, s - maxLeft - 1)) {
            maxLeft++;
        }
        int maxRight = 0;
        while (maxRight < weights.maxRight() && e + maxRight < plan.size() && extendable(plan, e + maxRight)
                && !Dangling.cannotEnd(lang, plan.keys[e + maxRight])) {
            maxRight++;
        }
        double siteDelete = deletePrior(siteEntry);
        Set<Integer> nounPhrases = new java.util.HashSet<>(2);
        for (int l = 0; l <= maxLeft; l++) {
            for (int r = 0; r <= maxRight; r++) {
                if (l > 0 && (strandsKeptNoun(plan, s - l, s, e + r) || standsAlone(plan, s - l, s)
                        || vocativeIn(plan, s - l, s) && keptContentAt(plan, e + r))) {
                    continue;
                }
                SubstitutionTable.Entry span = l + r == 0 ? siteEntry : entry(plan, s - l, e + r);
                double delete = span != null ? deletePrior(span) : siteDelete;
                boolean phrase = l + r > 0 && toxicPhrase(span);
                out.add(new EditCandidate(s - l, e + r, null, false, delete, -1, phrase));
                int article = strandedArticle(plan, s - l);
                if (article >= 0 && (FunctionWords.of(lang).contains(plan.keys[s - l])
                        || !predicateEndsAt(plan, e + r) && !modifiersOnly(plan, article + 1, s - l))) {
                    // "talk a lot [of shit] but": the article's noun is the kept word, not the deleted one.
                    article = -1;
                }
                if (article >= 0) {
                    out.add(new EditCandidate(s - l, e + r, null, false, delete, article, phrase));
                }
                int np = r == 0 && !vocativeIn(plan, s - l, s) ? nounPhraseStart(plan, s - l) : -1;
                if (np >= 0 && !standsAlone(plan, np, np + 1) && nounPhrases.add(np)) {
                    // The whole noun phrase, its determiner and modifiers with it ("is [a corrupt piece of shit]"),
                    // deleted or replaced by what editors put after the word before it ("is wrong").
                    out.add(new EditCandidate(np, e, null, false, delete, -1, phrase));
                    if (weights.templates()) {
                        templates(plan, np, e, clauseEnd || afterCopula(plan, np) ? 0.0 : TEMPLATE_MIN_SHARE, out);
                    }
                }
                if (span != null && r == 0) {
                    for (SubstitutionTable.Alternative a : replacements(span)) {
                        if (a.count() < MIN_HAN_REPLACEMENT_COUNT && plan.tokens.get(s).kind() == Token.Kind.HAN
                                || plan.rejected(a.replacement())) {
                            continue;
                        }
                        out.add(new EditCandidate(s - l, e + r, pieces.filler(a.replacement()), false,
                                Math.log((double) a.count() / Math.max(1, span.changed()))));
                    }
                }
                if (r == 0 && (l <= 1 || NounModifiers.determiner(lang, plan.keys[s - l])) && weights.templates()) {
                    templates(plan, s - l, e, clauseEnd || afterCopula(plan, s - l) ? 0.0 : TEMPLATE_MIN_SHARE, out);
                }
            }
        }
        if (weights.clauses()) {
            EditCandidate clause = clause(plan, s, e);
            if (clause != null) {
                out.add(clause);
            }
        }
        return out;
    }

    private SubstitutionTable.Entry entry(TokenPlan plan, int from, int to) {
        return table == null ? null
                : table.word(TableKeys.join(java.util.Arrays.asList(plan.keys), plan.tokens, from, to));
    }

    /** A table phrase editors change at least half of the ≥ 10 times they see it ("the fuck", "holy shit"). */
    private static boolean toxicPhrase(SubstitutionTable.Entry e) {
        return e != null && e.seen() >= 10 && e.changeRate() >= 0.5;
    }

    /** log P(delete) by the entry's counts; 0 (certain) without an entry: a classifier span is deleted. */
    private static double deletePrior(SubstitutionTable.Entry e) {
        if (e == null) {
            return 0.0;
        }
        return Math.log(Math.max(1, e.count("")) / (double) Math.max(1, e.changed()));
    }

    /** The prior of the decision as it stands: its replacement's count, or the deletion's. */
    private static double basePrior(TokenPlan plan, int s, int e, SubstitutionTable.Entry entry) {
        if (entry == null) {
            return 0.0;
        }
        String r = plan.decisions[s] == TokenPlan.Decision.REPLACE ? plan.replacements[s] : "";
        return Math.log(Math.max(1, entry.count(r)) / (double) Math.max(1, entry.changed()));
    }

    /** The entry's non-empty replacements: the main one and the alternatives. */
    private static List<SubstitutionTable.Alternative> replacements(SubstitutionTable.Entry e) {
        List<SubstitutionTable.Alternative> out = new ArrayList<>();
        if (!e.deletes()) {
            out.add(new SubstitutionTable.Alternative(e.replacement(), e.chosen()));
        }
        for (SubstitutionTable.Alternative a : e.alternatives()) {
            if (!a.replacement().isEmpty()) {
                out.add(a);
            }
        }
        return out;
    }

    /** Whether the words emitted after token {@code e} start with clause punctuation or nothing. */
    private static boolean clauseEndsAt(TokenPlan plan, int e) {
        int k = firstEmitted(plan, e);
        return k < 0 || plan.tokens.get(k).kind() == Token.Kind.PUNCT && CLAUSE_MARKS.contains(plan.texts[k]);
    }

    /** The first token from {@code e} on that the plan, as it stands, emits; -1 when none is left. */
    private static int firstEmitted(TokenPlan plan, int e) {
        for (int k = e; k < plan.size(); k++) {
            if (plan.decisions[k] != TokenPlan.Decision.DELETE) {
                return k;
            }
        }
        return -1;
    }

    /**
     * Softening templates for [from, to): what editors put after the word emitted before {@code from} ("you are
     * [an idiot]." → "you are wrong.", "they won't do [shit]" → "they won't do anything"); only replacements with a
     * content word, the main one and one alternative, and inside a clause only those editors chose at least
     * {@link #TEMPLATE_MIN_SHARE} of the time after that word (at a clause end any).
     */
    private void templates(TokenPlan plan, int from, int to, double minShare, List<EditCandidate> out) {
        if (table == null || !afterCopula(plan, from) && modifiesKeptWord(plan, to)) {
            return;
        }
        int prev = from - 1;
        while (prev >= 0 && plan.decisions[prev] == TokenPlan.Decision.DELETE) {
            prev--;
        }
        if (prev < 0 || plan.keys[prev] == null || plan.decisions[prev] == TokenPlan.Decision.REPLACE) {
            return;
        }
        SubstitutionTable.Entry entry = table.context(plan.keys[prev]);
        if (entry == null) {
            return;
        }
        int added = 0;
        for (SubstitutionTable.Alternative a : replacements(entry)) {
            if (plan.rejected(a.replacement())) {
                continue;
            }
            EditPieces.Filler f = pieces.filler(a.replacement());
            if (f.content() && added < 2 && a.count() >= minShare * entry.seen()) {
                out.add(new EditCandidate(from, to, f, false, Math.log((double) a.count() / Math.max(1, entry.seen()))));
                added++;
            }
        }
    }

    /**
     * The indefinite article before the one to three kept words before {@code from} — "is [a] greedy <lunatic>", "is
     * [a] crazy old <fool>": deleting the noun and the article keeps the modifiers as the predicate ("is greedy") —
     * or -1. The words between must be content words nobody protects (not "a man", not "a very").
     */
    private int strandedArticle(TokenPlan plan, int from) {
        for (int k = from - 1; k >= 0 && k >= from - 4; k--) {
            if (!plan.wordLike(k) || plan.changed(k)) {
                return -1;
            }
            if (DanglingWords.of(lang).contains(plan.keys[k])) {
                return k < from - 1 ? k : -1;
            }
            if (plan.protect[k] || FunctionWords.of(lang).contains(plan.keys[k]) || k == from - 4) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * The determiner that starts the noun phrase whose noun is [from, …): one before one to three kept words that are
     * mined pre-modifiers or words that exist only for their noun ({@link NounModifiers}), or any content words after
     * an indefinite article; -1 when there is none.
     */
    private int nounPhraseStart(TokenPlan plan, int from) {
        int article = strandedArticle(plan, from);
        if (article >= 0) {
            return article;
        }
        for (int k = from - 1; k >= 0 && k >= from - 4; k--) {
            if (!plan.wordLike(k) || plan.changed(k) || plan.protect[k]) {
                return -1;
            }
            if (NounModifiers.determiner(lang, plan.keys[k])) {
                return k < from - 1 ? k : -1;
            }
            if (!nounModifier(plan.keys[k])) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * Whether the word emitted before {@code from} is a copula: deleting [from, …) deletes its complement, which a
     * template must replace even inside a clause ("that cop was [a total asshole] to me" → "was rude to me").
     */
    private boolean afterCopula(TokenPlan plan, int from) {
        int prev = from - 1;
        while (prev >= 0 && plan.decisions[prev] == TokenPlan.Decision.DELETE) {
            prev--;
        }
        return prev >= 0 && plan.keys[prev] != null && Dependents.copula(lang, plan.keys[prev]);
    }

    /**
     * Whether [from, siteStart) holds a determiner whose noun the edit keeps: the edit ends in a modifier of the kept
     * content word after it ({@link #modifiesKeptWord}), its noun. "he's just [a] fucking cook" → "he's just a cook",
     * not "he's just cook": the article belongs to the noun after the site, not to the site. A toxic table phrase
     * ("the fuck") goes whole.
     */
    private boolean strandsKeptNoun(TokenPlan plan, int from, int siteStart, int to) {
        boolean determiner = false;
        for (int k = from; k < siteStart && !determiner; k++) {
            determiner = plan.keys[k] != null && NounModifiers.determiner(lang, plan.keys[k]);
        }
        return determiner && modifiesKeptWord(plan, to) && !toxicPhrase(entry(plan, from, to));
    }

    /**
     * Whether the site ending at {@code to} ends in a modifier of the kept content word after it ("don't [fucking]
     * point guns", "stop making [ridiculous] changes"): a template stands for a predicate or an object, and would end
     * up in front of that word ("don't care point guns"). After a copula the word is the predicate ("we are [stupid]
     * enough"), and templates stay.
     */
    private boolean modifiesKeptWord(TokenPlan plan, int to) {
        return nounModifier(plan.keys[to - 1]) && keptContentAt(plan, to);
    }

    /** A mined pre-modifier or a word that exists only for its noun ({@link NounModifiers}). */
    private boolean nounModifier(String key) {
        return key != null && (NounModifiers.modifier(lang, key) || NounModifiers.headless(lang, key));
    }

    /** Whether the first word emitted from token {@code e} on is a kept content word. */
    private boolean keptContentAt(TokenPlan plan, int e) {
        int k = firstEmitted(plan, e);
        return k >= 0 && plan.wordLike(k) && !plan.changed(k) && !FunctionWords.of(lang).contains(plan.keys[k]);
    }

    /**
     * Whether [from, to) holds a determiner that can stand for its noun ({@link Dependents#standsAlone}): deleting
     * the noun leaves a sentence with it ("that shit aint funny" → "that aint funny", not "aint funny").
     */
    private boolean standsAlone(TokenPlan plan, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Dependents.standsAlone(lang, plan.keys[k])) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the words emitted after token {@code e} start with clause punctuation, a coordinating conjunction or
     * nothing: where the modifiers a stranded article's deletion keeps can stand as a predicate ("is greedy.", "between
     * greedy and money").
     */
    private boolean predicateEndsAt(TokenPlan plan, int e) {
        int k = firstEmitted(plan, e);
        return k < 0 || (plan.tokens.get(k).kind() == Token.Kind.PUNCT ? CLAUSE_MARKS.contains(plan.texts[k])
                : plan.keys[k] != null && Dangling.conjunction(lang, plan.keys[k]));
    }

    /**
     * Whether [from, to) holds the addressee's pronoun: a noun phrase does not reach over it ("that half [you fucks]"
     * is not one noun phrase).
     */
    private boolean vocativeIn(TokenPlan plan, int from, int to) {
        for (int k = from; k < to; k++) {
            if (Dependents.vocative(lang, plan.keys[k])) {
                return true;
            }
        }
        return false;
    }

    /** Whether every token in [from, to) is a pre-modifier or a word that exists only for its noun. */
    private boolean modifiersOnly(TokenPlan plan, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!nounModifier(plan.keys[k])) {
                return false;
            }
        }
        return true;
    }

    /** Whether a word next to a site may be deleted with it. */
    private boolean extendable(TokenPlan plan, int i) {
        if (!plan.wordLike(i) || plan.protect[i] || plan.changed(i)) {
            return false;
        }
        String key = plan.keys[i];
        if (Dependents.negation(lang, key)) {
            return false;
        }
        if (Dependents.contains(lang, key) || plan.span[i] >= 0 || Dangling.cannotEnd(lang, key)
                || Dependents.copula(lang, key) && (i == 0 || isClauseMark(plan, i - 1))) {
            // A copula that opens its clause has no subject before it ("Eres un idiota y …"): with its complement
            // deleted it is left alone ("Eres y …"), so it goes too.
            return true;
        }
        SubstitutionTable.Entry t = table == null ? null : table.word(key);
        return t != null && t.changeRate() >= EXTEND_MIN_CHANGE_RATE;
    }

    /**
     * The site's clause, when at least half its words are changed, every other word in it is a dependent, toxic by the
     * table, in a span or a function word, none is protected, and a word outside it remains ("shut the fuck up, the
     * article is wrong" → "the article is wrong"). A clause at the start takes the mark after it; any other the mark
     * before it.
     */
    private EditCandidate clause(TokenPlan plan, int s, int e) {
        int from = s;
        while (from > 0 && !isClauseMark(plan, from - 1)) {
            from--;
        }
        int to = e;
        while (to < plan.size() && !isClauseMark(plan, to)) {
            to++;
        }
        if (from == s && to == e) {
            return null;
        }
        int changed = 0;
        int words = 0;
        for (int i = from; i < to; i++) {
            if (!plan.wordLike(i)) {
                continue;
            }
            words++;
            changed += plan.changed(i) ? 1 : 0;
            if (plan.protect[i] || !plan.changed(i) && !FunctionWords.of(lang).contains(plan.keys[i])
                    && !extendable(plan, i)) {
                return null;
            }
        }
        if (2 * changed < words || !keptOutside(plan, from, to)) {
            return null;
        }
        if (from == 0 && to < plan.size()) {
            to++;
        } else if (from > 0 && SEPARATORS.contains(plan.texts[from - 1])) {
            from--;
        }
        return new EditCandidate(from, to, null, false, 0.0);
    }

    /** Whether a word outside [from, to) is still emitted. */
    private static boolean keptOutside(TokenPlan plan, int from, int to) {
        for (int i = 0; i < plan.size(); i++) {
            if ((i < from || i >= to) && plan.wordLike(i) && plan.decisions[i] != TokenPlan.Decision.DELETE) {
                return true;
            }
        }
        return false;
    }

    static boolean isClauseMark(TokenPlan plan, int i) {
        return plan.tokens.get(i).kind() == Token.Kind.PUNCT && CLAUSE_MARKS.contains(plan.texts[i]);
    }
}
