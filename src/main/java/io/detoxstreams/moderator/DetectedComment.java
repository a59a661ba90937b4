package io.detoxstreams.moderator;

import io.detoxstreams.ingest.Comment;
import io.detoxstreams.language.LanguageGuess;

/** A comment with its detected language and how long detection took. */
record DetectedComment(Comment comment, LanguageGuess language, long detectMicros) {
}
