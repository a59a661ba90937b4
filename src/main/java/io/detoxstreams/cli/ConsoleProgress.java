package io.detoxstreams.cli;

import io.detoxstreams.train.Progress;

import java.io.PrintStream;

/** A one-line progress bar on stderr, redrawn at most every 200 ms and finished with a newline per phase. */
final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;
    private final PrintStream out;
    private String phase = "";
    private long lastDraw;
    private final long started = System.nanoTime();
    private final boolean interactive = System.console() != null;

    ConsoleProgress(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void update(String phase, long done, long total) {
        long now = System.nanoTime();
        boolean finished = done >= total;
        if (!phase.equals(this.phase)) {
            this.phase = phase;
            lastDraw = 0;
        }
        if (!finished && now - lastDraw < (interactive ? 200_000_000L : 10_000_000_000L)) {
            return;
        }
        lastDraw = now;
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String bar = "#".repeat(filled) + "-".repeat(WIDTH - filled);
        double secs = (now - started) / 1e9;
        out.printf((interactive ? "\r" : "") + "%-22s [%s] %3d%% %,d/%,d  %5.0fs", phase, bar, total == 0 ? 100 : (int) (100 * done / total),
                done, total, secs);
        if (finished || !interactive) {
            out.println();
        }
        out.flush();
    }
}
