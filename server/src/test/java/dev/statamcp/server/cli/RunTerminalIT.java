package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/stata-mcp run} in a real pseudo-terminal (tmux), on the emulator. */
class RunTerminalIT {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    private static final Path LAUNCHER = ROOT.resolve("bin/stata-mcp");
    private static final Path FAKESTATA = ROOT.resolve("fakestata/bin/stata-mp");
    /** One redraw of the bar: erase the line, then "[====>   ] 3/20 commands  0:04". */
    private static final Pattern BAR = Pattern.compile("\u001b\\[K\\[[=> ]{24}\\] (\\d+)/(\\d+) commands  (\\d+:\\d\\d)");

    @TempDir
    Path dir;

    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("STATA_PATH", FAKESTATA.toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("HOME", dir.toString());
        env.put("STATA_MCP_CONFIG", dir.resolve("no-config.toml").toString());
        return env;
    }

    /** A do-file of {@code seconds} one-second steps, each step two top-level commands. */
    private Path steps(String name, int seconds, String tail) throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 1; i <= seconds; i++) {
            b.append("display \"step ").append(i).append("\"\nsleep 1000\n");
        }
        return Files.writeString(dir.resolve(name), b + tail);
    }

    private Tmux run(Path doFile) throws Exception {
        return Tmux.start(dir, dir, env(), List.of(LAUNCHER.toString(), "run", doFile.toString(), "--data-dir",
                dir.resolve("data").toString()));
    }

    private Job onlyJob() {
        try (Database db = Database.open(dir.resolve("data/jobs.db"))) {
            List<Job> jobs = new JobStore(db).list(JobFilter.newest(10));
            assertThat(jobs).hasSize(1);
            return jobs.get(0);
        }
    }

    @Test
    void theBarMovesWhileTheDoFileRunsAndTheExitStatusIsZero() throws Exception {
        Path doFile = steps("ten.do", 10, "display \"all done\"\n");
        try (Tmux t = run(doFile)) {
            int exit = t.awaitExit(Duration.ofSeconds(120));
            String raw = t.raw();
            assertThat(exit).as(raw).isZero();

            List<String> redraws = new ArrayList<>();
            Set<String> clocks = new LinkedHashSet<>();
            Set<Integer> done = new LinkedHashSet<>();
            Matcher m = BAR.matcher(raw);
            while (m.find()) {
                redraws.add(m.group());
                done.add(Integer.parseInt(m.group(1)));
                assertThat(m.group(2)).isEqualTo("21"); // 10 x (display + sleep) + the last display
                clocks.add(m.group(3));
            }
            assertThat(redraws).as("bar redraws in:\n%s", raw).hasSizeGreaterThanOrEqualTo(5);
            assertThat(clocks).as("the elapsed time moves").hasSizeGreaterThanOrEqualTo(5);
            assertThat(done).as("commands done move").hasSizeGreaterThanOrEqualTo(3);
            assertThat(new ArrayList<>(done)).isSorted();
            // The log streams above the bar, then the result.
            assertThat(raw).contains("step 1", "step 10", "all done", "succeeded in", "(21 commands)",
                    "the results are the emulator's, not Stata's");
        }
        assertThat(onlyJob().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void aFailingDoFileExitsWithStatasReturnCode() throws Exception {
        Path doFile = steps("fails.do", 2, "this_is_not_a_command\ndisplay \"never\"\n");
        try (Tmux t = run(doFile)) {
            int exit = t.awaitExit(Duration.ofSeconds(120));
            String raw = t.raw();
            assertThat(exit).as(raw).isEqualTo(199);
            assertThat(raw).contains("r(199)", "line:    5", "this_is_not_a_command", "hint:").doesNotContain("never\r");
        }
        Job job = onlyJob();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.rc()).isEqualTo(199);
    }

    @Test
    void withoutStataItSaysSoAndWithEmulatorItRunsTheBundledEmulatorAndSaysSo() throws Exception {
        Path doFile = steps("short.do", 1, "");
        Map<String, String> env = env();
        env.remove("STATA_PATH");
        env.put("PATH", System.getenv("PATH"));
        List<String> command = new ArrayList<>(List.of(LAUNCHER.toString(), "run", doFile.toString(), "--data-dir",
                dir.resolve("data").toString()));
        CliProcess.Result none = CliProcess.run(command, env, dir);
        assertThat(none.exit()).as(none.all()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(none.err()).contains("Stata was not found", "STATA_PATH", "--emulator");

        command.add("--emulator");
        CliProcess.Result emulated = CliProcess.run(command, env, dir);
        assertThat(emulated.exit()).as(emulated.all()).isZero();
        assertThat(emulated.out()).contains("Note: Stata here is the emulator fakestata",
                "the results are the emulator's, not Stata's", "step 1", "succeeded in");
    }

    @Test
    void ctrlCCancelsTheJobCleanly() throws Exception {
        Path doFile = steps("long.do", 60, "");
        try (Tmux t = run(doFile)) {
            t.awaitOutput(raw -> raw.contains("step 2") && BAR.matcher(raw).find(), Duration.ofSeconds(90));
            long pressed = System.nanoTime();
            t.ctrlC();
            int exit = t.awaitExit(Duration.ofSeconds(60));
            Duration took = Duration.ofNanos(System.nanoTime() - pressed);
            String raw = t.raw();
            assertThat(exit).as(raw).isEqualTo(ExitCodes.CANCELLED);
            assertThat(raw).contains("Cancelling job", "was cancelled after", "Ctrl-C").doesNotContain("step 60");
            // Break stops the emulator's sleep at once; the bound is generous for a loaded machine.
            assertThat(took).isLessThan(Duration.ofSeconds(30));
        }
        Job job = onlyJob();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.cancelReason()).contains("Ctrl-C");
    }
}
