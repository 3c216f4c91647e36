package dev.statamcp.server.rest.logs;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a log file line by line from a byte offset, knowing the offset of every line. The JDK's readers do not tell
 * byte positions, and positions are what a client resumes from, so this small reader is written here. It holds one
 * 64 KiB buffer and at most {@link #MAX_LINE_BYTES} of a line: a multi-gigabyte log costs no more memory than a
 * small one.
 */
public final class LogLineReader implements AutoCloseable {
    /** Longer lines are cut to this many bytes (the rest is skipped; offsets stay exact). */
    public static final int MAX_LINE_BYTES = 16 * 1024;

    /** One line: where it starts, where the next one starts, and its text (without the line break). */
    public record RawLine(long offset, long next, String text, boolean cut) {
    }

    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);
    private long position;
    private boolean cut;

    private LogLineReader(FileChannel channel, long offset) {
        this.channel = channel;
        this.position = offset;
        buffer.limit(0);
    }

    public static LogLineReader open(Path file, long offset) throws IOException {
        return new LogLineReader(FileChannel.open(file, StandardOpenOption.READ), offset);
    }

    /** Where the next line starts. */
    public long position() {
        return position;
    }

    /**
     * The next complete line, or null when the file has no complete line left. With {@code takePartial} a last line
     * without its line break is returned too (for a log that will not grow any more).
     */
    public RawLine next(boolean takePartial) throws IOException {
        line.reset();
        cut = false;
        long start = position;
        long scan = position;
        while (true) {
            if (!buffer.hasRemaining()) {
                buffer.clear();
                int read = channel.read(buffer, scan);
                buffer.flip();
                if (read <= 0) {
                    if (takePartial && scan > start) {
                        position = scan;
                        return new RawLine(start, scan, text(), cut);
                    }
                    // No complete line: the next call starts again at the same line.
                    buffer.limit(0);
                    return null;
                }
            }
            byte b = buffer.get();
            scan++;
            if (b == '\n') {
                position = scan;
                return new RawLine(start, scan, text(), cut);
            }
            if (line.size() < MAX_LINE_BYTES) {
                line.write(b);
            } else {
                cut = true;
            }
        }
    }

    private String text() {
        byte[] bytes = line.toByteArray();
        int len = bytes.length;
        if (len > 0 && bytes[len - 1] == '\r') {
            len--;
        }
        // Old Stata versions write Latin-1: malformed UTF-8 is replaced, never fatal.
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }

    /** Moves to the start of the line that holds {@code offset} or, when it is mid-line, of the next line. */
    public void seekLineStart(long offset) throws IOException {
        position = offset;
        buffer.limit(0);
        if (offset == 0) {
            return;
        }
        ByteBuffer one = ByteBuffer.allocate(1);
        if (channel.read(one, offset - 1) == 1 && one.get(0) == '\n') {
            return;
        }
        // Skip the rest of the line the offset falls into (a line still being written is left as it is).
        next(false);
    }

    public long size() throws IOException {
        return channel.size();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
