package io.detoxstreams.failure;

import java.util.ArrayList;
import java.util.List;

/** What a proof started (broker, stages, fake servers), closed in reverse order after it: the broker, started first, last. */
final class StartedProcesses implements AutoCloseable {

    private final List<AutoCloseable> open = new ArrayList<>();

    /** Registers {@code resource} to be closed after the proof and returns it. */
    <T extends AutoCloseable> T add(T resource) {
        open.add(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        open.clear();
    }
}
