package io.detoxstreams.config;

import java.util.List;

/** The topic names in force, from configuration ({@code topic.*}). */
public record TopicNames(String comments, String detoxified, String toxic, String review, String dlq,
                         String metrics, String outcomes) {

    /** The default names ({@link Topics}). */
    public static TopicNames defaults() {
        return new TopicNames(Topics.COMMENTS, Topics.DETOXIFIED, Topics.TOXIC, Topics.REVIEW, Topics.DLQ,
                Topics.METRICS, Topics.OUTCOMES);
    }

    public List<String> all() {
        return List.of(comments, detoxified, toxic, review, dlq, metrics, outcomes);
    }
}
