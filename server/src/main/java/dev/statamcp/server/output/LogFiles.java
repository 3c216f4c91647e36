package dev.statamcp.server.output;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reading job logs back from disk. Logs can be gigabytes, so nothing here holds a whole file unless asked to;
 * bytes that are not UTF-8 (old Stata versions write Latin-1) are replaced, never fatal.
 */
public final class LogFiles {
    private static final Logger LOG = LoggerFactory.getLogger(LogFiles.class);
    private static final int CHUNK = 64 * 1024;

    private LogFiles() {
    }

    /**
     * The log as classified lines; a missing or unreadable file gives no lines. Echo lines are those Stata
     * starts with its prompt ({@code ". "}); this is all a partial log left by a dead process needs.
     */
    public static List<LogLine> readClassified(Path log) {
        List<LogLine> lines = new ArrayList<>();
        if (log == null || !Files.isRegularFile(log)) {
            return lines;
        }
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Files.newInputStream(log),
                StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                lines.add(new LogLine(line, line.startsWith(". ") || line.equals(".")));
            }
        } catch (IOException e) {
            LOG.warn("cannot read log {}: {}", log, e.getMessage());
        }
        return lines;
    }

    /** The last {@code n} lines of a log file, read backwards from its end. */
    public static List<String> tail(Path log, int n) {
        if (log == null || n <= 0 || !Files.isRegularFile(log)) {
            return List.of();
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long end = file.length();
            long pos = end;
            int newlines = 0;
            byte[] buf = new byte[CHUNK];
            // Walk back until n+1 line breaks are seen (the last line may or may not end with one).
            while (pos > 0 && newlines <= n) {
                int len = (int) Math.min(CHUNK, pos);
                pos -= len;
                file.seek(pos);
                file.readFully(buf, 0, len);
                for (int i = len - 1; i >= 0; i--) {
                    if (buf[i] == '\n' && pos + i != end - 1) {
                        newlines++;
                        if (newlines > n) {
                            pos += i + 1;
                            break;
                        }
                    }
                }
            }
            file.seek(pos);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream((int) Math.min(end - pos, Integer.MAX_VALUE));
            int r;
            while ((r = file.read(buf)) > 0) {
                bytes.write(buf, 0, r);
            }
            String text = bytes.toString(StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(Arrays.asList(text.split("\\r?\\n", -1)));
            if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
                lines.remove(lines.size() - 1);
            }
            return lines.size() > n ? List.copyOf(lines.subList(lines.size() - n, lines.size())) : List.copyOf(lines);
        } catch (IOException e) {
            LOG.warn("cannot read log {}: {}", log, e.getMessage());
            return List.of();
        }
    }
}
