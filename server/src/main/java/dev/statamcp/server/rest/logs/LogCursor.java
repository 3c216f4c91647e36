package dev.statamcp.server.rest.logs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a job's log forward from a byte offset and says of each line whether the job printed it. Opening at an
 * offset in the middle of a log rebuilds what the region tracker must know without reading the log from the start:
 * the engine's preamble (a few dozen lines at the top) and, just before the offset, whether the output already ended.
 */
public final class LogCursor implements AutoCloseable {
    /** How far back from the offset the end of the output is looked for (the engine's trailer is a few KiB). */
    private static final long END_LOOKBACK = 256 * 1024;
    /** What Stata writes when an included file ends: {@code . }, {@code end of do-file}, blank lines. */
    private static final Set<String> CLOSING = Set.of("", ".", "end of do-file");

    /** A line of the log: its byte range, text, whether it is an echoed command, and whether the job printed it. */
    public record Line(long offset, long next, String text, boolean echo, boolean output, boolean cut) {
    }

    private final LogLineReader reader;
    private final OutputRegion region;
    /** Lines that may be the include's closing lines; decided by the line after them. */
    private final ArrayDeque<Line> held = new ArrayDeque<>();
    private final ArrayDeque<Line> ready = new ArrayDeque<>();

    private LogCursor(LogLineReader reader, OutputRegion region) {
        this.reader = reader;
        this.region = region;
    }

    /**
     * Opens the log at {@code offset} (moved to the next line start when it falls inside a line).
     *
     * @param wrapped true for console session runs, whose log carries the engine's wrapper
     */
    public static LogCursor open(Path log, boolean wrapped, long offset) throws IOException {
        LogLineReader reader = LogLineReader.open(log, 0);
        try {
            long target = Math.max(0, Math.min(offset, reader.size()));
            OutputRegion region = wrapped ? OutputRegion.wrapped() : OutputRegion.plain();
            if (wrapped && target > 0) {
                locate(reader, region, target);
            }
            reader.seekLineStart(target);
            return new LogCursor(reader, region);
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    /** Reads the preamble up to the offset, then looks just before the offset for the end of the output. */
    private static void locate(LogLineReader reader, OutputRegion region, long target) throws IOException {
        long outputStart = -1;
        for (LogLineReader.RawLine l; (l = reader.next(false)) != null && l.next() <= target; ) {
            region.accept(l.text());
            if (region.phase() == OutputRegion.Phase.OUTPUT || region.phase() == OutputRegion.Phase.POST) {
                outputStart = l.next();
                break;
            }
        }
        if (region.phase() != OutputRegion.Phase.OUTPUT || outputStart >= target) {
            return;
        }
        reader.seekLineStart(Math.max(outputStart, target - END_LOOKBACK));
        for (LogLineReader.RawLine l; (l = reader.next(false)) != null && l.next() <= target; ) {
            if (region.isEndEcho(l.text())) {
                region.endReached();
                return;
            }
        }
    }

    /** The byte offset of the next line {@link #next} returns. */
    public long position() {
        if (!ready.isEmpty()) {
            return ready.peekFirst().offset();
        }
        if (!held.isEmpty()) {
            return held.peekFirst().offset();
        }
        return reader.position();
    }

    public long size() throws IOException {
        return reader.size();
    }

    /** Whether the job's output is over (the rest of the log is the engine's). */
    public boolean outputEnded() {
        return region.phase() == OutputRegion.Phase.POST;
    }

    /**
     * The next line, or null when no complete line is left; {@code takePartial} also returns a last line without
     * its line break (for a log that no longer grows).
     */
    public Line next(boolean takePartial) throws IOException {
        while (ready.isEmpty()) {
            LogLineReader.RawLine raw = reader.next(takePartial);
            if (raw == null) {
                if (takePartial && !held.isEmpty()) { // the log is over without the engine's end: they were output
                    ready.addAll(held);
                    held.clear();
                    continue;
                }
                return null;
            }
            boolean before = region.phase() == OutputRegion.Phase.OUTPUT;
            boolean output = region.accept(raw.text());
            Line line = new Line(raw.offset(), raw.next(), raw.text(), OutputRegion.isEcho(raw.text()), output,
                    raw.cut());
            if (output && CLOSING.contains(raw.text().stripTrailing()) && region.runId() != null) {
                held.addLast(line);
                continue;
            }
            if (before && region.phase() == OutputRegion.Phase.POST) {
                dropClosingLines();
            }
            ready.addAll(held);
            held.clear();
            ready.addLast(line);
        }
        return ready.pollFirst();
    }

    /**
     * The code of a session run is included from a file, so Stata closes it with {@code . }, {@code end of do-file}
     * and blank lines, which the user never wrote: at the engine's END marker, those held lines are hidden.
     */
    private void dropClosingLines() {
        List<Line> lines = new ArrayList<>(held);
        int end = -1;
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).text().stripTrailing().equals("end of do-file")) {
                end = i;
                break;
            }
        }
        // Without an "end of do-file" among them, reading started inside the closing lines: all of them go.
        int cut = end < 0 ? 0 : end;
        while (cut > 0 && !lines.get(cut - 1).text().stripTrailing().equals("end of do-file")) {
            cut--;
        }
        held.clear();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            held.addLast(i < cut ? l : new Line(l.offset(), l.next(), l.text(), l.echo(), false, l.cut()));
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
