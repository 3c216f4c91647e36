package dev.statamcp.bench.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live Java heap of a JVM the harness started: {@code jcmd PID GC.class_histogram} forces a full GC and counts
 * what survived, in the same pause. {@code GC.run} followed by {@code GC.heap_info} would also count what the
 * server allocated between the two commands (under load several MiB in the half second a second jcmd takes to
 * attach), which hides a slow leak in noise.
 */
final class LiveHeap {
    /** The histogram's last line: "Total   1234567   89012345" (instances, bytes). */
    private static final Pattern TOTAL = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$");

    private LiveHeap() {
    }

    /** Bytes of live objects after a full GC, in KiB; -1 if jcmd failed. */
    static long kb(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String exe = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        try {
            Process p = new ProcessBuilder(exe, Long.toString(pid), "GC.class_histogram")
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return -1;
            }
            return parse(out);
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static long parse(String histogram) {
        Matcher m = TOTAL.matcher(histogram);
        return m.find() ? Long.parseLong(m.group(1)) / 1024 : -1;
    }
}
