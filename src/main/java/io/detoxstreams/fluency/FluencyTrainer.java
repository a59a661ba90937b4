package io.detoxstreams.fluency;

import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Trains a {@link LanguageFluency} from one language's human sentences: the word model by {@link KneserNeyEstimator}
 * over their {@link LmTokens}, the character model over the distinct words (each spelled once, so it models how words
 * of the language look, not how often the common ones occur), the {@link JunctionModel}, the proper names, and the
 * reference range from held-out (toxic, human rewrite) pairs. Deterministic: the same sentences and options give a
 * byte-identical file.
 *
 * <pre>{@code
 * LanguageFluency f = new FluencyTrainer(Options.defaults()).train("en", sentences, devPairs, info);
 * }</pre>
 */
public final class FluencyTrainer {

    /**
     * @param wordOrder     n of the word model
     * @param wordMinCount  words seen fewer times become {@code <unk>}
     * @param charOrder     n of the character model
     * @param junctions     options of the junction model
     * @param nameMinCount  a word is a proper name when seen at least this often in mid-sentence …
     * @param nameMinShare  … and capitalized in at least this share of those
     */
    public record Options(int wordOrder, int wordMinCount, int charOrder, JunctionTrainer.Options junctions,
                          int nameMinCount, double nameMinShare) {

        public static Options defaults() {
            return new Options(4, 2, 5, JunctionTrainer.Options.defaults(), 3, 0.8);
        }
    }

    /** A held-out toxic sentence and one human rewrite of it. */
    public record Pair(String toxic, String reference) {
    }

    /** Languages that capitalize every noun: capitalization says nothing about names there. */
    static final Set<String> NOUN_CAPITALIZING = Set.of("de", "lb");

    private final Options options;

    public FluencyTrainer(Options options) {
        this.options = options;
    }

    public Options options() {
        return options;
    }

    /**
     * @param sentences  training sentences
     * @param references held-out (toxic, human rewrite) pairs whose scores set the reference range (may be empty)
     * @param info       provenance to store in the model (sources, command)
     */
    public LanguageFluency train(String lang, List<String> sentences, List<Pair> references,
                                 Map<String, String> info) {
        List<List<String>> tokenized = new ArrayList<>(sentences.size());
        TreeSet<String> types = new TreeSet<>();
        long tokens = 0;
        for (String s : sentences) {
            List<String> t = LmTokens.of(s);
            if (t.isEmpty()) {
                continue;
            }
            tokenized.add(t);
            tokens += t.size();
            for (String w : t) {
                if (LmTokens.isWord(w)) {
                    types.add(w);
                }
            }
        }
        if (tokenized.isEmpty()) {
            throw new IllegalArgumentException("no sentences to train the " + lang + " fluency model on");
        }
        NgramModel words = new KneserNeyEstimator(options.wordOrder(), options.wordMinCount()).estimate(tokenized);
        List<List<String>> spellings = new ArrayList<>(types.size());
        for (String w : types) {
            List<String> cps = new ArrayList<>();
            w.codePoints().forEach(cp -> cps.add(new String(Character.toChars(cp))));
            spellings.add(cps);
        }
        NgramModel chars = new KneserNeyEstimator(options.charOrder(), 1).estimate(spellings);
        JunctionModel junctions = new JunctionTrainer(options.junctions()).train(tokenized);
        Set<String> names = NOUN_CAPITALIZING.contains(lang) ? Set.of() : properNames(sentences,
                junctions.frequentTokens());
        Map<String, String> all = new LinkedHashMap<>(info);
        all.put("train_sentences", Integer.toString(tokenized.size()));
        all.put("train_tokens", Long.toString(tokens));
        all.put("options", options.toString());
        all.put("dev_references", Integer.toString(references.size()));
        LanguageFluency model = new LanguageFluency(lang, new LanguageModel(words, chars), junctions, new float[0],
                new float[0], names, all);
        return withReferenceRange(model, references);
    }

    /** The model with percentiles of its two scores on the references; none for fewer than 20 pairs. */
    static LanguageFluency withReferenceRange(LanguageFluency model, List<Pair> references) {
        List<double[]> scores = new ArrayList<>();
        for (Pair p : references) {
            if (LmTokens.of(p.reference()).isEmpty()) {
                continue;
            }
            LanguageFluency.Judgement j = model.judgeReference(LmTokens.of(p.toxic()), LmTokens.of(p.reference()));
            scores.add(new double[] {j.perToken(), j.weakestJunction()});
        }
        if (scores.size() < 20) {
            return model;
        }
        return model.withReferenceRange(percentiles(scores, 0), percentiles(scores, 1));
    }

    private static float[] percentiles(List<double[]> scores, int column) {
        double[] v = scores.stream().mapToDouble(s -> s[column]).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            v = new double[] {Double.NEGATIVE_INFINITY};
        }
        float[] p = new float[LanguageFluency.PERCENTILES];
        for (int q = 0; q < p.length; q++) {
            int rank = (int) Math.min(v.length - 1, Math.floor(q / 100.0 * v.length));
            p[q] = (float) v[rank];
        }
        return p;
    }

    /**
     * Lower-cased words seen at least {@link Options#nameMinCount} times in mid-sentence (not first, not after
     * sentence punctuation), capitalized in at least {@link Options#nameMinShare} of them, and not among the frequent
     * tokens ("I").
     */
    private Set<String> properNames(List<String> sentences, Set<String> frequent) {
        Map<String, int[]> counts = new HashMap<>();
        for (String s : sentences) {
            List<Token> tokens = Tokenizer.tokenize(s);
            boolean sentenceStart = true;
            boolean shouting = s.equals(s.toUpperCase(java.util.Locale.ROOT));
            for (Token t : tokens) {
                if (t.kind() == Token.Kind.PUNCT) {
                    String p = t.text(s);
                    sentenceStart |= p.equals(".") || p.equals("!") || p.equals("?") || p.equals("…")
                            || p.equals("\"") || p.equals(":");
                    continue;
                }
                if (t.kind() != Token.Kind.WORD) {
                    continue;
                }
                String w = t.text(s);
                if (!sentenceStart && !shouting && Character.isLetter(w.codePointAt(0))) {
                    int[] c = counts.computeIfAbsent(LmTokens.key(t, s), k -> new int[2]);
                    c[0]++;
                    boolean capital = Character.isUpperCase(w.codePointAt(0))
                            && !w.equals(w.toUpperCase(java.util.Locale.ROOT));
                    c[1] += capital ? 1 : 0;
                }
                sentenceStart = false;
            }
        }
        Set<String> names = new TreeSet<>();
        counts.forEach((w, c) -> {
            if (c[0] >= options.nameMinCount() && c[1] >= options.nameMinShare() * c[0] && !frequent.contains(w)
                    && LmTokens.isWord(w)) {
                names.add(w);
            }
        });
        return names;
    }
}
