package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.TokenAligner;
import io.detoxstreams.text.Tokenizer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Learns a {@link SubstitutionTable} from parallel toxic→neutral pairs: each pair is tokenized, the word-like tokens
 * of both sides are aligned ({@link TokenAligner}), and every differing hunk is counted — a toxic token that was
 * dropped counts as a deletion, a hunk of one toxic token (or equally many tokens on both sides) as a substitution,
 * and a hunk of up to {@link Options#maxPhraseTokens} toxic tokens also as a phrase substitution.
 *
 * <p>Use: {@code miner.add(toxic, neutral)} for every pair (and again for each extra reference), then
 * {@link #build(List)}. Results depend only on the pairs and options, never on their order.
 */
public final class SubstitutionMiner {

    /**
     * Thresholds for keeping entries.
     *
     * @param minSupport      minimum toxic-side occurrences of a word/phrase entry
     * @param minChangeRate   minimum share of occurrences that editors changed
     * @param maxPhraseTokens longest toxic phrase recorded as a unit
     * @param prefixMinSeen   minimum occurrences of words with a stem for a prefix entry
     * @param prefixMinRate   minimum change rate of a prefix entry
     * @param prefixMinForms  minimum distinct word forms under a prefix
     * @param keepMinSeen     minimum occurrences of a keep entry
     * @param keepMaxRate     maximum change rate of a keep entry
     * @param contextMinChosen minimum count of a softening template's replacement
     */
    public record Options(int minSupport, double minChangeRate, int maxPhraseTokens, int prefixMinSeen,
                          double prefixMinRate, int prefixMinForms, int keepMinSeen, double keepMaxRate,
                          int contextMinChosen) {

        public static Options defaults() {
            return new Options(2, 0.3, 4, 6, 0.85, 3, 8, 0.1, 3);
        }
    }

    private static final int MIN_PREFIX = 4;
    /** Longest neutral phrase recorded as a softening template. */
    static final int MAX_CONTEXT_TOKENS = 3;
    /** Key of templates at the start of a sentence. */
    public static final String START = "<s>";
    private static final int MAX_PREFIX = 6;

    private final Options options;
    private final Map<String, Counts> words = new HashMap<>();
    private final Map<String, Counts> phrases = new HashMap<>();
    private final Map<String, Counts> prefixes = new HashMap<>();
    private final Map<String, Counts> contexts = new HashMap<>();
    private final List<List<String>> toxicSides = new ArrayList<>();
    private final List<List<Token>> toxicTokens = new ArrayList<>();
    private int pairs;

    public SubstitutionMiner(Options options) {
        this.options = options;
    }

    /** Occurrence counts of one key and what editors turned it into. */
    private static final class Counts {
        int seen;
        int changed;
        final Map<String, Integer> outcomes = new HashMap<>();
        final Set<String> forms = new HashSet<>();

        void outcome(String replacement) {
            changed++;
            outcomes.merge(replacement, 1, Integer::sum);
        }
    }

    public void add(String toxic, String neutral) {
        if (toxic.isBlank() || neutral.isBlank()) {
            return;
        }
        pairs++;
        List<Token> ta = wordTokens(toxic);
        List<Token> tb = wordTokens(neutral);
        List<String> a = keys(toxic, ta);
        List<String> b = keys(neutral, tb);
        toxicSides.add(a);
        toxicTokens.add(ta);
        boolean[] changed = new boolean[a.size()];
        for (TokenAligner.Hunk h : TokenAligner.diff(a, b)) {
            if (h.aLength() == 0) {
                continue;
            }
            for (int i = h.aFrom(); i < h.aTo(); i++) {
                changed[i] = true;
            }
            recordWords(h, a, tb, neutral);
            if (h.aLength() <= options.maxPhraseTokens() && h.bLength() >= 1 && h.bLength() <= MAX_CONTEXT_TOKENS) {
                Counts c = contexts.computeIfAbsent(h.aFrom() == 0 ? START : a.get(h.aFrom() - 1), k -> new Counts());
                c.seen++;
                c.outcome(TableKeys.normalize(surface(neutral, tb, h.bFrom(), h.bTo())));
            }
            if (h.aLength() <= options.maxPhraseTokens() && h.aLength() > 1) {
                String replacement = h.bLength() <= options.maxPhraseTokens()
                        ? surface(neutral, tb, h.bFrom(), h.bTo()) : "";
                phrases.computeIfAbsent(TableKeys.join(a, ta, h.aFrom(), h.aTo()), k -> new Counts())
                        .outcome(TableKeys.normalize(replacement));
            }
        }
        for (int i = 0; i < a.size(); i++) {
            Counts c = words.computeIfAbsent(a.get(i), k -> new Counts());
            c.seen++;
            countPrefixes(a.get(i), changed[i]);
        }
    }

    private void recordWords(TokenAligner.Hunk h, List<String> a, List<Token> tb, String neutral) {
        boolean oneToMany = h.aLength() == 1 && h.bLength() <= options.maxPhraseTokens();
        boolean pairwise = h.aLength() == h.bLength();
        for (int i = h.aFrom(); i < h.aTo(); i++) {
            Counts c = words.computeIfAbsent(a.get(i), k -> new Counts());
            if (h.bLength() == 0) {
                c.outcome("");
            } else if (pairwise) {
                int j = h.bFrom() + (i - h.aFrom());
                c.outcome(TableKeys.normalize(surface(neutral, tb, j, j + 1)));
            } else if (oneToMany) {
                c.outcome(TableKeys.normalize(surface(neutral, tb, h.bFrom(), h.bTo())));
            } else {
                // Part of a larger rewrite: changed, but no single replacement can be attributed to it.
                c.changed++;
            }
        }
    }

    private void countPrefixes(String key, boolean changed) {
        int len = key.codePointCount(0, key.length());
        if (len < MIN_PREFIX + 1 || !Character.isLetter(key.codePointAt(0)) || Tokenizer.isHan(key.codePointAt(0))) {
            return;
        }
        for (int p = MIN_PREFIX; p <= Math.min(MAX_PREFIX, len - 1); p++) {
            String prefix = key.substring(0, key.offsetByCodePoints(0, p));
            Counts c = prefixes.computeIfAbsent(prefix, k -> new Counts());
            c.seen++;
            c.forms.add(key);
            if (changed) {
                c.outcome("");
            }
        }
    }

    /** Builds the table; {@code comments} are written at its top (provenance, command line). */
    public SubstitutionTable build(String lang, List<String> comments) {
        countPhraseOccurrences();
        List<SubstitutionTable.Entry> entries = new ArrayList<>();
        words.forEach((key, c) -> {
            if (c.seen >= options.minSupport() && rate(c) >= options.minChangeRate()) {
                entries.add(entry(SubstitutionTable.Kind.WORD, key, c));
            } else if (c.seen >= options.keepMinSeen() && rate(c) <= options.keepMaxRate()) {
                entries.add(new SubstitutionTable.Entry(SubstitutionTable.Kind.KEEP, key, "", c.seen, c.changed, 0));
            }
        });
        phrases.forEach((key, c) -> {
            if (c.seen >= options.minSupport() && rate(c) >= options.minChangeRate()) {
                entries.add(entry(SubstitutionTable.Kind.WORD, key, c));
            }
        });
        contexts.forEach((key, c) -> {
            SubstitutionTable.Entry e = entry(SubstitutionTable.Kind.CONTEXT, key, c);
            if (e.chosen() >= options.contextMinChosen()) {
                entries.add(e);
            }
        });
        prefixes.forEach((key, c) -> {
            if (c.seen >= options.prefixMinSeen() && rate(c) >= options.prefixMinRate()
                    && c.forms.size() >= options.prefixMinForms()) {
                entries.add(new SubstitutionTable.Entry(SubstitutionTable.Kind.PREFIX, key, "", c.seen, c.changed,
                        c.changed));
            }
        });
        return new SubstitutionTable(lang, dropRedundantPrefixes(entries), comments);
    }

    /** A longer prefix under a shorter kept prefix adds nothing. */
    private static List<SubstitutionTable.Entry> dropRedundantPrefixes(List<SubstitutionTable.Entry> entries) {
        Set<String> prefixKeys = new HashSet<>();
        entries.stream().filter(e -> e.kind() == SubstitutionTable.Kind.PREFIX).forEach(e -> prefixKeys.add(e.key()));
        List<SubstitutionTable.Entry> out = new ArrayList<>();
        for (SubstitutionTable.Entry e : entries) {
            if (e.kind() == SubstitutionTable.Kind.PREFIX && hasShorterPrefix(e.key(), prefixKeys)) {
                continue;
            }
            out.add(e);
        }
        return out;
    }

    private static boolean hasShorterPrefix(String key, Set<String> keys) {
        for (int len = MIN_PREFIX; len < key.length(); len++) {
            if (keys.contains(key.substring(0, len))) {
                return true;
            }
        }
        return false;
    }

    /** A phrase's {@code seen} is how often it occurs on the toxic side at all, not only inside a hunk. */
    private void countPhraseOccurrences() {
        if (phrases.isEmpty()) {
            return;
        }
        for (int s = 0; s < toxicSides.size(); s++) {
            List<String> a = toxicSides.get(s);
            List<Token> ta = toxicTokens.get(s);
            for (int i = 0; i < a.size(); i++) {
                for (int n = 2; n <= options.maxPhraseTokens() && i + n <= a.size(); n++) {
                    Counts c = phrases.get(TableKeys.join(a, ta, i, i + n));
                    if (c != null) {
                        c.seen++;
                    }
                }
            }
        }
        toxicSides.clear();
        toxicTokens.clear();
    }

    private static SubstitutionTable.Entry entry(SubstitutionTable.Kind kind, String key, Counts c) {
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(c.outcomes.entrySet());
        ranked.sort((x, y) -> {
            int cmp = Integer.compare(y.getValue(), x.getValue());
            return cmp != 0 ? cmp : x.getKey().compareTo(y.getKey());
        });
        String best = ranked.isEmpty() ? "" : ranked.get(0).getKey();
        int bestCount = ranked.isEmpty() ? 0 : ranked.get(0).getValue();
        List<SubstitutionTable.Alternative> alternatives = new ArrayList<>();
        int replacements = 0;
        for (int i = 1; i < ranked.size(); i++) {
            Map.Entry<String, Integer> o = ranked.get(i);
            boolean deletion = o.getKey().isEmpty();
            if (deletion || replacements < SubstitutionTable.MAX_ALTERNATIVES && o.getValue() >= 2
                    && o.getKey().indexOf('|') < 0) {
                alternatives.add(new SubstitutionTable.Alternative(o.getKey(), o.getValue()));
                replacements += deletion ? 0 : 1;
            }
        }
        return new SubstitutionTable.Entry(kind, key, best, c.seen, c.changed, bestCount, alternatives);
    }

    private static double rate(Counts c) {
        return c.seen == 0 ? 0.0 : (double) c.changed / c.seen;
    }

    public int pairs() {
        return pairs;
    }

    /** The neutral side's own text from the first to the last token, so "don't" stays "don't". */
    private static String surface(String text, List<Token> tokens, int from, int to) {
        return from >= to ? "" : text.substring(tokens.get(from).start(), tokens.get(to - 1).end());
    }

    static List<Token> wordTokens(String text) {
        List<Token> out = new ArrayList<>();
        for (Token t : Tokenizer.tokenize(text)) {
            if (t.kind().isWordLike()) {
                out.add(t);
            }
        }
        return out;
    }

    static List<String> keys(String text, List<Token> tokens) {
        List<String> out = new ArrayList<>(tokens.size());
        for (Token t : tokens) {
            out.add(TableKeys.normalize(t.text(text)));
        }
        return out;
    }
}
