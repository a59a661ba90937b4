package io.detoxstreams.rewrite.embedded;

import io.detoxstreams.text.Tokenizer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A per-language table of what human editors do to toxic words, mined from parallel toxic→neutral pairs by
 * {@link SubstitutionMiner}: for a word or short phrase (a {@code word} entry), how often it occurred on the toxic side
 * ({@code seen}), how often editors changed it ({@code changed}), and the most frequent outcome ({@code replacement},
 * empty = deleted); {@code prefix} entries generalise over inflected forms (a stem that editors nearly always
 * remove); {@code keep} entries are frequent words editors almost never touch; {@code context} entries are what
 * editors put after a given word in place of a toxic stretch (softening templates: "are" → "wrong"). Word and
 * context entries also list the next most frequent replacements.
 *
 * <p>Stored as a TSV resource ({@code rewrite/substitutions-<lang>.tsv}: {@code #} comment lines, then
 * {@code kind key replacement seen changed chosen alternatives}, alternatives as {@code phrase=count|…}); read with {@link #read(InputStream, String)}. Immutable and
 * thread-safe.
 */
public final class SubstitutionTable {

    /** What kind of evidence an entry is. */
    public enum Kind {
        WORD, PREFIX, KEEP, CONTEXT;

        String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Another replacement editors chose for an entry, and how often. */
    public record Alternative(String replacement, int count) {
    }

    /**
     * One mined entry.
     *
     * @param replacement  the most frequent edit: {@code ""} means delete
     * @param seen         occurrences on the toxic side (one per toxic/reference pair)
     * @param changed      occurrences that editors deleted or replaced
     * @param chosen       occurrences that got exactly {@code replacement}
     * @param alternatives the next most frequent replacements (at most {@link #MAX_ALTERNATIVES} non-empty ones), and
     *                     the deletion count ({@code ""}) when deleting is not the most frequent edit
     */
    public record Entry(Kind kind, String key, String replacement, int seen, int changed, int chosen,
                        List<Alternative> alternatives) {

        public Entry {
            alternatives = List.copyOf(alternatives);
        }

        public Entry(Kind kind, String key, String replacement, int seen, int changed, int chosen) {
            this(kind, key, replacement, seen, changed, chosen, List.of());
        }

        public double changeRate() {
            return seen == 0 ? 0.0 : (double) changed / seen;
        }

        public boolean deletes() {
            return replacement.isEmpty();
        }

        /** How often editors chose {@code r} ({@code ""} = delete) for this entry, as far as the table records. */
        public int count(String r) {
            if (r.equals(replacement)) {
                return chosen;
            }
            for (Alternative a : alternatives) {
                if (a.replacement().equals(r)) {
                    return a.count();
                }
            }
            return 0;
        }
    }

    static final String HEADER = "kind\tkey\treplacement\tseen\tchanged\tchosen\talternatives";
    /** Alternatives kept per entry. */
    public static final int MAX_ALTERNATIVES = 3;

    private final String lang;
    private final Map<String, Entry> words;
    private final Map<String, Entry> prefixes;
    private final Map<String, Entry> keeps;
    private final Map<String, Entry> contexts;
    private final int maxPhraseTokens;
    private final int minPrefix;
    private final int maxPrefix;
    private final List<String> comments;

    SubstitutionTable(String lang, Collection<Entry> entries, List<String> comments) {
        this.lang = lang;
        this.comments = List.copyOf(comments);
        Map<String, Entry> w = new HashMap<>();
        Map<String, Entry> p = new HashMap<>();
        Map<String, Entry> k = new HashMap<>();
        Map<String, Entry> c = new HashMap<>();
        int maxTokens = 1;
        int minP = Integer.MAX_VALUE;
        int maxP = 0;
        for (Entry e : entries) {
            switch (e.kind()) {
                case WORD -> {
                    w.put(e.key(), e);
                    maxTokens = Math.max(maxTokens, phraseTokens(e.key()));
                }
                case PREFIX -> {
                    p.put(e.key(), e);
                    minP = Math.min(minP, e.key().length());
                    maxP = Math.max(maxP, e.key().length());
                }
                case KEEP -> k.put(e.key(), e);
                case CONTEXT -> c.put(e.key(), e);
            }
        }
        // HashMaps, never modified after this: looked up for every word of every rewrite, where they probe faster than
        // Map.copyOf's open addressing does on the many misses.
        this.words = w;
        this.prefixes = p;
        this.keeps = k;
        this.contexts = c;
        this.maxPhraseTokens = maxTokens;
        this.minPrefix = minP == Integer.MAX_VALUE ? 0 : minP;
        this.maxPrefix = maxP;
    }

    /** Han phrases are keyed without spaces, so their token count is their code-point count. */
    private static int phraseTokens(String key) {
        int spaces = 0;
        boolean han = false;
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == ' ') {
                spaces++;
            } else if (Tokenizer.isHan(c)) {
                han = true;
            }
        }
        return han ? Math.max(spaces + 1, key.codePointCount(0, key.length())) : spaces + 1;
    }

    public String lang() {
        return lang;
    }

    public int maxPhraseTokens() {
        return maxPhraseTokens;
    }

    public Entry word(String key) {
        return words.get(key);
    }

    public Entry keep(String key) {
        return keeps.get(key);
    }

    /**
     * What editors put after the word {@code left} in place of a toxic stretch (a softening template: "you are
     * [an idiot]" → "you are wrong"), or null.
     */
    public Entry context(String left) {
        return contexts.get(left);
    }

    /** The longest {@code prefix} entry that starts {@code key}, or null. */
    public Entry prefixOf(String key) {
        for (int len = Math.min(maxPrefix, key.length() - 1); len >= minPrefix && len > 0; len--) {
            Entry e = prefixes.get(key.substring(0, len));
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    public int size() {
        return words.size() + prefixes.size() + keeps.size() + contexts.size();
    }

    /** All entries in a stable order (kind, then key). */
    public List<Entry> entries() {
        List<Entry> all = new ArrayList<>(size());
        all.addAll(words.values());
        all.addAll(prefixes.values());
        all.addAll(keeps.values());
        all.addAll(contexts.values());
        all.sort(Comparator.comparing(Entry::kind).thenComparing(Entry::key));
        return all;
    }

    public void write(Writer out) throws IOException {
        for (String c : comments) {
            out.write("# " + c + "\n");
        }
        out.write(HEADER + "\n");
        for (Entry e : entries()) {
            StringBuilder alternatives = new StringBuilder();
            for (Alternative a : e.alternatives()) {
                alternatives.append(alternatives.length() == 0 ? "" : "|").append(a.replacement()).append('=')
                        .append(a.count());
            }
            out.write(e.kind().wire() + "\t" + e.key() + "\t" + e.replacement() + "\t" + e.seen() + "\t"
                    + e.changed() + "\t" + e.chosen() + "\t" + alternatives + "\n");
        }
    }

    /** Reads a table written by {@link #write}; {@code origin} names the source in error messages. */
    public static SubstitutionTable read(InputStream in, String lang, String origin) {
        List<Entry> entries = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null) {
                lineNo++;
                if (line.startsWith("#")) {
                    comments.add(line.substring(1).trim());
                    continue;
                }
                if (line.isEmpty() || line.startsWith("kind\tkey\t")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 6 && f.length != 7) {
                    throw new IllegalArgumentException(origin + ":" + lineNo + ": expected 7 columns, got " + f.length);
                }
                entries.add(new Entry(Kind.valueOf(f[0].toUpperCase(java.util.Locale.ROOT)), f[1], f[2],
                        Integer.parseInt(f[3]), Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                        f.length == 7 ? alternatives(f[6], origin, lineNo) : List.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read substitution table " + origin, e);
        }
        return new SubstitutionTable(lang, entries, comments);
    }

    private static List<Alternative> alternatives(String cell, String origin, int lineNo) {
        if (cell.isEmpty()) {
            return List.of();
        }
        List<Alternative> out = new ArrayList<>();
        for (String part : cell.split("\\|")) {
            int eq = part.lastIndexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(origin + ":" + lineNo + ": bad alternative '" + part + "'");
            }
            out.add(new Alternative(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1))));
        }
        return out;
    }

    public static SubstitutionTable read(InputStream in, String lang) {
        return read(in, lang, "substitutions-" + lang);
    }
}
