package dev.statamcp.fakestata.io;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Reads stdin as UTF-8 lines and, for {@code --more--}, single keys. Own buffering rather than a BufferedReader so
 * that a key read and a line read share one buffer, and lines typed ahead are never lost between the two.
 */
public final class InputReader {
    private final InputStream in;
    private final byte[] buffer = new byte[8192];
    private int pos;
    private int limit;

    public InputReader(InputStream in) {
        this.in = in;
    }

    /** The next line without its line terminator, or null at end of input. */
    public String readLine() throws IOException {
        ByteArrayOutputStream line = null;
        while (true) {
            if (pos >= limit && !fill()) {
                return line == null ? null : decode(line);
            }
            int start = pos;
            while (pos < limit && buffer[pos] != '\n') {
                pos++;
            }
            if (line == null) {
                line = new ByteArrayOutputStream(Math.max(64, pos - start));
            }
            line.write(buffer, start, pos - start);
            if (pos < limit) {
                pos++; // the '\n'
                return decode(line);
            }
        }
    }

    /** The next byte typed, or -1 at end of input. */
    public int readKey() throws IOException {
        if (pos >= limit && !fill()) {
            return -1;
        }
        return buffer[pos++] & 0xff;
    }

    /** True when a whole line is already buffered, i.e. reading it will not block. */
    public boolean hasBufferedLine() {
        for (int i = pos; i < limit; i++) {
            if (buffer[i] == '\n') {
                return true;
            }
        }
        return false;
    }

    /**
     * Discards what was read ahead and what is waiting in the pipe now (FAKESTATA_BREAK_DROPS_INPUT); never blocks.
     * Runs on the thread that reads, between commands' reads, so the buffer needs no lock.
     */
    public void discardPending() {
        pos = limit = 0;
        try {
            while (in.available() > 0) {
                if (in.read(buffer, 0, buffer.length) <= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            // nothing more can be read; nothing more to discard
        }
        pos = limit = 0;
    }

    private boolean fill() throws IOException {
        int n = in.read(buffer, 0, buffer.length);
        if (n <= 0) {
            pos = limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private static String decode(ByteArrayOutputStream line) {
        String s = line.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }
}
