package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.fluency.JunctionModel;
import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.fluency.LanguageModel;

/**
 * Scores the candidates of an {@link EditChooser} site by the objective documented there: the junction model's
 * log-probabilities of the joins a candidate makes, the table's prior, the deletion, insertion and dangling costs
 * ({@link #score}, cheap), and the language model's terms of the candidate's output window (costly: {@link
 * #withNextTerm} for the token after it, {@link #total} for the whole window). Not thread-safe (one per rewrite).
 */
final class EditScorer {

    private final LanguageModel lm;
    private final JunctionModel junctions;
    private final EditChooser.Weights weights;
    private final EditPieces pieces;
    /** τ: the median language-model score per token of the language's human rewrites (0 without a range). */
    private final double baseline;

    EditScorer(LanguageFluency fluency, EditChooser.Weights weights, EditPieces pieces) {
        this.lm = fluency.languageModel();
        this.junctions = fluency.junctions();
        this.weights = weights;
        this.pieces = pieces;
        double median = fluency.hasReferenceRange() ? fluency.lmMedian() : 0.0;
        this.baseline = Double.isNaN(median) ? 0.0 : median;
    }

    /**
     * A candidate's local output window — up to 3 pieces before it ({@code left}, nearest first; the sentence start
     * when fewer), its own pieces, up to 3 after ({@code right}; the sentence end when fewer) — and its score without
     * the language-model term.
     */
    record Scored(EditCandidate candidate, double cheap, EditPieces.Piece[] left, int nLeft, EditPieces.Piece[] mid,
                  EditPieces.Piece[] right, int nRight) {

        Scored plus(double more) {
            return new Scored(candidate, cheap + more, left, nLeft, mid, right, nRight);
        }
    }

    private double lmTerms(Scored x) {
        boolean atStart = x.nLeft < 3;
        boolean atEnd = x.nRight < 3;
        int[] ids = new int[(atStart ? 1 : 0) + x.nLeft + x.mid.length + x.nRight + (atEnd ? 1 : 0)];
        int k = 0;
        if (atStart) {
            ids[k++] = pieces.bos.id();
        }
        for (int i = x.nLeft - 1; i >= 0; i--) {
            ids[k++] = x.left[i].id();
        }
        int first = k;
        for (EditPieces.Piece p : x.mid) {
            ids[k++] = p.id();
        }
        for (int i = 0; i < x.nRight; i++) {
            ids[k++] = x.right[i].id();
        }
        if (atEnd) {
            ids[k] = pieces.eos.id();
        }
        double sum = 0;
        for (int i = Math.max(1, first); i < ids.length; i++) {
            sum += lm.term(ids, i) - baseline;
        }
        return sum;
    }

