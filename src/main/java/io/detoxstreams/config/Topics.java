package io.detoxstreams.config;

import java.util.List;

/**
 * Default topic names of the pipeline (DESIGN §1, §2). The names in force come from {@link DetoxConfig}
 * ({@code topic.*} keys); these constants are their defaults and what tests and docs refer to.
 */
public final class Topics {

    /** Input: CommentEvent records published by applications. */
    public static final String COMMENTS = "comments";
    /** Output: PASS and REWRITE verdicts (ModerationResult), safe to show. */
    public static final String DETOXIFIED = "comments.detoxified";
    /** Internal: toxic comments (ModerationResult, action PENDING) from the moderator to the rewriter. */
    public static final String TOXIC = "comments.toxic";
    /** Output: HOLD verdicts (ModerationResult) for human review. */
    public static final String REVIEW = "comments.review";
    /** Output: input records that could not be moderated, unchanged, with error headers. */
    public static final String DLQ = "comments.dlq";
    /** Output: per-language LanguageMetrics (the moderator's metrics sub-topology). */
    public static final String METRICS = "moderation.metrics";
    /** Internal: one outcome event per rewriter result, for the moderator's metrics (written in the same transaction). */
    public static final String OUTCOMES = "comments.outcomes";

    public static final List<String> ALL = List.of(COMMENTS, DETOXIFIED, TOXIC, REVIEW, DLQ, METRICS, OUTCOMES);

    private Topics() {
    }
}
