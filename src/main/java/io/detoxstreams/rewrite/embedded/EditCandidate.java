package io.detoxstreams.rewrite.embedded;

/**
 * One candidate edit of an {@link EditChooser} site: delete tokens {@code [from, to)} and put {@code filler} there
 * (null: nothing; {@code base}: leave the decision as it stands), optionally deleting the indefinite article at
 * {@code article} too (-1: none); {@code prior} is the natural log of how often editors made that edit of these words;
 * {@code phrase}: the deleted stretch is a toxic phrase of the table ("the fuck", "piece of shit"), so deleting its
 * words beyond the site costs no content.
 */
record EditCandidate(int from, int to, EditPieces.Filler filler, boolean base, double prior, int article,
                     boolean phrase) {

    EditCandidate(int from, int to, EditPieces.Filler filler, boolean base, double prior) {
        this(from, to, filler, base, prior, -1, false);
    }
}
