package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator driven exactly as the engine drives a console session: setup commands, a run wrapped in a named
 * quiet log, a completion marker, paths with spaces, an apostrophe and Chinese characters, lines tailed from the
 * log while they are written.
 */
class ConsoleContractIT {

    @Test
    void runWrappedInNamedLogWithMarkerAndAwkwardPaths(@TempDir Path root) throws Exception {
        Path dir = Files.createDirectories(root.resolve("O'Brien 数据 dir"));
        Path doFile = dir.resolve("运行 1.do");
        Files.writeString(doFile, "display \"你好 from `c(pwd)'\"\nlocal kept = 7\ngen y = nosuch\n");
        Path log = dir.resolve("run 1.log");
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-mp", "-q"))) {
            c.send("set more off", "set linesize 120",
                    "quietly log using \"" + log + "\", text replace name(smcp_1)",
                    "capture noisily include `\"" + doFile + "\"'",
                    "display \"__SMCP_\" \"DONE_1__ \" _rc",
                    "quietly log close smcp_1");
            String content = Launcher.awaitFile(log, ". quietly log close smcp_1\n", Duration.ofSeconds(20));
            assertThat(content).contains("你好 from " + dir)
                    .contains(". gen y = nosuch\nnosuch not found\nr(111);\n\nend of do-file\n")
                    .contains("__SMCP_DONE_1__ 111\n");
            c.send("display \"kept=`kept'\"");
            c.closeInput();
            assertThat(c.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(c.output()).contains("kept=7\n").startsWith("\n. set more off\n\n. set linesize 120\n");
        }
    }

    @Test
    void logLinesArriveWhileTheLoopIsStillRunning(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("stream.log");
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-mp", "-q"))) {
            c.send("quietly log using stream.log, text name(s)", "forvalues i = 1/5 {", "display \"tick `i'\"",
                    "sleep 200", "}");
            List<Long> seen = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int i = 1; i <= 5; i++) {
                Launcher.awaitFile(log, "tick " + i + "\n", Duration.ofSeconds(10));
                seen.add((System.nanoTime() - t0) / 1_000_000);
            }
            // five distinct arrival times spread over the loop, not one burst at the end
            assertThat(seen.get(4) - seen.get(0)).isGreaterThan(600);
        }
    }

    @Test
    void exitClearStataEndsTheProcess(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-mp", "-q"))) {
            c.send("set obs 5", "exit, clear STATA", "display \"never\"");
            assertThat(c.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(c.process().exitValue()).isZero();
            assertThat(c.output()).contains(". exit, clear STATA\n").doesNotContain("never");
        }
    }

    @Test
    void bannerWithoutQSaysItIsAnEmulator(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-se"))) {
            c.closeInput();
            c.process().waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(c.output()).contains("a Stata emulator for tests; this is not Stata").contains("Notes:")
                    .endsWith("\n\n. ");
        }
    }

    @Test
    void smclBatchAndWindowsStyleSwitches(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display 6*7\n");
        Launcher.run(dir, Map.of(), "-s", "-q", "do", "job.do");
        assertThat(Files.readString(dir.resolve("job.smcl"))).startsWith("{smcl}\n").contains("{com}. display 6*7\n{res}42\n");
        Launcher.Result r = Launcher.run(dir, Map.of(), "/e", "/q", "/i", "do", "job.do");
        assertThat(r.exit()).isZero();
        assertThat(Files.readString(dir.resolve("job.log"))).isEqualTo("\n. display 6*7\n42\n\n. \nend of do-file\n");
        Launcher.run(dir, Map.of(), "-b", "do", "job.do");
        assertThat(Files.readString(dir.resolve("job.log"))).contains("Notes:\n")
                .contains("\n. do \"job.do\" \n\n. display 6*7\n42\n");
    }
}
