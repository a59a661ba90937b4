package io.detoxstreams.explain;

import java.util.Locale;

/**
 * Why a comment was held for review instead of being published: by the moderator ({@link #THREAT}, {@link #SELF_HARM}
 * on every comment; {@link #UNSUPPORTED_LANGUAGE} and {@link #UNCERTAIN} when configured to review), or by the
 * rewriter (the others).
 */
public enum HoldReason {
    NOT_DETOXIFIABLE("the comment's meaning is the insult itself; nothing neutral is left to keep"),
    THREAT("threats are never rewritten"),
    SELF_HARM("self-harm content is never rewritten"),
    STILL_TOXIC("the rewrite still scores above the language threshold"),
    MEANING_LOST("only removing what the comment is about, or most of it, would make it acceptable"),
    NOT_FLUENT("the rewrite does not read as a sentence: it scores below the range of human rewrites in this language"),
    LANGUAGE_CHANGED("the rewrite is not in the language of the original"),
    EMPTY_REWRITE("nothing is left after removing the toxic parts"),
    BACKEND_FAILED("every rewrite backend failed"),
    UNSUPPORTED_LANGUAGE("the model has no data for this language, or none could be detected"),
    UNCERTAIN("the model is not sure enough to rewrite it");

    private final String description;

    HoldReason(String description) {
        this.description = description;
    }

    /** Machine-readable code, e.g. {@code still_toxic}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }
}
