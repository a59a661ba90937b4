package io.detoxstreams.ingest;

import java.util.Map;

/**
 * A validated, normalized comment ready for moderation: what the moderator works on after decode → validate →
 * normalize. The text is exactly what the user wrote (models normalize internally and report offsets into it).
 *
 * @param id         the comment id (the producer's, or {@code topic-partition-offset} when it sent a blank one)
 * @param key        the input record key as UTF-8 text, or null when absent or longer than
 *                   {@link CommentNormalizer#KEY_COPY_MAX_BYTES}
 * @param langHint   lower-case ISO 639-1 hint, or null when absent or not a plausible code
 * @param createdAt  when the user wrote it (epoch millis)
 * @param ingestedAt the timestamp of the input record (epoch millis)
 */
public record Comment(String id, String key, String threadId, String authorId, String text, String langHint,
                      long createdAt, long ingestedAt, String source, Map<String, String> attributes) {

    public Comment {
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}
