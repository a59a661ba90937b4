package io.detoxstreams.rewrite;

import io.detoxstreams.classify.ToxicityClassifier;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.explain.HoldReason;
import io.detoxstreams.fluency.Dangling;
import io.detoxstreams.fluency.FluencyModel;
import io.detoxstreams.fluency.LanguageFluency;
import io.detoxstreams.language.LanguageDetector;
import io.detoxstreams.language.LanguageGuess;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks every proposed rewrite before it may be published (DESIGN §3): it is not empty (has a letter or digit), its
 * content similarity to the original ({@link CharNgramFScore#similarity}) is at least the configured floor, it is in
 * the language of the original (when a {@link LanguageDetector} is configured: a rewrite detected as another
 * determined language than both the request's language and the original's detected language fails), it reads as a
 * sentence of the language (when a {@link FluencyModel} with a model for the language that
 * {@link LanguageFluency#verifies} is configured: its
 * {@link LanguageFluency#judge judgement} of the rewrite against the original is within the range of the language's
 * human rewrites, see {@link LanguageFluency#fluent}, and it leaves no word dangling that the original did not,
 * {@link Dangling#introduced}; otherwise {@link HoldReason#NOT_FLUENT}), and the classifier
 * scores it below the language's threshold. The first failed check is the reason.
 *
 * <p>The language check is for backends that rephrase or answer in another language. A rewrite that mostly keeps
 * the original's own words ({@link OwnWords}: less than {@link #MIN_NEW_SHARE} of its words new, counting the words
 * of declared word-for-word replacements ({@code REPLACED} edits) as the original's — deletions, words substituted
 * from the same-language table) cannot have changed language, so the detector is not asked: on
 * such short remnants ("biden is.") it guessed wrong often enough to hold 8 of the 1,503 English DEV pairs for
 * nothing, and its slow path (Lingua) cost more than the rest of the verification.
 *
 * <p>Call {@link #verifyBatch(List, List)} with the requests and their rewrites (same order). Thread-safe when the
 * classifier and detector are.
 */
public final class Verifier {

    /** Share of new words from which a rewrite's language is checked. */
    public static final double MIN_NEW_SHARE = 1.0 / 3.0;

    /** Default similarity floor; below it the rewrite has lost too much of the original (tuned on DEV). */
    public static final double DEFAULT_SIMILARITY_FLOOR = 0.30;

    /**
     * Default fluency floor: the share of the language's human rewrites (DEV split) whose weakest junction would fail
     * the check (chosen on DEV, see MODEL_CARD.md); 0 turns the fluency check off.
     */
    public static final double DEFAULT_FLUENCY_FLOOR = 0.01;

    /** The outcome for one rewrite; {@code after} is null when the classifier was not reached. */
    public record Verdict(HoldReason failure, ToxicityResult after, double similarity) {

        public boolean passed() {
            return failure == null;
        }
    }

    private final ToxicityClassifier classifier;
    private final LanguageDetector detector;
    private final double similarityFloor;
    private final FluencyModel fluency;
    private final double fluencyFloor;

    /**
     * A verifier without a fluency check.
     *
     * @param classifier      re-scores rewrites
     * @param detector        checks the rewrite's language; null skips the language check
     * @param similarityFloor minimum {@link CharNgramFScore#similarity} between rewrite and original, in [0, 1]
     */
    public Verifier(ToxicityClassifier classifier, LanguageDetector detector, double similarityFloor) {
        this(classifier, detector, similarityFloor, FluencyModel.none(), 0.0);
    }

    /**
     * @param fluency      per-language fluency models; languages without one are not checked
     * @param fluencyFloor share of the language's human rewrites that would fail the check, in [0, 1); 0 = no check
     */
    public Verifier(ToxicityClassifier classifier, LanguageDetector detector, double similarityFloor,
                    FluencyModel fluency, double fluencyFloor) {
        if (similarityFloor < 0 || similarityFloor > 1) {
            throw new IllegalArgumentException("similarity floor must be in [0, 1], got " + similarityFloor);
        }
        if (fluencyFloor < 0 || fluencyFloor >= 1) {
            throw new IllegalArgumentException("fluency floor must be in [0, 1), got " + fluencyFloor);
        }
        this.classifier = classifier;
        this.detector = detector;
        this.similarityFloor = similarityFloor;
        this.fluency = fluency;
        this.fluencyFloor = fluencyFloor;
    }

    public List<Verdict> verifyBatch(List<RewriteRequest> requests, List<Rewrite> rewrites) {
        int n = requests.size();
        Verdict[] out = new Verdict[n];
        double[] sims = new double[n];
        List<Integer> toScore = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String text = rewrites.get(i).text();
            sims[i] = CharNgramFScore.similarity(text, requests.get(i).text());
            if (!hasLetterOrDigit(text)) {
                out[i] = new Verdict(HoldReason.EMPTY_REWRITE, null, sims[i]);
            } else if (sims[i] < similarityFloor) {
                out[i] = new Verdict(HoldReason.MEANING_LOST, null, sims[i]);
            } else {
                toScore.add(i);
            }
        }
        checkLanguage(requests, rewrites, toScore, out, sims);
        checkFluency(requests, rewrites, toScore, out, sims);
        List<String> texts = new ArrayList<>(toScore.size());
        List<String> langs = new ArrayList<>(toScore.size());
        for (int i : toScore) {
            texts.add(rewrites.get(i).text());
            langs.add(requests.get(i).lang());
        }
        List<ToxicityResult> scores = texts.isEmpty() ? List.of() : classifier.verdictBatch(texts, langs);
        for (int k = 0; k < toScore.size(); k++) {
            int i = toScore.get(k);
            ToxicityResult r = scores.get(k);
            out[i] = new Verdict(r.toxic() ? HoldReason.STILL_TOXIC : null, r, sims[i]);
        }
        return List.of(out);
    }

    /**
     * Removes rewrites in another language from {@code toScore} and records the failure. Only rewrites of which at
     * least {@link #MIN_NEW_SHARE} of the words are new are asked about, and the original only when the rewrite's
     * language is determined and differs from the request's.
     */
    private void checkLanguage(List<RewriteRequest> requests, List<Rewrite> rewrites, List<Integer> toScore,
                               Verdict[] out, double[] sims) {
        if (detector == null || toScore.isEmpty()) {
            return;
        }
        List<Integer> check = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i : toScore) {
            Rewrite w = rewrites.get(i);
            if (OwnWords.newShare(w.text(), requests.get(i).text(), w.edits()) >= MIN_NEW_SHARE) {
                check.add(i);
                texts.add(rewrites.get(i).text());
            }
        }
        if (check.isEmpty()) {
            return;
        }
        List<LanguageGuess> guesses = detector.detectBatch(texts, null);
        List<Integer> suspect = new ArrayList<>();
        List<String> originals = new ArrayList<>();
        for (int k = 0; k < check.size(); k++) {
            int i = check.get(k);
            LanguageGuess g = guesses.get(k);
            if (g.isDetermined() && !g.lang().equals(requests.get(i).lang())) {
                suspect.add(i);
                originals.add(requests.get(i).text());
            }
        }
        if (suspect.isEmpty()) {
            return;
        }
        List<LanguageGuess> originalGuesses = detector.detectBatch(originals, null);
        java.util.Set<Integer> changed = new java.util.HashSet<>();
        for (int k = 0; k < suspect.size(); k++) {
            int i = suspect.get(k);
            if (!guesses.get(check.indexOf(i)).lang().equals(originalGuesses.get(k).lang())) {
                out[i] = new Verdict(HoldReason.LANGUAGE_CHANGED, null, sims[i]);
                changed.add(i);
            }
        }
        toScore.removeIf(changed::contains);
    }

    /** Removes rewrites that do not read as sentences of their language from {@code toScore}. */
    private void checkFluency(List<RewriteRequest> requests, List<Rewrite> rewrites, List<Integer> toScore,
                              Verdict[] out, double[] sims) {
        if (fluencyFloor <= 0) {
            return;
        }
        toScore.removeIf(i -> {
            RewriteRequest r = requests.get(i);
            String text = rewrites.get(i).text();
            boolean fluent = reads(fluency.forLanguage(r.lang()).orElse(null), r.text(), text, r.lang(),
                    fluencyFloor);
            if (!fluent) {
                out[i] = new Verdict(HoldReason.NOT_FLUENT, null, sims[i]);
            }
            return !fluent;
        });
    }

    /**
     * The fluency check of one rewrite: it introduces no dangling word ({@link Dangling}) and, where the language's
     * model has a reference range, reads like the human references at {@code floor} ({@link LanguageFluency#fluent}).
     * The embedded rewriter asks the same question of its own rewrite before it proposes it.
     *
     * @param fluency the language's fluency model, or null when it has none
     */
    public static boolean reads(LanguageFluency fluency, String original, String rewrite, String lang, double floor) {
        return (fluency == null || !fluency.verifies() || fluency.fluent(fluency.judge(original, rewrite), floor))
                && !Dangling.introduced(original, rewrite, lang);
    }

    static boolean hasLetterOrDigit(String s) {
        return s.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    public double similarityFloor() {
        return similarityFloor;
    }

    public double fluencyFloor() {
        return fluencyFloor;
    }
}
