package dev.statamcp.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.statamcp.server.jobs.Job;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobKind;
import dev.statamcp.server.jobs.JobManager;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.JobSettings;
import dev.statamcp.server.jobs.JobSpec;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.results.ErrorHints;
import dev.statamcp.server.results.RenderLimits;
import dev.statamcp.server.results.RunResultRenderer;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.ProcessOwner;
import dev.statamcp.stata.slurm.SlurmClient;
import dev.statamcp.stata.slurm.SlurmSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The cluster executor behind the job manager, against scripted Slurm commands ({@link FakeSlurm}): states become
 * job states and progress messages, the log is tailed, ends become results, cancel is scancel, a restarted server
 * re-adopts, and what Slurm refuses reaches the caller. The real cluster is exercised by ClusterAcceptanceIT.
 */
class ClusterExecutorTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String SLURM_ID = "4242";

    @TempDir
    Path dir;
    FakeSlurm slurm;
    SlurmSettings settings;
    Database db;
    JobStore store;
    JobFolders folders;
    ClusterExecutor executor;
    JobManager manager;
    Path work;
    Path doFile;

    @BeforeEach
    void setUp() throws IOException {
        slurm = new FakeSlurm(dir.resolve("slurm"));
        work = Files.createDirectories(dir.resolve("work"));
        doFile = Files.writeString(work.resolve("sim.do"), "display \"starting\"\nsleep 1000\ndisplay \"done\"\n");
        settings = SlurmSettings.of("/opt/stata/stata-mp", dir.resolve("runs")).withBinDir(slurm.bin)
                .withVisibilityGrace(Duration.ofSeconds(1));
        folders = new JobFolders(dir.resolve("data"));
        db = Database.open(folders.database());
        store = new JobStore(db);
        executor = newExecutor(true);
        manager = newManager(executor);
    }

    ClusterExecutor newExecutor(boolean acceptsNewJobs) {
        return new ClusterExecutor(() -> new SlurmClient(settings), acceptsNewJobs, Duration.ofMillis(150),
                Clock.systemUTC());
    }

    JobManager newManager(ClusterExecutor ex) {
        RunResultRenderer renderer = new RunResultRenderer(new ErrorHints(rc -> null), RenderLimits.defaults(),
                Clock.systemUTC(), () -> false);
        return new JobManager(store, folders, Map.of(JobKind.CLUSTER, ex), renderer,
                JobSettings.defaults().withCancelGrace(Duration.ofMillis(500)), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        manager.close();
        executor.close();
        db.close();
    }

    Job submit(Map<String, String> cluster) {
        return manager.submit(new JobSpec(JobKind.CLUSTER, "cluster", null, doFile.toString(), work.toString(),
                List.of("a b", "2"), null, OutputMode.FULL, null, cluster), "test");
    }

    Path runDir(Job job) {
        return dir.resolve("runs").resolve(job.id().value());
    }

    void started(Job job, String node) throws IOException {
        Files.writeString(runDir(job).resolve("started"), node + " " + Instant.now().getEpochSecond() + "\n");
    }

    void exited(Job job, int code) throws IOException {
        Files.writeString(runDir(job).resolve("exit"), code + "\n");
    }

    void log(String... lines) throws IOException {
        Files.writeString(work.resolve("sim.log"), String.join("\n", lines) + "\n");
    }

    Job ended(Job job) {
        return manager.whenFinished(job.id()).orTimeout(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                .join();
    }

    @Test
    void pendingThenRunningWithItsLogThenSucceededWithTheLogKept() throws Exception {
        slurm.job(SLURM_ID, "JobState=PENDING Reason=Resources");
        List<String> states = new CopyOnWriteArrayList<>();
        List<String> lines = new CopyOnWriteArrayList<>();
        Job job = submit(Map.of("partition", "short", "cpus", "2"));
        manager.watch(job.id(), e -> {
            if (e instanceof JobEvent.Progress p && p.state() != null) {
                states.add(p.state());
            } else if (e instanceof JobEvent.Line l) {
                lines.add(l.text());
            }
        });
        assertThat(store.find(job.id()).orElseThrow().executor().path("slurm_job_id").asText()).isEqualTo(SLURM_ID);
        String script = Files.readString(runDir(job).resolve("job.sbatch"));
        assertThat(script).contains("#SBATCH --partition=short", "#SBATCH --cpus-per-task=2",
                "#SBATCH --job-name=stata-mcp-" + job.id());
        await().atMost(WAIT).until(() -> states.contains("PENDING (Resources)"));
        assertThat(manager.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);

        started(job, "node7");
        log(". display \"starting\"", "starting", "", ". sleep 1000");
        slurm.job(SLURM_ID, "JobState=RUNNING Reason=None BatchHost=node7 RunTime=00:00:03");
        await().atMost(WAIT).until(() -> states.contains("RUNNING on node7") && lines.contains("starting"));
        assertThat(manager.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(manager.view(job.id()).orElseThrow().progress().commandsTotal()).isEqualTo(3L);

        log(". display \"starting\"", "starting", "", ". sleep 1000", "", ". display \"done\"", "done", "", ". ",
                "end of do-file");
        exited(job, 0);
        slurm.job(SLURM_ID, "JobState=COMPLETED Reason=None BatchHost=node7 ExitCode=0:0");
        Job end = ended(job);
        assertThat(end.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(end.rc()).isZero();
        assertThat(lines).containsSubsequence("starting", "done");
        assertThat(manager.result(job.id()).orElseThrow()).contains("done");
        Path kept = folders.folder(job.id()).resolve("stata.log");
        assertThat(end.logPath()).isEqualTo(kept);
        assertThat(Files.readString(kept)).contains("end of do-file");
    }

    @Test
    void stataErrorComesBackWithItsRcMessageCommandAndLine() throws Exception {
        Files.writeString(doFile, "display \"starting\"\nerror 459\ndisplay \"never\"\n");
        Job job = submit(Map.of());
        started(job, "node7");
        log(". display \"starting\"", "starting", "", ". error 459", "something that should be true of your data is not",
                "r(459);", "", "end of do-file", "", "r(459);");
        exited(job, 0);
        slurm.job(SLURM_ID, "JobState=COMPLETED Reason=None BatchHost=node7 ExitCode=0:0");
        Job end = ended(job);
        assertThat(end.status()).isEqualTo(JobStatus.FAILED);
        assertThat(end.rc()).isEqualTo(459);
        assertThat(end.error().path("message").asText()).isEqualTo("something that should be true of your data is not");
        assertThat(end.error().path("command").asText()).isEqualTo("error 459");
        assertThat(end.error().path("line").asInt()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource({"FAILED, non-zero exit code", "NODE_FAIL, compute node failed", "OUT_OF_MEMORY, ran out of memory",
                "PREEMPTED, preempted it"})
    void slurmEndingTheJobFailsItWithSlurmsReason(String state, String explained) throws Exception {
        Job job = submit(Map.of());
        started(job, "node3");
        slurm.job(SLURM_ID, "JobState=" + state + " Reason=" + (state.equals("FAILED") ? "NonZeroExitCode" : "None")
                + " BatchHost=node3 ExitCode=1:0");
        Job end = ended(job);
        assertThat(end.status()).isEqualTo(JobStatus.FAILED);
        assertThat(end.rc()).isNull();
        assertThat(end.summary()).contains("Slurm job " + SLURM_ID + " " + state, explained);
        assertThat(end.startedAt()).isNotNull();
    }

    @Test
    void slurmTimeLimitEndsTheJobTimedOutSayingSo() throws Exception {
        Job job = submit(Map.of("time", "5"));
        assertThat(Files.readString(runDir(job).resolve("job.sbatch"))).contains("#SBATCH --time=5");
        started(job, "node3");
        slurm.job(SLURM_ID, "JobState=TIMEOUT Reason=TimeLimit BatchHost=node3 RunTime=00:05:01");
        Job end = ended(job);
        assertThat(end.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(end.summary()).contains("TIMEOUT", "time limit", "ask for more time");
    }

    @Test
    void theCallsTimeoutBecomesTheSlurmTimeLimitWhenNoTimeIsGiven() throws Exception {
        slurm.job(SLURM_ID, "JobState=PENDING Reason=Priority");
        Job job = manager.submit(new JobSpec(JobKind.CLUSTER, "cluster", null, doFile.toString(), work.toString(),
                List.of(), 90, OutputMode.COMPACT, null, Map.of()), "test");
        assertThat(Files.readString(runDir(job).resolve("job.sbatch"))).contains("#SBATCH --time=2");
        manager.cancel(job.id(), "done with it");
    }

    @Test
    void cancelOfARunningJobIsScancelAndEndsCancelled() throws Exception {
        Job job = submit(Map.of());
        started(job, "node7");
        log(". display \"starting\"", "starting");
        slurm.job(SLURM_ID, "JobState=RUNNING Reason=None BatchHost=node7");
        await().atMost(WAIT).until(() -> manager.find(job.id()).orElseThrow().status() == JobStatus.RUNNING);
        var cancelled = manager.cancel(job.id(), "cancelled by the test");
        await().atMost(WAIT).until(() -> slurm.cancelled().contains(SLURM_ID));
        slurm.job(SLURM_ID, "JobState=CANCELLED Reason=None BatchHost=node7");
        Job end = cancelled.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(end.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(end.cancelReason()).isEqualTo("cancelled by the test");
        assertThat(manager.result(job.id()).orElseThrow()).contains("starting");
    }

    @Test
    void cancelWhileQueuedEndsCancelledWithoutEverRunning() throws Exception {
        slurm.job(SLURM_ID, "JobState=PENDING Reason=Priority");
        Job job = submit(Map.of());
        // A stale log of an earlier run of the same do-file must not pass for this run's output.
        log(". display \"old\"", "old run's output");
        Files.setLastModifiedTime(work.resolve("sim.log"), FileTime.from(Instant.now().minusSeconds(3600)));
        var cancelled = manager.cancel(job.id(), "not needed");
        await().atMost(WAIT).until(() -> slurm.cancelled().contains(SLURM_ID));
        slurm.job(SLURM_ID, "JobState=CANCELLED Reason=None");
        Job end = cancelled.orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(end.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(end.startedAt()).isNull();
        assertThat(manager.result(job.id()).orElseThrow()).doesNotContain("old run's output");
    }

    @Test
    void cancelThatSlurmCannotDeliverEndsTheJobAndSaysHowToFinishIt() throws Exception {
        slurm.job(SLURM_ID, "JobState=PENDING Reason=Priority");
        Job job = submit(Map.of());
        slurm.failing("scancel", "scancel: error: Kill job error on job id 4242: Access/permission denied");
        Job end = manager.cancel(job.id(), "stop").orTimeout(20, java.util.concurrent.TimeUnit.SECONDS).join();
        assertThat(end.status()).as("for all we know it still runs").isEqualTo(JobStatus.FAILED);
        assertThat(manager.result(job.id()).orElseThrow()).contains("could not cancel Slurm job 4242",
                "scancel 4242");
    }

    @Test
    void controllerAwayForAWhileDoesNotFailTheJob() throws Exception {
        slurm.job(SLURM_ID, "JobState=RUNNING Reason=None BatchHost=node7");
        Job job = submit(Map.of());
        List<String> states = new CopyOnWriteArrayList<>();
        manager.watch(job.id(), e -> {
            if (e instanceof JobEvent.Progress p && p.state() != null) {
                states.add(p.state());
            }
        });
        slurm.failing("scontrol", "slurm_load_jobs error: Unable to contact slurm controller (connect failure)");
        await().atMost(WAIT).until(() -> states.stream().anyMatch(s -> s.startsWith("Slurm not answering")));
        assertThat(manager.find(job.id()).orElseThrow().isTerminal()).isFalse();
        slurm.healed("scontrol");
        started(job, "node7");
        log(". display \"done\"", "done", "", "end of do-file");
        exited(job, 0);
        slurm.job(SLURM_ID, "JobState=COMPLETED Reason=None BatchHost=node7");
        assertThat(ended(job).status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void logNotVisibleFromThisMachineFailsTheJobNamingThePath() throws Exception {
        Job job = submit(Map.of());
        started(job, "node7");
        exited(job, 0); // the job ran, but its log in the working directory never shows up here
        slurm.job(SLURM_ID, "JobState=COMPLETED Reason=None BatchHost=node7 EndTime=" + java.time.LocalDateTime.now()
                .withNano(0));
        Job end = ended(job);
        assertThat(end.status()).isEqualTo(JobStatus.FAILED);
        assertThat(end.summary()).contains("not visible from this machine", work.resolve("sim.log").toString());
    }

    @Test
    void whatSlurmRefusesReachesTheCallerAsTheReasonTheJobDidNotStart() throws Exception {
        slurm.failing("sbatch", "sbatch: error: invalid partition specified: nosuch\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified");
        assertThatThrownBy(() -> submit(Map.of("partition", "nosuch"))).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("Invalid partition name specified").hasMessageContaining("sinfo");
        slurm.failing("sbatch", "sbatch: error: Batch job submission failed: Requested node configuration is not"
                + " available");
        assertThatThrownBy(() -> submit(Map.of())).isInstanceOf(JobRejectedException.class)
                .hasMessageStartingWith("Slurm rejected the job: ").hasMessageContaining("node configuration");
        slurm.failing("sbatch", "sbatch: error: Batch job submission failed: Unable to contact slurm controller"
                + " (connect failure)");
        assertThatThrownBy(() -> submit(Map.of())).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("controller cannot be reached");
        assertThatThrownBy(() -> submit(Map.of("cpus", "many"))).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("cpus must be a whole number");
        assertThatThrownBy(() -> submit(Map.of("qos", "high"))).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("unknown cluster option 'qos'");
        // Each refusal is kept as a failed job with its reason, like any job that could not start.
        assertThat(store.list(dev.statamcp.server.store.JobStore.JobFilter.newest(10))).hasSize(5)
                .allMatch(j -> j.status() == JobStatus.FAILED);
    }

    @Test
    void sbatchMissingSaysWhatToInstallOrSet() throws Exception {
        settings = settings.withBinDir(Files.createDirectories(dir.resolve("empty-bin")));
        assertThatThrownBy(() -> submit(Map.of())).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("sbatch not found").hasMessageContaining("slurm_bin_dir");
    }

    @Test
    void aServerWithoutTheSlurmExecutorRefusesNewClusterJobs() {
        manager.close();
        executor.close();
        executor = newExecutor(false);
        manager = newManager(executor);
        assertThatThrownBy(() -> submit(Map.of())).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("--executor slurm");
    }

    @Test
    void secondRunWritingTheSameLogIsRefused() throws Exception {
        slurm.job(SLURM_ID, "JobState=PENDING Reason=Priority");
        Job first = submit(Map.of());
        assertThatThrownBy(() -> submit(Map.of())).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining(first.id().value()).hasMessageContaining("stata_run_sweep");
    }

    @Test
    void shutdownLeavesTheSlurmJobRunningAndARestartedServerReadoptsAndFinishesIt() throws Exception {
        slurm.job(SLURM_ID, "JobState=RUNNING Reason=None BatchHost=node7");
        Job job = submit(Map.of());
        started(job, "node7");
        log(". display \"starting\"", "starting");
        await().atMost(WAIT).until(() -> manager.find(job.id()).orElseThrow().status() == JobStatus.RUNNING);

        manager.interruptAll("the server shut down", Duration.ofMillis(300));
        assertThat(slurm.cancelled()).isEmpty();
        Job left = store.find(job.id()).orElseThrow();
        assertThat(left.status()).as("left for the next server").isEqualTo(JobStatus.RUNNING);
        manager.close();
        executor.close();

        // The next server process: the job's owner is gone.
        store.changeOwner(job.id(), new ProcessOwner(Integer.MAX_VALUE - 7, 1));
        log(". display \"starting\"", "starting", "", ". display \"done\"", "done", "", "end of do-file");
        exited(job, 0);
        slurm.forget(SLURM_ID); // and Slurm forgot it meanwhile: its files decide
        executor = newExecutor(true);
        manager = newManager(executor);
        assertThat(manager.recover().adopted()).containsExactly(job.id());
        Job end = ended(job);
        assertThat(end.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(manager.result(job.id()).orElseThrow()).contains("done");
    }
}
