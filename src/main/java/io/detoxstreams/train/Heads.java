package io.detoxstreams.train;

import io.detoxstreams.classify.Category;

import java.util.List;

/** The model's output heads in a fixed order: overall toxicity first, then one per {@link Category}. */
public final class Heads {

    public static final List<String> NAMES;
    public static final int TOXICITY = 0;
    public static final int COUNT;

    static {
        var names = new java.util.ArrayList<String>();
        names.add("toxicity");
        for (Category c : Category.values()) {
            names.add(c.wireName());
        }
        NAMES = List.copyOf(names);
        COUNT = NAMES.size();
    }

    private Heads() {
    }

    public static int of(Category c) {
        return 1 + c.ordinal();
    }

    /** All-unknown labels with the toxicity label set. */
    public static float[] labels(float toxic) {
        float[] l = new float[COUNT];
        java.util.Arrays.fill(l, Float.NaN);
        l[TOXICITY] = toxic;
        return l;
    }
}