    /**
     * Whether a deletion leaves, before a boundary (clause punctuation, the end, a conjunction, a preposition or relative pronoun), a
     * copula without its complement ("that cop was to me") or a noun phrase without its noun: a word that exists only
     * for its noun ("a corrupt piece."), or modifiers after a determiner ("a crazy old.", "the senile."). After an
     * indefinite article any content word counts as a modifier: the deleted word was the noun ("is a senile."; the
     * article candidate, {@link EditCandidates}, keeps it as the predicate instead).
     */
    private static boolean lostHead(EditPieces.Piece[] left, int nLeft, EditPieces.Piece r1) {
        if (nLeft == 0 || !(r1.endsClause() || r1.conjunction() || r1.opensPhrase())) {
            return false;
        }
        EditPieces.Piece l1 = left[0];
        if (l1.copula() || l1.cannotEnd() || l1.role() == EditPieces.NounRole.HEADLESS
                || l1.role() == EditPieces.NounRole.ARTICLE) {
            return true;
        }
        for (int k = 0; k < nLeft; k++) {
            EditPieces.Piece p = left[k];
            if (k > 0 && (p.role() == EditPieces.NounRole.DETERMINER || p.role() == EditPieces.NounRole.ARTICLE)) {
                return true;
            }
            boolean modifier = p.role() == EditPieces.NounRole.MODIFIER || p.role() == EditPieces.NounRole.HEADLESS;
            boolean afterArticle = k + 1 < nLeft && left[k + 1].role() == EditPieces.NounRole.ARTICLE
                    && !p.cannotEnd() && !p.endsClause() && !p.copula() && p.role() == EditPieces.NounRole.OTHER;
            if (!modifier && !afterArticle) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a replacement keeps a word that exists only for the insult it replaces, right before it or through a
     * preposition ("a corrupt piece of [thing]", "a total [person]"): the neutral word reads as the same insult.
     */
    private static boolean headlessKept(EditPieces.Piece[] left, int nLeft) {
        return nLeft > 0 && (left[0].role() == EditPieces.NounRole.HEADLESS
                || nLeft > 1 && left[0].cannotEnd() && left[1].role() == EditPieces.NounRole.HEADLESS);
    }

    /** The candidate's window and its score by every term but the language model's. */
    Scored score(TokenPlan plan, EditCandidate c, int s, int e) {
        EditPieces.Piece[] left = new EditPieces.Piece[3];
        int nLeft = 0;
        for (int k = c.from() - 1; k >= 0 && nLeft < 3; k--) {
            if (k != c.article()) {
                nLeft = pieces.emittedBackwards(plan, k, left, nLeft);
            }
        }
        EditPieces.Piece[] mid = c.base() ? pieces.basePieces(plan, c.from(), c.to()) : c.filler() != null ? c.filler().pieces() : EditPieces.NONE;
        EditPieces.Piece[] right = new EditPieces.Piece[3];
        int nRight = 0;
        for (int k = c.to(); k < plan.size() && nRight < 3; k++) {
            nRight = pieces.emittedForwards(plan, k, right, nRight);
        }
        EditPieces.Piece l1 = nLeft > 0 ? left[0] : pieces.bos;
        EditPieces.Piece l2 = nLeft > 1 ? left[1] : pieces.bos;
        EditPieces.Piece r1 = nRight > 0 ? right[0] : pieces.eos;
        EditPieces.Piece r2 = nRight > 1 ? right[1] : pieces.eos;
        double junction;
        EditPieces.Piece last;
        if (mid.length == 0) {
            junction = logJunction(l2, l1, r1, r2);
            last = l1;
        } else {
            EditPieces.Piece m1 = mid[0];
            EditPieces.Piece m2 = mid.length > 1 ? mid[1] : r1;
            EditPieces.Piece mLast = mid[mid.length - 1];
            EditPieces.Piece mBefore = mid.length > 1 ? mid[mid.length - 2] : l1;
            junction = logJunction(l2, l1, m1, m2) + logJunction(mBefore, mLast, r1, r2);
            last = mLast;
        }
        boolean dangling = (last.cannotEnd() || last.copula()) && (r1.endsClause() || r1.conjunction())
                || mid.length == 0 && lostHead(left, nLeft, r1) || mid.length > 0 && headlessKept(left, nLeft);
        if (c.article() >= 0) {
            junction += logJunction(nLeft > 2 ? left[2] : pieces.bos, l2, l1 == pieces.bos ? pieces.bos : l1, mid.length > 0 ? mid[0] : r1);
        }
        double extra = 0;
        for (int k = c.from(); k < c.to() && !c.phrase(); k++) {
            if ((k < s || k >= e) && plan.wordLike(k)) {
                extra += plan.tokens.get(k).end() - plan.tokens.get(k).start();
            }
        }
        double inserted = c.base() ? baseInserted(plan, s, e) : c.filler() == null ? 0 : c.filler().chars();
        double cheap = weights.junction() * junction + weights.prior() * c.prior()
                - weights.extraDeletion() * extra / pieces.textChars() - weights.insertion() * inserted / pieces.textChars()
                - (dangling ? weights.dangling() : 0.0);
        return new Scored(c, cheap, left, nLeft, mid, right, nRight);
    }

    /**
     * The language model's term (minus τ) of the first token after the candidate — often the sentence's end or its
     * punctuation, where a hole costs most ("i don't treat u like ."); computed for every candidate, the rest of the
     * window only for the best few.
     */
    private double nextTerm(EditPieces.Piece[] left, int nLeft, EditPieces.Piece[] mid, EditPieces.Piece next) {
        int n = Math.min(lm.order() - 1, mid.length + nLeft);
        int[] ids = new int[n + 1 + (n < lm.order() - 1 && n == mid.length + nLeft ? 1 : 0)];
        int k = ids.length - 1;
        ids[k--] = next.id();
        for (int i = mid.length - 1; i >= 0 && k >= 0; i--) {
            ids[k--] = mid[i].id();
        }
        for (int i = 0; i < nLeft && k >= 0; i++) {
            ids[k--] = left[i].id();
        }
        if (k >= 0) {
            ids[k] = pieces.bos.id();
        }
        return lm.term(ids, ids.length - 1) - baseline;
    }

    private double logJunction(EditPieces.Piece l2, EditPieces.Piece l1, EditPieces.Piece r1, EditPieces.Piece r2) {
        double z = junctions.logit(l2.word(), l2.cls(), l1.word(), l1.cls(), r1.word(), r1.cls(), r2.word(),
                r2.cls());
        return logSigmoid(z);
    }

    /** log(sigmoid(z)) floored like a probability of 1e-6: below {@link #LOG_FLOOR_Z} the floor itself. */
    static double logSigmoid(double z) {
        if (z <= LOG_FLOOR_Z) {
            return LOG_FLOOR;
        }
        if (z >= TABLE_MAX_Z) {
            return -Math.exp(-z);
        }
        // Linear interpolation in a table with 256 steps per unit: error < 1e-6, several times cheaper than log1p/exp.
        double x = (z - LOG_FLOOR_Z) * STEPS;
        int i = (int) x;
        double f = x - i;
        return LOG_SIGMOID[i] + f * (LOG_SIGMOID[i + 1] - LOG_SIGMOID[i]);
    }

    static double exactLogSigmoid(double z) {
        return Math.max(LOG_FLOOR, z >= 0 ? -Math.log1p(Math.exp(-z)) : z - Math.log1p(Math.exp(z)));
    }

    private static final double LOG_FLOOR = -13.8;
    /** Where log(sigmoid(z)) reaches the floor (z - log1p(e^z) = -13.8 at z ≈ -13.799999). */
    private static final double LOG_FLOOR_Z = -13.8;
    private static final double TABLE_MAX_Z = 20.0;
    private static final int STEPS = 256;
    private static final double[] LOG_SIGMOID = new double[(int) ((TABLE_MAX_Z - LOG_FLOOR_Z) * STEPS) + 2];

    static {
        for (int i = 0; i < LOG_SIGMOID.length; i++) {
            LOG_SIGMOID[i] = exactLogSigmoid(LOG_FLOOR_Z + (double) i / STEPS);
        }
    }

    private double baseInserted(TokenPlan plan, int s, int e) {
        double chars = 0;
        for (int k = s; k < e; k++) {
            if (plan.decisions[k] == TokenPlan.Decision.REPLACE) {
                chars += plan.replacements[k].length();
            }
        }
        return chars;
    }

    /** {@code x} with the language model's term of the token after it added. */
    Scored withNextTerm(Scored x) {
        return x.plus(weights.lm() * nextTerm(x.left, x.nLeft, x.mid, x.nRight > 0 ? x.right[0] : pieces.eos));
    }

    /** The whole objective of {@code x}: its score plus the language model's terms of its window. */
    double total(Scored x) {
        return x.cheap + weights.lm() * lmTerms(x);
    }
}
