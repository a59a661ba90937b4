package io.detoxstreams.data;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The project's fixed train/dev/test split of labelled data: 70% / 15% / 15%, decided by a stable hash of a
 * normalized key (the text; the template id for functional tests; the toxic side for detox pairs), so identical texts
 * always land on the same side and every tool (train, eval classification, eval detox) agrees on it. The {@link #TEST}
 * part is never trained on.
 */
public enum Split {
    TRAIN, DEV, TEST;

    /** Bucket boundaries in percent. */
    static final int TRAIN_PERCENT = 70;
    static final int DEV_PERCENT = 15;

    public static Split of(String key) {
        int bucket = (int) Long.remainderUnsigned(hash(normalizeKey(key)), 100);
        if (bucket < TRAIN_PERCENT) {
            return TRAIN;
        }
        return bucket < TRAIN_PERCENT + DEV_PERCENT ? DEV : TEST;
    }

    /** Case-fold and collapse whitespace, as the data set's own de-duplication did. */
    static String normalizeKey(String key) {
        return key.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
    }

    /** FNV-1a over UTF-8, finished with the SplitMix64 mixer; stable across JVMs and releases. */
    static long hash(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= (b & 0xff);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 30;
        h *= 0xbf58476d1ce4e5b9L;
        h ^= h >>> 27;
        h *= 0x94d049bb133111ebL;
        return h ^ (h >>> 31);
    }
}
