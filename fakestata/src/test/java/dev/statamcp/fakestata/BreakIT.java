package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGINT is Break: it stops the running command at once and the session goes on with its state intact. The
 * console's stdout is block-buffered on a pipe, so progress is watched in a log file, as the engine does.
 */
class BreakIT {

    private static Launcher.Console console(Path dir) throws Exception {
        return console(dir, Map.of());
    }

    private static Launcher.Console console(Path dir, Map<String, String> env) throws Exception {
        Launcher.Console c = new Launcher.Console(Launcher.builder(dir, env, "stata-mp", "-q"));
        c.send("log using session.log, text");
        return c;
    }

    @Test
    void sigintBreaksSleepAtTheConsoleAndTheSessionSurvives(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = console(dir)) {
            c.send("set obs 3", "local keep 42", "sleep 60000");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 60000\n", Duration.ofSeconds(10));
            long t0 = System.nanoTime();
            Launcher.signal(c.pid(), "INT");
            c.send("display \"after \" _N \" \" `keep'");
            String log = Launcher.awaitFile(dir.resolve("session.log"), "after 3 42\n", Duration.ofSeconds(5));
            assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2000);
            assertThat(log).contains(". sleep 60000\n--Break--\nr(1);\n\n. display \"after \" _N");
            assertThat(c.await("after 3 42\n", Duration.ofSeconds(5))).contains("--Break--\nr(1);\n");
        }
    }

    @Test
    void typedAheadInputSurvivesABreakByDefault(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = console(dir)) {
            c.send("sleep 60000", "display \"typed ahead\"");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 60000\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "INT");
            String log = Launcher.awaitFile(dir.resolve("session.log"), "typed ahead\n\n", Duration.ofSeconds(5));
            assertThat(log).contains(". sleep 60000\n--Break--\nr(1);\n\n. display \"typed ahead\"\ntyped ahead\n");
        }
    }

    @Test
    void breakDropsInputDiscardsWhatWasTypedAheadAndTheSessionGoesOn(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = console(dir, Map.of("FAKESTATA_BREAK_DROPS_INPUT", "1"))) {
            c.send("local keep 42", "sleep 60000", "display \"typed ahead\"", "display \"also typed ahead\"");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 60000\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "INT");
            Launcher.awaitFile(dir.resolve("session.log"), "--Break--\nr(1);\n", Duration.ofSeconds(5));
            c.send("display \"after \" `keep'");
            String log = Launcher.awaitFile(dir.resolve("session.log"), "after 42\n", Duration.ofSeconds(5));
            assertThat(log).contains(". sleep 60000\n--Break--\nr(1);\n\n. display \"after \" `keep'\nafter 42\n")
                    .doesNotContain("typed ahead");
        }
    }

    @Test
    void ignoredBreakLetsTheCommandFinishAndOnlyAKillEndsTheProcess(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = console(dir, Map.of("FAKESTATA_IGNORE_BREAK", "1"))) {
            c.send("sleep 2500", "display \"slept\"");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 2500\n", Duration.ofSeconds(10));
            long t0 = System.nanoTime();
            Launcher.signal(c.pid(), "INT");
            Launcher.signal(c.pid(), "INT");
            String log = Launcher.awaitFile(dir.resolve("session.log"), "slept\n", Duration.ofSeconds(10));
            // the sleep ran on: the two Breaks did not cut it short (it had most of 2.5 s left)
            assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThan(1000);
            assertThat(log).contains(". sleep 2500\n\n. display \"slept\"\nslept\n").doesNotContain("--Break--");
            c.send("sleep 60000");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 60000\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "INT");
            assertThat(c.process().waitFor(1, java.util.concurrent.TimeUnit.SECONDS)).isFalse();
            Launcher.signal(c.pid(), "TERM");
            assertThat(c.process().waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void captureCatchesBreakWithReturnCodeOne(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = console(dir)) {
            c.send("capture noisily sleep 60000");
            Launcher.awaitFile(dir.resolve("session.log"), ". capture noisily sleep 60000\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "INT");
            c.send("display \"rc=\" _rc");
            String log = Launcher.awaitFile(dir.resolve("session.log"), "rc=1\n", Duration.ofSeconds(5));
            assertThat(log).contains(". capture noisily sleep 60000\n--Break--\n\n. display \"rc=\" _rc");
        }
    }

    @Test
    void breakInsideNestedDoFileUnwindsEveryLevel(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("outer.do"), "display \"outer\"\ndo inner.do\ndisplay \"not reached\"\n");
        Files.writeString(dir.resolve("inner.do"), "display \"inner\"\nsleep 60000\n");
        try (Launcher.Console c = console(dir)) {
            c.send("do outer.do");
            Launcher.awaitFile(dir.resolve("session.log"), ". sleep 60000\n", Duration.ofSeconds(10));
            Launcher.signal(c.pid(), "INT");
            c.send("display \"alive\"");
            String log = Launcher.awaitFile(dir.resolve("session.log"), "alive\n", Duration.ofSeconds(5));
            assertThat(log).contains(". sleep 60000\n--Break--\nr(1);\n\nend of do-file\nr(1);\n\n"
                    + "end of do-file\nr(1);\n\n. display \"alive\"");
            assertThat(log).doesNotContain("not reached\n");
        }
    }

    @Test
    void breakInBatchModeEndsTheDoFileWithReturnCodeOne(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display \"working\"\nsleep 60000\ndisplay \"not reached\"\n");
        Process p = Launcher.builder(dir, Map.of(), "stata-mp", "-b", "-q", "do", "job.do").start();
        Launcher.awaitFile(dir.resolve("job.log"), ". sleep 60000\n", Duration.ofSeconds(10));
        Launcher.signal(p.pid(), "INT");
        assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        assertThat(Files.readString(dir.resolve("job.log")))
                .endsWith(". sleep 60000\n--Break--\nr(1);\n\nend of do-file\nr(1);\n");
    }

    @Test
    void sigtermInBatchLeavesAPartialLogWithoutEndOfDoFile(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display \"working\"\nsleep 60000\n");
        Process p = Launcher.builder(dir, Map.of(), "stata-mp", "-b", "-q", "do", "job.do").start();
        Launcher.awaitFile(dir.resolve("job.log"), ". sleep 60000\n", Duration.ofSeconds(10));
        Launcher.signal(p.pid(), "TERM");
        assertThat(p.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("job.log"));
        assertThat(log).contains("working\n").doesNotContain("end of do-file");
    }
}
