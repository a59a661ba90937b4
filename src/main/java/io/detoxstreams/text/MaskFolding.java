package io.detoxstreams.text;

/** Masked letters, part of {@link TokenFolding}: {@code f*ck}, {@code b**ch}, {@code г*вно} resolved by a dictionary. */
final class MaskFolding {

    private static final String MASK_CHARS = "*#%_";

    private MaskFolding() {
    }

    /** {@code f*ck}, {@code b**ch}, {@code f#ck}: letters around mask characters, resolved by the dictionary. */
    static OffsetBuffer fold(OffsetBuffer t, OffsetBuffer spare, MaskDictionary masks) {
        int first = -1;
        int last = -1;
        boolean masked = false;
        for (int i = 0; i < t.length; i++) {
            char c = t.chars[i];
            if (CharTables.isLetter(c)) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        if (first < 0) {
            return t;
        }
        int end = last + 1;
        // Allow trailing mask chars after the letters ("sh**"), but not before them.
        while (end < t.length && MASK_CHARS.indexOf(t.chars[end]) >= 0) {
            end++;
        }
        for (int i = first; i < end; i++) {
            char c = t.chars[i];
            if (MASK_CHARS.indexOf(c) >= 0) {
                masked = true;
            } else if (!CharTables.isLetter(c)) {
                return t;
            }
        }
        if (!masked) {
            return t;
        }
        String pattern = new String(t.chars, first, end - first);
        String word = masks.resolve(pattern);
        if (word == null) {
            word = masks.fill(pattern);
        }
        if (word == null) {
            return t;
        }
        OffsetBuffer r = spare;
        r.length = 0;
        for (int i = 0; i < first; i++) {
            r.copy(t, i);
        }
        int inLen = end - first;
        for (int k = 0; k < word.length(); k++) {
            int src = first + Math.min(inLen - 1, (int) ((long) k * inLen / word.length()));
            r.append(word.charAt(k), t.starts[src], t.ends[src]);
        }
        for (int i = end; i < t.length; i++) {
            r.copy(t, i);
        }
        return r;
    }
}
