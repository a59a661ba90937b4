package io.detoxstreams.rewrite;

/** What happened to a comment. */
public enum Action {
    /** Clean: published unchanged to {@code comments.detoxified}. */
    PASS,
    /** Toxic, rewritten and verified: the neutral version is published to {@code comments.detoxified}. */
    REWRITE,
    /** Toxic and not safely rewritable: sent to {@code comments.review}, never published. */
    HOLD
}
