package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM keeps what the logs received: the shutdown hook has the printing thread flush its buffers (they take no
 * lock per line), or flushes them itself once that thread is waiting. The flood case checks that the log then holds
 * every printed line once, whole and in order, and that the process still ends at once.
 */
class TerminationIT {

    @Test
    void sigtermInAFloodLeavesEveryLineOnceAndWhole(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("flood.do"), "forvalues i = 1/100000000 {\ndisplay \"line `i'\"\n}\n");
        Process p = Launcher.builder(dir, Map.of(), "stata-mp", "-b", "-q", "do", "flood.do").start();
        Path log = dir.resolve("flood.log");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while ((!Files.exists(log) || Files.size(log) < 4_000_000) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Launcher.signal(p.pid(), "TERM");
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

        String text = Files.readString(log);
        assertThat(text).endsWith("\n").doesNotContain("end of do-file");
        List<String> lines = text.lines().filter(l -> l.startsWith("line ")).toList();
        assertThat(lines.size()).isGreaterThan(100_000);
        for (int i = 0; i < lines.size(); i++) {
            assertThat(lines.get(i)).isEqualTo("line " + (i + 1));
        }
        // nothing after the last whole line but what the loop prints: no torn or stray bytes
        assertThat(text.substring(text.lastIndexOf("\nline ") + 1)).isEqualTo(lines.get(lines.size() - 1) + "\n");
    }

    @Test
    void sigtermAtThePromptKeepsTheSessionLog(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-mp", "-q"))) {
            c.send("log using session.log, text", "display \"kept \" 6*7");
            c.await("kept 42\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "TERM");
            assertThat(c.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("session.log"))).contains(". display \"kept \" 6*7\nkept 42\n");
    }

    @Test
    void sigtermDuringSleepKeepsTheLinesBeforeIt(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-mp", "-q"))) {
            c.send("log using session.log, text", "display \"before\"", "sleep 60000");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 60000\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "TERM");
            assertThat(c.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(Files.readString(dir.resolve("session.log"))).contains("before\n");
    }
}
