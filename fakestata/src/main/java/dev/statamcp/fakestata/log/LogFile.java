package dev.statamcp.fakestata.log;

import dev.statamcp.fakestata.out.Sink;
import dev.statamcp.fakestata.out.Style;
import dev.statamcp.fakestata.out.Utf8Buffer;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/**
 * One open log file. Readers tail these files while a run is going, so a line reaches the file as soon as it is
 * complete, except in a flood: a line is flushed at once when the previous flush is older than
 * {@link #FLUSH_INTERVAL_NANOS}, otherwise it waits for the next flush point (the next line after the interval, a
 * poll between loop iterations or rows, the end of a command, or any wait). Per-line system calls would make a
 * gigabyte of output take minutes; this keeps the latency of a quiet line at zero and of a flooded one under a
 * few milliseconds. Only the printing thread calls these methods, without a lock; the shutdown hook has that thread
 * flush, or flushes once it cannot be writing (see {@link dev.statamcp.fakestata.out.ExitFlush}).
 */
public final class LogFile implements Sink {
    static final long FLUSH_INTERVAL_NANOS = 2_000_000L;

    private final String name;
    private final Path path;
    private final LogKind kind;
    private final Utf8Buffer writer;
    private boolean on = true;
    private Style current;
    private boolean dirty;
    private long lastFlush = System.nanoTime();
    /** Lines written since the last flush: in a flood the clock is read on every 16th line only. */
    private int pendingLines;

    private LogFile(String name, Path path, LogKind kind, Utf8Buffer writer) {
        this.name = name;
        this.path = path;
        this.kind = kind;
        this.writer = writer;
    }

    /** Opens (creates, truncates or appends to) the file; the caller has already checked replace/append rules. */
    public static LogFile open(String name, Path path, LogKind kind, boolean append) throws IOException {
        return new LogFile(name, path, kind, new Utf8Buffer(new FileOutputStream(path.toFile(), append), 65536));
    }

    /** The log's name, or null for the unnamed log. */
    public String name() {
        return name;
    }

    public String displayName() {
        return name == null ? "<unnamed>" : name;
    }

    public Path path() {
        return path;
    }

    public LogKind kind() {
        return kind;
    }

    public boolean isOn() {
        return on;
    }

    public void setOn(boolean on) {
        this.on = on;
    }

    @Override
    public void text(Style style, CharSequence text) {
        if (text.length() == 0) {
            return;
        }
        try {
            if (kind == LogKind.SMCL) {
                if (style != current) {
                    writer.write(style.tag());
                    current = style;
                }
                writeEscaped(text);
            } else {
                writer.write(text);
            }
            dirty = true;
        } catch (IOException e) {
            // A log on a full or vanished disk must not stop the session; the loss shows in the file.
        }
    }

    @Override
    public void text(Style style, String text, byte[] utf8) {
        if (kind == LogKind.SMCL) {
            text(style, text); // SMCL needs the style tag and escaping
            return;
        }
        try {
            writer.write(utf8, 0, utf8.length);
            dirty = true;
        } catch (IOException e) {
            // see text()
        }
    }

    @Override
    public boolean takesPlainLines() {
        return kind == LogKind.TEXT;
    }

    @Override
    public void lines(byte[] utf8, int count) {
        try {
            writer.write(utf8, 0, utf8.length);
            dirty = true;
            linesWritten(count);
        } catch (IOException e) {
            // see text()
        }
    }

    @Override
    public void smcl(String smcl, Style plainStyle, String plain) {
        if (kind == LogKind.SMCL) {
            try {
                writer.write(smcl);
                dirty = true;
            } catch (IOException e) {
                // see text()
            }
        } else {
            text(plainStyle, plain);
        }
    }

    /** Writes SMCL as is (headers); ignored by text logs. */
    public void rawSmcl(String smcl, Style after) {
        if (kind != LogKind.SMCL) {
            return;
        }
        try {
            writer.write(smcl);
            current = after;
            dirty = true;
        } catch (IOException e) {
            // see text()
        }
    }

    @Override
    public void newline() {
        try {
            writer.write('\n');
            dirty = true;
            linesWritten(1);
        } catch (IOException e) {
            // see text()
        }
    }

    /**
     * Flushes after complete lines when the last flush is older than the interval. The first lines after a flush
     * read the clock (a lone line after a quiet spell goes out at once); in a flood thousands of lines fall within one
     * interval, so reading it on every 16th line is soon enough and spares the clock.
     */
    private void linesWritten(int count) throws IOException {
        int before = pendingLines;
        pendingLines += count;
        if (before < 16 || before >>> 4 != pendingLines >>> 4) {
            long now = System.nanoTime();
            if (now - lastFlush >= FLUSH_INTERVAL_NANOS) {
                writer.flush();
                dirty = false;
                lastFlush = now;
                pendingLines = 0;
            }
        }
    }

    @Override
    public void flushIfDue() {
        if (dirty && System.nanoTime() - lastFlush >= FLUSH_INTERVAL_NANOS) {
            flush();
        }
    }

    @Override
    public void flush() {
        try {
            writer.flush();
        } catch (IOException e) {
            // see text()
        }
        dirty = false;
        pendingLines = 0;
        lastFlush = System.nanoTime();
    }

    public void close() {
        try {
            writer.close();
        } catch (IOException e) {
            // nothing more can be done for a file that cannot be closed
        }
    }

    private void writeEscaped(CharSequence text) throws IOException {
        String s = text.toString();
        if (s.indexOf('{') >= 0 || s.indexOf('}') >= 0) {
            s = s.replace("{", "\u0000").replace("}", "{c )-}").replace("\u0000", "{c -(}");
        }
        writer.write(s);
    }
}
