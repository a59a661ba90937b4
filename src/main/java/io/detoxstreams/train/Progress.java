package io.detoxstreams.train;

/** Receives progress of long work (training, evaluation); implementations draw a bar or log. */
public interface Progress {

    Progress NONE = (phase, done, total) -> { };

    void update(String phase, long done, long total);
}
