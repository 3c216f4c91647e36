package dev.statamcp.mcp.transport.stdio;

import dev.statamcp.mcp.jsonrpc.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads newline-delimited UTF-8 lines, refusing to buffer more than a limit: an oversize line is skipped to its end
 * and reported, so one huge message cannot exhaust memory or desynchronise the stream.
 */
final class BoundedLineReader {
    /**
     * One line read: its text, or {@code tooLong} with the number of bytes it had, or {@code notUtf8} (text null)
     * when its bytes are not UTF-8.
     */
    record Line(String text, boolean tooLong, long length, boolean notUtf8) {
    }

    private final InputStream in;
    private final int maxBytes;
    private final byte[] buffer = new byte[8192];
    private int position;
    private int limit;

    BoundedLineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** The next line without its terminator (and without a trailing CR), or null at end of input. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        long length = 0;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    return finish(line, length); // last line without a newline
                }
            }
            sawAny = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            int chunk = position - start;
            length += chunk;
            if (length <= maxBytes) {
                line.write(buffer, start, chunk);
            }
            if (position < limit) {
                position++; // consume the newline
                return finish(line, length);
            }
        }
    }

    private Line finish(ByteArrayOutputStream line, long length) {
        if (length > maxBytes) {
            return new Line(null, true, length, false);
        }
        String text = Utf8.decodeOrNull(line.toByteArray(), 0, line.size());
        if (text == null) {
            return new Line(null, false, length, true);
        }
        if (text.endsWith("\r")) {
            text = text.substring(0, text.length() - 1);
        }
        return new Line(text, false, length, false);
    }
}
