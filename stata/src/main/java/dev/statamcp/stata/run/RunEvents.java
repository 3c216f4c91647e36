package dev.statamcp.stata.run;

import dev.statamcp.stata.log.OutputBuffer;
import dev.statamcp.stata.log.OutputLine;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fans a run's events out to its listeners and keeps its lines (within the {@link OutputBuffer} limits) for the
 * result and for listeners that join late, who get the kept lines replayed first. Shared by console and batch
 * handles.
 */
public final class RunEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RunEvents.class);

    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final OutputBuffer buffer;
    private String startedRunId;
    private RunResult finished;

    public RunEvents(OutputBuffer buffer) {
        this.buffer = buffer;
    }

    public OutputBuffer buffer() {
        return buffer;
    }

    public synchronized void add(RunListener listener) {
        if (startedRunId != null) {
            safely(() -> listener.started(startedRunId));
        }
        for (OutputLine line : buffer.lines()) {
            safely(() -> listener.line(line));
        }
        if (finished != null) {
            RunResult r = finished;
            safely(() -> listener.finished(r));
            return;
        }
        listeners.add(listener);
    }

    public void remove(RunListener listener) {
        listeners.remove(listener);
    }

    public synchronized void started(String runId) {
        startedRunId = runId;
        for (RunListener l : listeners) {
            safely(() -> l.started(runId));
        }
    }

    public synchronized void line(OutputLine line) {
        buffer.add(line);
        for (RunListener l : listeners) {
            safely(() -> l.line(line));
        }
    }

    /** Lines delivered so far (including any the buffer no longer keeps). */
    public int lineCountInt() {
        return (int) Math.min(Integer.MAX_VALUE, buffer.total());
    }

    public void progress(RunProgress progress) {
        for (RunListener l : listeners) {
            safely(() -> l.progress(progress));
        }
    }

    public synchronized void finished(RunResult result) {
        finished = result;
        for (RunListener l : listeners) {
            safely(() -> l.finished(result));
        }
        listeners.clear();
    }

    private static void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            LOG.warn("A run listener failed; the run goes on", e);
        }
    }
}
