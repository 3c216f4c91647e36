package dev.statamcp.bench.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.ObjLongConsumer;
import java.util.function.Supplier;

/**
 * Follows a file as another process writes it and hands each complete line to a callback with the moment it was
 * first seen ({@link System#nanoTime()}). It polls every {@value #POLL_MICROS} µs on a thread of its own, so a line is
 * stamped at most about that long after it reached the file: the clock that output latency is measured from.
 */
public final class LogTail implements AutoCloseable {
    static final long POLL_MICROS = 500;

    private final Supplier<Path> file;
    private final ObjLongConsumer<String> onLine;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long bytesRead;

    /** @param file the file, or null while it is not known yet (polled again) */
    public LogTail(Supplier<Path> file, ObjLongConsumer<String> onLine) {
        this.file = file;
        this.onLine = onLine;
        this.thread = new Thread(this::follow, "log-tail");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    public long bytesRead() {
        return bytesRead;
    }

    private void follow() {
        Path path = null;
        while (running && (path == null || !Files.exists(path))) {
            path = file.get();
            pause();
        }
        if (!running) {
            return;
        }
        ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
        StringBuilder partial = new StringBuilder();
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long position = 0;
            while (running) {
                buffer.clear();
                int n = channel.read(buffer, position);
                if (n <= 0) {
                    pause();
                    continue;
                }
                long seen = System.nanoTime();
                position += n;
                bytesRead = position;
                // Byte for byte (Latin-1): a chunk may end inside a UTF-8 sequence; the lines looked for are ASCII.
                String text = new String(buffer.array(), 0, n, StandardCharsets.ISO_8859_1);
                int start = 0;
                for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
                    partial.append(text, start, nl);
                    int end = partial.length();
                    if (end > 0 && partial.charAt(end - 1) == '\r') {
                        partial.setLength(end - 1);
                    }
                    onLine.accept(partial.toString(), seen);
                    partial.setLength(0);
                    start = nl + 1;
                }
                partial.append(text, start, text.length());
            }
        } catch (IOException e) {
            // The file went away (the job's folder was deleted): nothing more to follow.
        }
    }

    private static void pause() {
        java.util.concurrent.locks.LockSupport.parkNanos(POLL_MICROS * 1000);
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
