package io.detoxstreams.testing;

import io.detoxstreams.avro.CommentEvent;

import java.time.Instant;
import java.util.Map;

/** Builders of comment events for tests. */
public final class Comments {

    private Comments() {
    }

    public static CommentEvent event(String id, String text, String langHint) {
        return CommentEvent.newBuilder()
                .setId(id).setThreadId("t-1").setAuthorId("a-" + id).setText(text).setLangHint(langHint)
                .setCreatedAt(Instant.ofEpochMilli(1_700_000_000_000L)).setSource("test")
                .setAttributes(Map.of("k", "v"))
                .build();
    }
}
