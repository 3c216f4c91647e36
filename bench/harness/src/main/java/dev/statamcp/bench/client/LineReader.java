package dev.statamcp.bench.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in {@code \n}, without decoding: the fuzzer must see exactly what the server
 * wrote, and the benchmark must not pay for a decoder. A line longer than the limit is returned cut, flagged.
 */
public final class LineReader {
    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** One line as read, without its {@code \n}; {@code truncated} if it went past the limit. */
    public record Line(byte[] bytes, boolean truncated) {
    }

    /** The next line, or null at end of stream (a last line without {@code \n} is still returned). */
    public Line next() throws IOException {
        ByteArrayOutputStream long_ = null;
        boolean truncated = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (long_ != null && (long_.size() > 0 || truncated)) {
                        return new Line(long_.toByteArray(), truncated);
                    }
                    return null;
                }
            }
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            boolean ended = position < limit;
            if (ended && long_ == null) {
                byte[] line = Arrays.copyOfRange(buffer, start, position);
                position++;
                return new Line(line, false);
            }
            if (long_ == null) {
                long_ = new ByteArrayOutputStream();
            }
            int room = maxLineBytes - long_.size();
            int take = Math.min(room, position - start);
            if (take < position - start) {
                truncated = true;
            }
            if (take > 0) {
                long_.write(buffer, start, take);
            }
            if (ended) {
                position++;
                return new Line(long_.toByteArray(), truncated);
            }
        }
    }
}
