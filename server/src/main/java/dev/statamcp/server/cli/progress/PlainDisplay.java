package dev.statamcp.server.cli.progress;

import java.io.PrintStream;
import java.time.Duration;

/**
 * For output that is not a terminal (a file, a pipe, a CI log): the log streamed line by line, and a short
 * position line only after a stretch without output, so the file shows the run is alive without burying the log.
 */
public final class PlainDisplay implements RunDisplay {
    static final Duration QUIET_BEFORE_STATUS = Duration.ofSeconds(30);

    private final PrintStream out;
    private long lastWrite = System.nanoTime();

    public PlainDisplay(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void line(String text) {
        out.println(text);
        out.flush();
        lastWrite = System.nanoTime();
    }

    @Override
    public synchronized void note(String text) {
        line(text);
    }

    @Override
    public synchronized void frame(ProgressFrame f) {
        if (System.nanoTime() - lastWrite < QUIET_BEFORE_STATUS.toNanos()) {
            return;
        }
        line("-- " + f.status().wireName() + ", " + ProgressLine.clock(f.elapsed()) + " elapsed, " + f.done()
                + (f.total() != null ? " of " + f.total() : "") + " commands done");
    }

    @Override
    public synchronized void close() {
        out.flush();
    }
}
