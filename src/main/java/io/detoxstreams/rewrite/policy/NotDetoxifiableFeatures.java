package io.detoxstreams.rewrite.policy;

import io.detoxstreams.classify.Category;
import io.detoxstreams.classify.ToxicSpan;
import io.detoxstreams.classify.ToxicityResult;
import io.detoxstreams.text.TableKeys;
import io.detoxstreams.text.Token;
import io.detoxstreams.text.Tokenizer;

import java.util.Arrays;
import java.util.List;

/**
 * The features {@link NotDetoxifiableModel} scores: what the comment says and what would be left once its toxic spans
 * are gone. From the tokens of the original and the classifier's spans (no second classifier call, no text
 * normalization, so it costs a tokenization):
 * <ul>
 *   <li>hashed sparse features: every word marked as inside a toxic span ({@code t:idiot}) or kept
 *       ({@code k:are}), word bigrams with sentence boundaries, and the comment's shape — the sequence of
 *       toxic/kept words ({@code wwX}, "you are X") up to {@link #MAX_SHAPE} words;</li>
 *   <li>{@link #DENSE} dense features: the classifier's score and its five category scores, the share of words
 *       inside spans, and the (log) number of words outside spans.</li>
 * </ul>
 * Hashes use {@link String#hashCode()} (fixed by the Java specification) and a MurmurHash3 finalizer, so a model
 * trained on one JVM scores identically on any other. Stateless and thread-safe.
 */
public final class NotDetoxifiableFeatures {

    /** Number of dense features. */
    public static final int DENSE = 9;
    static final int MAX_SHAPE = 12;
    private static final List<String> CATEGORIES = Arrays.stream(Category.values())
            .map(Category::wireName).toList();

    private NotDetoxifiableFeatures() {
    }

    /** The sparse hashes (unmasked) and dense values of one comment. */
    public record Vector(int[] hashes, double[] dense) {
    }

    public static Vector of(String text, ToxicityResult toxicity) {
        List<Token> tokens = Tokenizer.tokenize(text);
        List<ToxicSpan> spans = toxicity.spans();
        int[] hashes = new int[3 * tokens.size() + 2];
        int n = 0;
        int words = 0;
        int toxicWords = 0;
        StringBuilder shape = new StringBuilder("s:");
        String previous = "<s>";
        for (Token t : tokens) {
            if (!t.kind().isWordLike()) {
                continue;
            }
            String w = TableKeys.normalize(t.text(text));
            boolean toxic = inSpan(t, spans);
            words++;
            toxicWords += toxic ? 1 : 0;
            hashes[n++] = finish(concat(toxic ? TOXIC : KEPT, w));
            hashes[n++] = finish(concat(concat(concat(BIGRAM, previous), ' '), w));
            previous = w;
            if (words <= MAX_SHAPE) {
                shape.append(toxic ? 'X' : 'w');
            } else if (words == MAX_SHAPE + 1) {
                shape.append('+');
            }
        }
        hashes[n++] = finish(concat(concat(concat(BIGRAM, previous), ' '), "</s>"));
        hashes[n++] = hash(shape.toString());
        double[] dense = new double[DENSE];
        dense[0] = toxicity.score();
        for (int c = 0; c < CATEGORIES.size() && c < 5; c++) {
            dense[1 + c] = toxicity.categories().getOrDefault(CATEGORIES.get(c), 0.0);
        }
        dense[6] = words == 0 ? 0.0 : (double) toxicWords / words;
        dense[7] = Math.log1p(words - toxicWords) / 3.0;
        dense[8] = Math.log1p(words) / 3.0;
        return new Vector(Arrays.copyOf(hashes, n), dense);
    }

    private static boolean inSpan(Token t, List<ToxicSpan> spans) {
        for (ToxicSpan s : spans) {
            if (t.overlaps(s.start(), s.end())) {
                return true;
            }
        }
        return false;
    }

    /** {@link String#hashCode()} through the MurmurHash3 32-bit finalizer. */
    static int hash(String feature) {
        return finish(feature.hashCode());
    }

    private static final int TOXIC = "t:".hashCode();
    private static final int KEPT = "k:".hashCode();
    private static final int BIGRAM = "b:".hashCode();

    /**
     * {@code (a + s).hashCode()} from {@code a.hashCode()}, without building the string: the hash is the polynomial
     * {@code sum c[i] * 31^(n-1-i)}, so appending {@code s} multiplies by {@code 31^|s|} and adds {@code s}'s hash
     * (which a token's text has cached).
     */
    static int concat(int hashOfA, String s) {
        int p = 1;
        for (int i = 0; i < s.length(); i++) {
            p *= 31;
        }
        return hashOfA * p + s.hashCode();
    }

    /** {@code (a + c).hashCode()} from {@code a.hashCode()}. */
    static int concat(int hashOfA, char c) {
        return hashOfA * 31 + c;
    }

    private static int finish(int hash) {
        int h = hash;
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }
}
