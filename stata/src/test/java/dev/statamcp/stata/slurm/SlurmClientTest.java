package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statamcp.stata.slurm.SlurmException.Kind;
import dev.statamcp.stata.slurm.TaskStatus.Source;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client's decisions with scripted Slurm answers: the paths the test cluster cannot show (accounting, an
 * sbatch that times out after queuing the job, a submission interrupted before its id was recorded).
 */
class SlurmClientTest {

    @TempDir
    Path tmp;
    private Path work;
    private Scripted slurm;
    private SlurmClient client;

    @BeforeEach
    void setUp() throws Exception {
        work = Files.createDirectories(tmp.resolve("work"));
        slurm = new Scripted();
        client = new SlurmClient(SlurmSettings.of("/opt/stata/stata-mp", tmp.resolve("runs")), slurm,
                Clock.systemUTC());
    }

    @Test
    void forgottenJobIsResolvedFromAccountingWhenThereIsSome() throws Exception {
        slurm.answer("sbatch", new CommandResult(0, "42\n", ""));
        SlurmJob job = client.submit(SlurmJobRequest.single("acct", work.resolve("a.do"), work, List.of(), null));
        slurm.answer("scontrol", new CommandResult(1, "", "slurm_load_jobs error: Invalid job id specified"));
        slurm.answer("sacct", new CommandResult(0, "42|TIMEOUT|0:15|node4|3600|2025-01-01T10:00:00\n", ""));

        TaskStatus t = client.status(job).tasks().get(0);
        assertThat(t.source()).isEqualTo(Source.ACCOUNTING);
        assertThat(t.state()).isInstanceOfSatisfying(TaskState.TimedOut.class,
                s -> assertThat(s.message()).contains("node4", "3600 s"));
        assertThat(slurm.calls).anyMatch(c -> c.equals(List.of("sacct", "-j", "42", "-X", "-n", "-P", "-o",
                SacctParser.FORMAT)));
    }

    @Test
    void sweepMixesControllerAndFiles() throws Exception {
        slurm.answer("sbatch", new CommandResult(0, "50\n", ""));
        SlurmJob job = client.submit(SlurmJobRequest.sweep("mix", work.resolve("s.do"), work,
                List.of(List.of("1"), List.of("2"), List.of("3")), null, null));
        slurm.answer("scontrol", new CommandResult(0,
                "JobId=51 ArrayJobId=50 ArrayTaskId=1 JobState=RUNNING Reason=None NodeList=n1 RunTime=00:00:07\n"
                + "JobId=50 ArrayJobId=50 ArrayTaskId=2 JobState=PENDING Reason=Priority NodeList= RunTime=0:00\n",
                ""));
        slurm.answer("sacct", new CommandResult(1, "", "Slurm accounting storage is disabled"));
        Files.writeString(job.exitMarker(0), "0\n");
        Files.writeString(job.logPath(0), "\n. display 1\n1\n\n. \nend of do-file\n");

        SlurmJobStatus s = client.status(job);
        assertThat(s.tasks()).extracting(TaskStatus::source)
                .containsExactly(Source.FILES, Source.CONTROLLER, Source.CONTROLLER);
        assertThat(s.task(0).state()).isInstanceOf(TaskState.Succeeded.class);
        assertThat(s.task(1).state().describe()).isEqualTo("RUNNING on n1, 0:07");
        assertThat(s.task(2).state().describe()).isEqualTo("PENDING (Priority)");
        assertThat(s.summary()).isEqualTo("3 tasks: 1 queued, 1 running, 1 finished");
        assertThat(s.terminal()).isFalse();
    }

    @Test
    void sbatchThatTimesOutAfterQueuingTheJobIsFoundByName() throws Exception {
        slurm.timeOut("sbatch");
        slurm.answer("squeue", new CommandResult(0, "77\n", ""));
        SlurmJob job = client.submit(SlurmJobRequest.single("slow", work.resolve("a.do"), work, List.of(), null));
        assertThat(job.slurmJobId()).isEqualTo("77");
        assertThat(slurm.calls).anyMatch(c -> c.contains("--name=stata-mcp-slow"));
        assertThat(client.adopt("slow").slurmJobId()).isEqualTo("77");
    }

    @Test
    void sbatchThatTimesOutWithoutAJobIsATimeout() {
        slurm.timeOut("sbatch");
        slurm.answer("squeue", new CommandResult(0, "", ""));
        assertThatThrownBy(() -> client.submit(SlurmJobRequest.single("lost", work.resolve("a.do"), work,
                List.of(), null))).isInstanceOfSatisfying(SlurmException.class,
                        e -> assertThat(e.kind()).isEqualTo(Kind.TIMEOUT));
    }

    @Test
    void interruptedSubmissionIsCompletedOnAdoption() throws Exception {
        // The record was saved but the process died before sbatch's answer was written down.
        slurm.answer("sbatch", new CommandResult(0, "90\n", ""));
        SlurmJob job = client.submit(SlurmJobRequest.single("crash", work.resolve("a.do"), work, List.of(), null));
        new SlurmJob(job.jobId(), null, job.runDir(), job.doFile(), job.workingDir(), 1, false,
                job.submittedAtMillis()).save();
        slurm.answer("squeue", new CommandResult(0, "90\n", ""));
        assertThat(new SlurmClient(client.settings(), slurm, Clock.systemUTC()).adopt("crash")).isEqualTo(job);
    }

    @Test
    void sameJobIdCannotBeSubmittedTwice() throws Exception {
        slurm.answer("sbatch", new CommandResult(0, "5\n", ""));
        SlurmJobRequest request = SlurmJobRequest.single("twice", work.resolve("a.do"), work, List.of(), null);
        client.submit(request);
        assertThatThrownBy(() -> client.submit(request)).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.LOCAL_FILES));
    }

    /** Answers each Slurm command with a set result, or times it out; records every call. */
    private static final class Scripted implements CommandRunner {
        final List<List<String>> calls = new ArrayList<>();
        private final Map<String, CommandResult> answers = new HashMap<>();
        private final List<String> timeouts = new ArrayList<>();

        void answer(String command, CommandResult result) {
            answers.put(command, result);
        }

        void timeOut(String command) {
            timeouts.add(command);
        }

        @Override
        public CommandResult run(List<String> command, Map<String, String> extraEnv, Duration timeout)
                throws CommandTimeoutException {
            calls.add(command);
            if (timeouts.contains(command.get(0))) {
                throw new CommandTimeoutException(command.get(0) + " did not finish within 30 s");
            }
            CommandResult r = answers.get(command.get(0));
            if (r == null) {
                throw new AssertionError("unexpected command " + command);
            }
            return r;
        }
    }
}
