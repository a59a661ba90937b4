package io.detoxstreams.explain;

import java.util.Locale;

/** What a rewriter did to one toxic span. */
public enum EditAction {
    DELETED, REPLACED, KEPT, REPHRASED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
