package dev.statamcp.fakestata.out;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The console's stdout. Like a C program's stdio it is line-buffered on a terminal and block-buffered on a pipe;
 * the console loop flushes it before it blocks reading stdin. Styles are dropped: the console shows plain text.
 */
public final class Screen implements Sink {
    private final Utf8Buffer out;
    private final boolean lineBuffered;
    private boolean broken;

    public Screen(boolean terminal) {
        this(new FileOutputStream(FileDescriptor.out), terminal);
    }

    /** @param target where the bytes go; 8 KB are buffered, as C's stdio does on a pipe */
    public Screen(OutputStream target, boolean terminal) {
        this.out = new Utf8Buffer(target, 8192);
        this.lineBuffered = terminal;
    }

    @Override
    public void text(Style style, CharSequence text) {
        try {
            out.write(text);
        } catch (IOException e) {
            broken(e);
        }
    }

    @Override
    public void text(Style style, String text, byte[] utf8) {
        try {
            out.write(utf8, 0, utf8.length);
        } catch (IOException e) {
            broken(e);
        }
    }

    @Override
    public boolean takesPlainLines() {
        return true;
    }

    @Override
    public void lines(byte[] utf8, int count) {
        try {
            out.write(utf8, 0, utf8.length);
            if (lineBuffered) {
                out.flush();
            }
        } catch (IOException e) {
            broken(e);
        }
    }

    @Override
    public void smcl(String smcl, Style plainStyle, String plain) {
        text(plainStyle, plain);
    }

    @Override
    public void newline() {
        try {
            out.write('\n');
            if (lineBuffered) {
                out.flush();
            }
        } catch (IOException e) {
            broken(e);
        }
    }

    @Override
    public void flushIfDue() {
        // stdio semantics: a pipe is flushed only when the buffer fills or before reading stdin
    }

    @Override
    public void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            broken(e);
        }
    }

    /**
     * A closed stdout (the reader went away) ends the session the way SIGPIPE ends a C program; the shutdown hook
     * still flushes open logs.
     */
    private void broken(IOException e) {
        if (!broken) {
            broken = true;
            System.exit(141);
        }
    }
}
