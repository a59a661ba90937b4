package io.detoxstreams.ingest;

import io.detoxstreams.avro.CommentEvent;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Step 3 of ingestion: a valid event → {@link Comment}. Fills what a producer may leave out (a blank id becomes
 * {@code topic-partition-offset}, a missing creation time the record timestamp) and cleans the language hint
 * ({@code "EN-us"} → {@code "en"}; anything that is not a two- or three-letter code is dropped). The text itself is
 * left exactly as written: the models normalize internally and report offsets into the original. The record key is
 * copied as text only up to {@link #KEY_COPY_MAX_BYTES}.
 */
public final class CommentNormalizer {

    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");
    /**
     * Longest record key copied into the result's {@code key} field; a longer key stays on the record only, so a key
     * is never carried twice at any length.
     */
    public static final int KEY_COPY_MAX_BYTES = 1_024;

    public Comment normalize(CommentEvent e, byte[] key, String topic, int partition, long offset, long timestamp) {
        String id = e.getId() == null || e.getId().isBlank() ? topic + "-" + partition + "-" + offset : e.getId().trim();
        long created = e.getCreatedAt() == null || e.getCreatedAt().toEpochMilli() <= 0
                ? timestamp : e.getCreatedAt().toEpochMilli();
        return new Comment(id, key == null || key.length > KEY_COPY_MAX_BYTES ? null : new String(key, StandardCharsets.UTF_8), e.getThreadId(),
                e.getAuthorId(), e.getText(), langHint(e.getLangHint()), created, timestamp, e.getSource(),
                e.getAttributes());
    }

    static String langHint(String hint) {
        if (hint == null) {
            return null;
        }
        String h = hint.trim().toLowerCase(Locale.ROOT);
        int dash = h.indexOf('-') >= 0 ? h.indexOf('-') : h.indexOf('_');
        if (dash > 0) {
            h = h.substring(0, dash);
        }
        return LANG.matcher(h).matches() ? h : null;
    }
}
