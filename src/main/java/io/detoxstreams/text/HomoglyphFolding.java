package io.detoxstreams.text;

/** Mixed-script words, part of {@link TokenFolding}: look-alike letters folded into one script. */
final class HomoglyphFolding {

    private HomoglyphFolding() {
    }

    /**
     * Folds a mixed-script word into the one script all its letters can be written in ("іdіоt" → Latin, "xyй" →
     * Cyrillic); when several fit, the script that dominates the whole text wins.
     */
    static void fold(OffsetBuffer t, int[] scriptsByFrequency) {
        int[] counts = new int[4];
        for (int i = 0; i < t.length; i++) {
            if (CharTables.isLetter(t.chars[i])) {
                counts[Homoglyphs.scriptOf(t.chars[i])]++;
            }
        }
        int scripts = (counts[0] > 0 ? 1 : 0) + (counts[1] > 0 ? 1 : 0) + (counts[2] > 0 ? 1 : 0);
        if (scripts < 2) {
            return;
        }
        int target = -1;
        for (int script : scriptsByFrequency) {
            if (counts[script] > 0 && foldsCompletely(t, script)) {
                target = script;
                break;
            }
        }
        if (target < 0) {
            return;
        }
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            int s = Homoglyphs.scriptOf(c);
            if (s != target && s != Homoglyphs.OTHER) {
                t.chars[i] = Homoglyphs.fold(c, target);
            }
        }
    }

    private static boolean foldsCompletely(OffsetBuffer t, int script) {
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            int s = Homoglyphs.scriptOf(c);
            if (s != script && s != Homoglyphs.OTHER && Homoglyphs.fold(c, script) == c) {
                return false;
            }
        }
        return true;
    }
}
