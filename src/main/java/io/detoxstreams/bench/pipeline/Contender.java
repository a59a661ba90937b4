package io.detoxstreams.bench.pipeline;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One application a run times: a {@link Variant} and, for a tuning comparison, configuration that only it gets (e.g.
 * the moderator with {@code kafka.commit.interval.ms=500} beside the plain moderator, interleaved in the same rounds).
 *
 * @param name      {@code variant.id()} when plain, {@code variant/tag} when tuned
 * @param overrides configuration keys set for this contender only (empty when plain)
 */
public record Contender(String name, Variant variant, Map<String, String> overrides) {

    public Contender {
        overrides = Map.copyOf(overrides);
    }

    public static Contender plain(Variant v) {
        return new Contender(v.id(), v, Map.of());
    }

    /**
     * Parses {@code TAG=VARIANT:KEY=VALUE[,KEY=VALUE…]}, e.g. {@code c500=moderator:kafka.commit.interval.ms=500},
     * into the contender {@code moderator/c500}.
     */
    public static Contender parse(String spec) {
        int eq = spec.indexOf('=');
        int colon = spec.indexOf(':');
        if (eq <= 0 || colon < eq + 2 || colon == spec.length() - 1) {
            throw new IllegalArgumentException("a tuned variant is TAG=VARIANT:KEY=VALUE[,KEY=VALUE...], e.g. "
                    + "c500=moderator:kafka.commit.interval.ms=500; got '" + spec + "'");
        }
        String tag = spec.substring(0, eq).trim();
        Variant v = Variant.of(spec.substring(eq + 1, colon));
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String kv : spec.substring(colon + 1).split(",")) {
            int i = kv.indexOf('=');
            if (i <= 0) {
                throw new IllegalArgumentException("not KEY=VALUE: '" + kv + "' in '" + spec + "'");
            }
            overrides.put(kv.substring(0, i).trim(), kv.substring(i + 1).trim());
        }
        return new Contender(v.id() + "/" + tag, v, overrides);
    }

    /** The name as it may appear in topic names and application ids. */
    public String slug() {
        return name.replace('/', '-');
    }

    public boolean tuned() {
        return !overrides.isEmpty();
    }

    /** For tables: the variant's label, and the tuning when there is one. */
    public String label() {
        return tuned() ? variant.label() + " " + overrides : variant.label();
    }
}
