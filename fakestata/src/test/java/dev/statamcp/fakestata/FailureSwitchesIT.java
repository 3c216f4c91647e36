package dev.statamcp.fakestata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The environment switches failure tests use, and the launcher's command line handling. */
class FailureSwitchesIT {

    @Test
    void licenseFailureExitsOneWithAMessageAndNoLog(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display 1\n");
        Launcher.Result r = Launcher.run(dir, Map.of("FAKESTATA_LICENSE_FAIL", "1"), "-b", "-q", "do", "job.do");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("License error");
        assertThat(dir.resolve("job.log")).doesNotExist();
    }

    @Test
    void quotedDoFileWithASpaceWritesTheLogNamedUpToTheSpace(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("foo bar.do"), "display 6*7\n");
        Launcher.Result r = Launcher.run(dir, Map.of(), "-b", "-q", "do", "\"foo bar.do\"");
        assertThat(r.exit()).isZero();
        assertThat(dir.resolve("foo bar.log")).doesNotExist();
        assertThat(Files.readString(dir.resolve("foo.log"))).contains("\n42\n").contains("end of do-file");
    }

    @Test
    void crashAfterNCommandsKillsTheProcessAbruptly(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display 1\ndisplay 2\ndisplay 3\ndisplay 4\n");
        Launcher.Result r = Launcher.run(dir, Map.of("FAKESTATA_CRASH_AFTER", "3"), "-b", "-q", "do", "job.do");
        assertThat(r.exit()).isNotZero();
        String log = Files.readString(dir.resolve("job.log"));
        // do job.do is command 1, display 1 and 2 are 2 and 3; the crash comes before display 3 runs
        assertThat(log).contains("\n2\n").doesNotContain("\n3\n").doesNotContain("end of do-file");
    }

    @Test
    void startupDelayIsHonoured(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display 1\n");
        long t0 = System.nanoTime();
        Launcher.run(dir, Map.of("FAKESTATA_STARTUP_DELAY_MS", "700"), "-b", "-q", "do", "job.do");
        assertThat((System.nanoTime() - t0) / 1_000_000).isGreaterThanOrEqualTo(700);
    }

    @Test
    void spawnOrphanLeavesAChildInTheProcessGroup(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("job.do"), "display 1\n");
        // started as the engine does: in a process group of its own (setsid execs in place, so pid == pgid)
        ProcessBuilder pb = new ProcessBuilder("setsid", Launcher.script("stata-mp").toString(), "-b", "-q", "do",
                "job.do").directory(dir.toFile());
        pb.environment().put("FAKESTATA_SPAWN_ORPHAN", "1");
        Process p = pb.start();
        long group = p.pid();
        assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<ProcessHandle> left = ProcessHandle.allProcesses().filter(h -> pgid(h.pid()) == group).toList();
        try {
            assertThat(left).as("processes left in group %d", group).isNotEmpty();
            assertThat(left.get(0).info().command().orElse("")).endsWith("sleep");
        } finally {
            Launcher.signal(-group, "TERM");
        }
        Thread.sleep(200);
        assertThat(ProcessHandle.allProcesses().filter(h -> pgid(h.pid()) == group).filter(h -> !zombie(h.pid()))
                .count()).isZero();
    }

    /** A killed child whose parent is gone stays a zombie until init reaps it; it is not running. */
    private static boolean zombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true;
        }
    }

    private static long pgid(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[2]);
        } catch (Exception e) {
            return -1;
        }
    }

    @Test
    void unknownSwitchPrintsUsageAndExitsOne(@TempDir Path dir) throws Exception {
        Launcher.Result r = Launcher.run(dir, Map.of(), "-z");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.stderr()).contains("usage:");
    }

    @Test
    void editionFollowsTheInvokedName(@TempDir Path dir) throws Exception {
        for (String name : List.of("stata-mp", "stata-se", "stata")) {
            Process p = Launcher.builder(dir, Map.of(), name, "-b", "-q", "display c(edition) \" \" c(mode)")
                    .start();
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String expected = switch (name) {
                case "stata-mp" -> "MP";
                case "stata-se" -> "SE";
                default -> "BE";
            };
            assertThat(Files.readString(dir.resolve("stata.log"))).contains(expected + " batch\n");
        }
    }

    @Test
    void consoleStartsWithABlankLineAndPromptUnderQ(@TempDir Path dir) throws Exception {
        try (Launcher.Console c = new Launcher.Console(Launcher.builder(dir, Map.of(), "stata-mp", "-q"))) {
            assertThat(c.await(". ", Duration.ofSeconds(10))).isEqualTo("\n. ");
        }
    }
}
