package io.detoxstreams.train;

import io.detoxstreams.classify.Category;

import java.util.List;

/**
 * The embedded model's output heads in a fixed order: overall toxicity first, then one per {@link Category} that some
 * source of ../shared/data labels — insult, profanity, identity_attack, threat. No source labels sexual content (the
 * profanity lexicons are not labels: they taught "moron" and "fucking" to be sexual), so the model has no
 * {@code sexual} head and never reports that category.
 */
public final class Heads {

    /** The categories the embedded model learns, in head order after toxicity. */
    public static final List<Category> CATEGORIES = List.of(Category.INSULT, Category.PROFANITY,
            Category.IDENTITY_ATTACK, Category.THREAT);
    public static final List<String> NAMES;
    public static final int TOXICITY = 0;
    public static final int COUNT;

    static {
        var names = new java.util.ArrayList<String>();
        names.add("toxicity");
        for (Category c : CATEGORIES) {
            names.add(c.wireName());
        }
        NAMES = List.copyOf(names);
        COUNT = NAMES.size();
    }

    private Heads() {
    }

    /** The head of a learned category; throws for one the model does not learn. */
    public static int of(Category c) {
        int i = CATEGORIES.indexOf(c);
        if (i < 0) {
            throw new IllegalArgumentException("the embedded model has no " + c.wireName() + " head");
        }
        return 1 + i;
    }

    /** All-unknown labels with the toxicity label set. */
    public static float[] labels(float toxic) {
        float[] l = new float[COUNT];
        java.util.Arrays.fill(l, Float.NaN);
        l[TOXICITY] = toxic;
        return l;
    }
}
