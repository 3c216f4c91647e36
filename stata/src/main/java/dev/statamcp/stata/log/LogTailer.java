package dev.statamcp.stata.log;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a log file that another process is writing and hands out its complete lines as they appear.
 *
 * <p>Polling (a size check per call) is used instead of a file-system watch service because it behaves the same on
 * every platform (the JDK's macOS watch service polls every few seconds) and costs one {@code fstat} per call.
 * The caller decides the pace. Bytes of a line without its newline yet are kept until the newline arrives, so a
 * multi-byte UTF-8 character is never split. Not thread-safe: one reader per tailer.
 */
public final class LogTailer implements Closeable {

    private final Path path;
    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private FileChannel channel;
    private long position;

    public LogTailer(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** True once the file has been opened (it existed at some poll). */
    public boolean opened() {
        return channel != null;
    }

    /** Bytes consumed so far. */
    public long position() {
        return position;
    }

    /** New complete lines since the last call; empty when nothing new (or the file does not exist yet). */
    public List<String> poll() throws IOException {
        if (channel == null && !open()) {
            return List.of();
        }
        long size = channel.size();
        if (size < position) {
            // The file was truncated or replaced in place: start over rather than read garbage.
            position = 0;
            partial.reset();
            channel.position(0);
        }
        if (size == position) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                break;
            }
            position += read;
            byte[] bytes = buffer.array();
            int start = 0;
            for (int i = 0; i < read; i++) {
                if (bytes[i] == '\n') {
                    if (partial.size() == 0) {
                        lines.add(decode(bytes, start, i - start)); // the usual case: the line is whole in the buffer
                    } else {
                        partial.write(bytes, start, i - start);
                        lines.add(decode(partial.toByteArray()));
                        partial.reset();
                    }
                    start = i + 1;
                }
            }
            partial.write(bytes, start, read - start);
            if (read < buffer.capacity()) {
                break;
            }
        }
        return lines;
    }

    /** The text after the last newline, for a final read of a file whose writer has stopped. */
    public String unterminatedTail() {
        return decode(partial.toByteArray());
    }

    /** Reads the whole file at once (for finished logs). Missing file gives an empty list. */
    public static List<String> readAll(Path file) throws IOException {
        try (LogTailer tailer = new LogTailer(file)) {
            List<String> lines = new ArrayList<>(tailer.poll());
            String tail = tailer.unterminatedTail();
            if (!tail.isEmpty()) {
                lines.add(tail);
            }
            return lines;
        }
    }

    private boolean open() throws IOException {
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** True when the file exists (whether or not it has been opened). */
    public boolean exists() {
        return channel != null || Files.exists(path);
    }

    private static String decode(byte[] bytes) {
        return decode(bytes, 0, bytes.length);
    }

    private static String decode(byte[] bytes, int offset, int length) {
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        return new String(bytes, offset, length, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
