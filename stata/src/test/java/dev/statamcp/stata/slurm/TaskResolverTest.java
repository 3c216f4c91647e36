package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolving tasks from Slurm's records and from the files a task leaves behind. */
class TaskResolverTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @TempDir
    Path tmp;
    private SlurmJob job;
    private SlurmJob sweep;
    private final TaskResolver resolver = new TaskResolver(Duration.ofSeconds(30), Clock.fixed(NOW, ZoneOffset.UTC));

    @BeforeEach
    void setUp() throws IOException {
        Path work = Files.createDirectories(tmp.resolve("work"));
        job = new SlurmJob("j1", "77", Files.createDirectories(tmp.resolve("runs/j1")), work.resolve("main.do"), work,
                1, false, 0);
        sweep = new SlurmJob("s1", "80", Files.createDirectories(tmp.resolve("runs/s1")), work.resolve("sim.do"),
                work, 3, true, 0);
        for (int t = 0; t < 3; t++) {
            Files.createDirectories(sweep.taskDir(t));
        }
    }

    private static SlurmTaskRecord record(String state, String reason, Instant end) {
        return new SlurmTaskRecord(0, state, reason, "node3", Duration.ofSeconds(65), end, "0:0");
    }

    @Test
    void pendingShowsSlurmsReason() {
        TaskState s = resolver.fromSlurm(job, 0, record("PENDING", "Resources", null));
        assertThat(s.terminal()).isFalse();
        assertThat(s.describe()).isEqualTo("PENDING (Resources)");
    }

    @Test
    void runningShowsNodeAndElapsed() {
        assertThat(resolver.fromSlurm(job, 0, record("RUNNING", null, null)).describe())
                .isEqualTo("RUNNING on node3, 1:05");
    }

    @Test
    void completedWithSuccessfulLog() throws IOException {
        finish(job, 0, "\n. display 1\n1\n\n. \nend of do-file\n");
        assertThat(resolver.fromSlurm(job, 0, record("COMPLETED", null, NOW.minusSeconds(1))))
                .isEqualTo(new TaskState.Succeeded("node3", job.logPath(0)));
    }

    @Test
    void completedWithStataErrorGivesRc() throws IOException {
        finish(job, 0, "\n. use nosuch\nfile nosuch.dta not found\nr(601);\n\nend of do-file\nr(601);\n");
        assertThat(resolver.fromSlurm(job, 0, record("COMPLETED", null, NOW.minusSeconds(1))))
                .isEqualTo(new TaskState.StataError(601, "file nosuch.dta not found", "node3", job.logPath(0)));
    }

    @Test
    void realStataLogsDecideSuccessAndErrorWithMessage() throws IOException {
        finish(job, 0, Fixtures.text("stata19-batch-nested-success.log"));
        assertThat(resolver.fromFiles(job, 0)).isInstanceOf(TaskState.Succeeded.class);
        finish(job, 0, Fixtures.text("stata19-batch-nested-error.log"));
        assertThat(resolver.fromFiles(job, 0)).isEqualTo(new TaskState.StataError(111, "bad_var not found", null,
                job.logPath(0)));
    }

    @Test
    void displayedRcIsNotAnError() throws IOException {
        finish(job, 0, "\n. display \"r(199);\"\nr(199);\n\n. \nend of do-file\n");
        assertThat(resolver.fromFiles(job, 0)).isInstanceOf(TaskState.Succeeded.class);
    }

    @Test
    void logCutShortIsAFailureButExitStataIsAnEnd() throws IOException {
        finish(job, 0, "\n. display \"a\"\na\n\n. sleep 100000\n");
        assertThat(resolver.fromFiles(job, 0)).isInstanceOfSatisfying(TaskState.Failed.class,
                f -> assertThat(f.message()).contains("stops before the end", ". sleep 100000"));
        finish(job, 0, "\n. display \"a\"\na\n\n. exit, clear STATA\n");
        assertThat(resolver.fromFiles(job, 0)).isInstanceOf(TaskState.Succeeded.class);
    }

    @Test
    void completedButFilesMissingWaitsThenReportsNotVisible() {
        TaskState early = resolver.fromSlurm(job, 0, record("COMPLETED", null, NOW.minusSeconds(5)));
        assertThat(early).isInstanceOf(TaskState.Running.class);
        assertThat(early.terminal()).isFalse();
        TaskState late = resolver.fromSlurm(job, 0, record("COMPLETED", null, NOW.minusSeconds(120)));
        assertThat(late).isInstanceOfSatisfying(TaskState.LogNotVisible.class, s -> {
            assertThat(s.path()).isEqualTo(job.exitMarker(0));
            assertThat(s.message()).contains("not visible from this machine", "shared", "slurm_run_dir");
        });
    }

    @Test
    void exitRecordButNoLogIsLogNotVisible() throws IOException {
        Files.writeString(job.exitMarker(0), "0\n");
        assertThat(resolver.fromSlurm(job, 0, record("COMPLETED", null, NOW.minusSeconds(120))))
                .isInstanceOfSatisfying(TaskState.LogNotVisible.class, s -> {
                    assertThat(s.path()).isEqualTo(job.logPath(0));
                    assertThat(s.message()).contains("working directory");
                });
    }

    @Test
    void slurmFailureStatesCarryReasonAndAdvice() throws IOException {
        Files.writeString(job.errFile(0), "slurmstepd: error: Detected 1 oom_kill event\n");
        TaskState oom = resolver.fromSlurm(job, 0, new SlurmTaskRecord(0, "OUT_OF_MEMORY", "OutOfMemory", "node3",
                null, NOW, "0:125"));
        assertThat(oom).isInstanceOfSatisfying(TaskState.Failed.class, f -> {
            assertThat(f.slurmState()).isEqualTo("OUT_OF_MEMORY");
            assertThat(f.message()).contains("(OutOfMemory)", "mem option", "oom_kill", "exit code 0:125");
        });
        assertThat(resolver.fromSlurm(job, 0, record("TIMEOUT", "TimeLimit", NOW)))
                .isInstanceOfSatisfying(TaskState.TimedOut.class, t -> assertThat(t.message()).contains("time"));
        assertThat(resolver.fromSlurm(job, 0, record("CANCELLED by 1000", null, NOW)))
                .isInstanceOf(TaskState.Cancelled.class);
        assertThat(resolver.fromSlurm(job, 0, record("PREEMPTED", null, NOW)))
                .isInstanceOfSatisfying(TaskState.Failed.class, f -> assertThat(f.message()).contains("preempt"));
        assertThat(resolver.fromSlurm(job, 0, record("NODE_FAIL", null, NOW)))
                .isInstanceOfSatisfying(TaskState.Failed.class, f -> assertThat(f.slurmState()).isEqualTo("NODE_FAIL"));
    }

    @Test
    void forgottenJobIsResolvedFromItsLog() throws IOException {
        Files.writeString(job.startedMarker(0), "node9 1700000000\n");
        finish(job, 0, "\n. error 459\nr(459);\n\nend of do-file\nr(459);\n");
        assertThat(resolver.fromFiles(job, 0)).isEqualTo(new TaskState.StataError(459, null, "node9",
                job.logPath(0)));
    }

    @Test
    void forgottenJobKilledAtItsTimeLimitIsTimedOut() throws IOException {
        Files.writeString(sweep.startedMarker(1), "node9 1700000000\n");
        Files.writeString(sweep.errFile(1),
                "slurmstepd: error: *** JOB 81 ON node9 CANCELLED AT 2025-01-01T11:00:00 DUE TO TIME LIMIT ***\n");
        assertThat(resolver.fromFiles(sweep, 1)).isInstanceOf(TaskState.TimedOut.class);
    }

    @Test
    void forgottenJobCancelledIsCancelled() throws IOException {
        Files.writeString(sweep.startedMarker(2), "node9 1700000000\n");
        Files.writeString(sweep.errFile(2),
                "slurmstepd: error: *** JOB 82 ON node9 CANCELLED AT 2025-01-01T11:00:00 ***\n");
        assertThat(resolver.fromFiles(sweep, 2)).isInstanceOf(TaskState.Cancelled.class);
    }

    @Test
    void forgottenJobThatStartedButLeftNoExitIsLost() throws IOException {
        Files.writeString(sweep.startedMarker(0), "node9 1700000000\n");
        assertThat(resolver.fromFiles(sweep, 0)).isInstanceOfSatisfying(TaskState.Failed.class, f -> {
            assertThat(f.slurmState()).isEqualTo("LOST");
            assertThat(f.message()).contains("started on node9");
        });
    }

    @Test
    void forgottenJobWithNoTraceSaysTheFolderMayNotBeShared() {
        assertThat(resolver.fromFiles(sweep, 0)).isInstanceOfSatisfying(TaskState.Failed.class,
                f -> assertThat(f.message()).contains("never started", "shared"));
    }

    @Test
    void stataThatCouldNotStartIsAFailureWithItsStderr() throws IOException {
        Files.writeString(job.exitMarker(0), "1\n");
        Files.writeString(job.errFile(0), "stata-mp: no licenses available\n");
        assertThat(resolver.fromSlurm(job, 0, record("FAILED", "NonZeroExitCode", NOW)))
                .isInstanceOfSatisfying(TaskState.Failed.class,
                        f -> assertThat(f.message()).contains("no licenses available"));
        assertThat(resolver.fromFiles(job, 0)).isInstanceOfSatisfying(TaskState.Failed.class,
                f -> assertThat(f.message()).contains("exited with code 1", "no licenses available"));
    }

    private static void finish(SlurmJob j, int task, String log) throws IOException {
        Files.writeString(j.logPath(task), log);
        Files.writeString(j.exitMarker(task), "0\n");
    }
}
