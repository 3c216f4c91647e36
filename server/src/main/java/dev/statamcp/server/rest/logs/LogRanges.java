package dev.statamcp.server.rest.logs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.json.Json;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Pieces of a job's log by byte offset, in whole lines: a client pages forward with {@code next_offset}, or asks for
 * the last lines. Offsets are the same as the SSE event ids of {@code /api/jobs/{id}/events}, so a client can read a
 * tail here and follow live from its {@code next_offset}. Only the requested bytes are read.
 */
public final class LogRanges {
    public static final int DEFAULT_LIMIT = 64 * 1024;
    public static final int MAX_LIMIT = 1024 * 1024;
    public static final int MAX_TAIL = 5000;

    private LogRanges() {
    }

    /** Whether the job's log carries the console engine's wrapper lines. */
    public static boolean wrapped(Job job) {
        return job.spec().kind() == JobKind.CODE || job.spec().kind() == JobKind.FILE;
    }

    /**
     * Whole lines from {@code offset} (a line start; inside a line it moves to the next one) until {@code limit}
     * bytes of the log are covered; at least one line when one is there.
     *
     * @param raw also the engine's wrapper lines, not only what the job printed
     */
    public static ObjectNode range(Job job, long offset, int limit, boolean raw) throws IOException {
        ObjectNode out = header(job);
        ArrayNode lines = out.putArray("lines");
        Path log = job.logPath();
        if (log == null || !Files.isRegularFile(log)) {
            return finish(out, job, offset, offset, 0);
        }
        try (LogCursor cursor = LogCursor.open(log, wrapped(job), offset)) {
            long start = cursor.position();
            long size = cursor.size();
            for (LogCursor.Line l; (l = cursor.next(job.isTerminal())) != null; ) {
                if (raw || l.output()) {
                    lines.add(line(l));
                }
                if (cursor.position() - start >= limit) {
                    break;
                }
            }
            return finish(out, job, start, cursor.position(), Math.max(size, cursor.position()));
        }
    }

    /** The last {@code n} lines the job printed (or of the whole log with {@code raw}). */
    public static ObjectNode tail(Job job, int n, boolean raw) throws IOException {
        ObjectNode out = header(job);
        Path log = job.logPath();
        if (log == null || !Files.isRegularFile(log)) {
            out.putArray("lines");
            return finish(out, job, 0, 0, 0);
        }
        long size = Files.size(log);
        // Read back n lines plus room for the engine's trailer; widen the window while too few lines were found.
        int window = n + 64;
        while (true) {
            long from = startOfLastLines(log, size, window);
            Deque<LogCursor.Line> kept = new ArrayDeque<>(n);
            long end;
            try (LogCursor cursor = LogCursor.open(log, wrapped(job), from)) {
                for (LogCursor.Line l; (l = cursor.next(job.isTerminal())) != null && l.offset() < size; ) {
                    if (raw || l.output()) {
                        if (kept.size() == n) {
                            kept.removeFirst();
                        }
                        kept.addLast(l);
                    }
                }
                end = cursor.position();
            }
            if (kept.size() >= n || from == 0 || window > 16 * (n + 64)) {
                ArrayNode lines = out.putArray("lines");
                kept.forEach(l -> lines.add(line(l)));
                long first = kept.isEmpty() ? end : kept.getFirst().offset();
                return finish(out, job, first, end, Math.max(size, end));
            }
            window *= 2;
        }
    }

    private static ObjectNode header(Job job) {
        ObjectNode out = Json.object();
        out.put("job_id", job.id().value());
        out.put("status", job.status().wireName());
        return out;
    }

    private static ObjectNode finish(ObjectNode out, Job job, long offset, long next, long size) {
        out.put("offset", offset);
        out.put("next_offset", next);
        out.put("size", size);
        // Complete: the job ended and everything up to the end of its log was read.
        out.put("complete", job.isTerminal() && next >= size);
        return out;
    }

    static ObjectNode line(LogCursor.Line l) {
        ObjectNode o = Json.object().put("offset", l.offset()).put("text", l.text()).put("echo", l.echo());
        if (l.cut()) {
            o.put("cut", true);
        }
        return o;
    }

    /** The offset where the last {@code k} lines of the file start, read backwards in 64 KiB steps. */
    static long startOfLastLines(Path file, long size, int k) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] buf = new byte[64 * 1024];
            long pos = size;
            int breaks = 0;
            while (pos > 0) {
                int len = (int) Math.min(buf.length, pos);
                pos -= len;
                f.seek(pos);
                f.readFully(buf, 0, len);
                for (int i = len - 1; i >= 0; i--) {
                    // The break that ends the last line does not start a line.
                    if (buf[i] == '\n' && pos + i != size - 1 && ++breaks == k) {
                        return pos + i + 1;
                    }
                }
            }
            return 0;
        }
    }
}
