package io.detoxstreams.classify.embedded;

/**
 * The classifier's feature hashes of normalized text (no lexicon features), into a buffer kept between calls: what
 * the embedded language-id model reads for every comment, without allocating per comment. Not thread-safe; one per
 * thread.
 */
public final class FeatureHasher {

    private final Featurizer featurizer;
    private final FeatureBuffer buffer = new FeatureBuffer();

    public FeatureHasher(int maxCharN) {
        this.featurizer = new Featurizer(maxCharN);
    }

    /**
     * @return how many hashes {@code normalized} has; they are the first that many of {@link #hashes()}, valid until
     *         the next call
     */
    public int extract(CharSequence normalized) {
        featurizer.extract(normalized, buffer);
        return buffer.size;
    }

    /** The buffer holding the hashes of the last {@link #extract}; longer than their count. */
    public int[] hashes() {
        return buffer.hashes;
    }
}
