package dev.statamcp.bench.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Heap figures of a JVM the harness started, through the JDK's {@code jcmd} (attach API, same user). */
final class Jcmd {
    /** A generation or whole-heap line: "tenured generation   total 10944K, used 6220K [...]". */
    private static final Pattern USED = Pattern.compile("total (\\d+)K, used (\\d+)K");

    private Jcmd() {
    }

    /** Heap in use in KiB (every generation), after {@code GC.run} when asked; -1 if jcmd failed. */
    static long heapUsedKb(long pid, boolean collectFirst) {
        if (collectFirst && run(pid, "GC.run") == null) {
            return -1;
        }
        String info = run(pid, "GC.heap_info");
        if (info == null) {
            return -1;
        }
        long used = 0;
        boolean found = false;
        for (String line : info.split("\n")) {
            // Metaspace and class space are not heap; their lines use "used ...K, committed" anyway.
            Matcher m = USED.matcher(line);
            if (m.find()) {
                used += Long.parseLong(m.group(2));
                found = true;
            }
        }
        return found ? used : -1;
    }

    private static String run(long pid, String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        String exe = Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
        try {
            Process p = new ProcessBuilder(exe, Long.toString(pid), command).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                return null;
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
