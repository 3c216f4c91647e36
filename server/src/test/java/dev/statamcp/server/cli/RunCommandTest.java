package dev.statamcp.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.server.cli.CliCapture.Run;
import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.JobStore.JobFilter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} with plain output (no terminal), on the emulator: exit codes and what is printed. */
class RunCommandTest {
    private static final Path FAKESTATA = Path.of(System.getProperty("project.root", ".."))
            .resolve("fakestata/bin/stata-mp").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private Run run(String... args) {
        List<String> all = new ArrayList<>(List.of("run"));
        all.addAll(List.of(args));
        all.addAll(List.of("--data-dir", dir.resolve("data").toString(), "--config", dir.resolve("none.toml").toString(),
                "--progress", "plain"));
        return CliCapture.execute(all);
    }

    private Path doFile(String name, String code) throws Exception {
        return Files.writeString(dir.resolve(name), code);
    }

    private List<Job> jobs() {
        if (!Files.exists(dir.resolve("data/jobs.db"))) {
            return List.of();
        }
        try (Database db = Database.open(dir.resolve("data/jobs.db"))) {
            return new JobStore(db).list(JobFilter.newest(10));
        }
    }

    @Test
    void nothingStartsWithoutADoFileOrStata() throws Exception {
        Run missing = run(dir.resolve("nope.do").toString(), "--stata-path", FAKESTATA.toString());
        assertThat(missing.exit()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(missing.err()).contains("nope.do does not exist");

        Path ok = doFile("ok.do", "display 1\n");
        Run noStata = run(ok.toString(), "--stata-path", dir.resolve("no-stata-here").toString());
        assertThat(noStata.exit()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(noStata.err()).contains("Stata was not found", "no-stata-here", "does not exist",
                "add --emulator after the do-file").doesNotContain("\tat ", "Stata not found.");
        assertThat(jobs()).isEmpty();

        assertThat(run(ok.toString(), "--progress", "sideways").exit()).isEqualTo(2);
    }

    @Test
    void aShellEscapeIsRefusedBeforeAnythingRuns() throws Exception {
        Path shell = doFile("shell.do", "display 1\nshell rm -rf /tmp/nothing-here\n");
        Run r = run(shell.toString(), "--stata-path", FAKESTATA.toString());
        assertThat(r.exit()).isEqualTo(ExitCodes.NOT_STARTED);
        assertThat(r.err()).contains("allow", "shell");
        assertThat(jobs()).isEmpty();
    }

    @Test
    void plainOutputStreamsTheLogAndEndsWithTheResult() throws Exception {
        Path f = doFile("args.do", "args who\ndisplay \"hello `who'\"\nsleep 300\n");
        Run r = run(f.toString(), "world", "--stata-path", FAKESTATA.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Note: Stata here is the emulator fakestata", "Running " + f + " as job",
                ". display \"hello `who'\"", "hello world", "succeeded in", "Log:    ").doesNotContain("\u001b[");
        Job job = jobs().get(0);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.origin()).isEqualTo("cli");
        assertThat(job.spec().args()).containsExactly("world");
    }

    @Test
    void returnCodesAboveAnExitStatusAndTimeLimitsHaveTheirOwnCodes() throws Exception {
        Run big = run(doFile("big.do", "display 1\nerror 459\n").toString(), "--stata-path", FAKESTATA.toString());
        assertThat(big.exit()).as(big.out() + big.err()).isEqualTo(ExitCodes.RC_OVER_255);
        assertThat(big.out()).contains("r(459)", "(exit status 250: r(459) does not fit in an exit status)");

        Run slow = run(doFile("slow.do", "sleep 20000\n").toString(), "--timeout", "2", "--stata-path",
                FAKESTATA.toString());
        assertThat(slow.exit()).as(slow.out() + slow.err()).isEqualTo(ExitCodes.TIMED_OUT);
        assertThat(slow.out()).contains("timed out after", "time limit of 2 s");
    }

    @Test
    void batchRunsAsItsOwnStataProcess() throws Exception {
        // Batch Stata writes <stem>.log into its working folder, like `stata -b do`: keep it in the temp folder.
        Run r = run(doFile("b.do", "display \"in batch\"\n").toString(), "--batch", "--cwd", dir.toString(),
                "--stata-path", FAKESTATA.toString());
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("batch process", "succeeded in");
        assertThat(jobs().get(0).spec().kind()).isEqualTo(JobKind.BATCH);
        assertThat(dir.resolve("b.log")).exists();
    }
}
