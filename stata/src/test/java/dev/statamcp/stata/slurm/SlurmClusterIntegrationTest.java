package dev.statamcp.stata.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.awaitility.Awaitility.await;

import dev.statamcp.stata.slurm.SlurmException.Kind;
import dev.statamcp.stata.slurm.TaskStatus.Source;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The Slurm client against the real single-node cluster of {@code scripts/slurm/cluster-up}, running do-files
 * through the Stata emulator (fakestata). Two slow cases (a job that hits its time limit, a job that Slurm forgets after
 * MinJobAge) are submitted first and checked last, so their waiting overlaps the other tests.
 */
@Tag("slurm")
@ExtendWith(SlurmTestCluster.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlurmClusterIntegrationTest {

    private static final Duration POLL = Duration.ofMillis(300);

    private static Path base;
    private static Path work;
    private static SlurmSettings settings;
    private static SlurmClient client;
    private static SlurmJob timeLimited;
    private static SlurmJob forgotten;

    @BeforeAll
    static void setUp() throws Exception {
        SlurmTestCluster.Cluster cluster = SlurmTestCluster.get();
        // Not @TempDir: jobs run as the submitting user on the node and must find these paths; a fixed place under
        // the build folder is also easy to inspect when a test fails.
        base = cluster.projectRoot().resolve("stata/target/slurm-it/" + UUID.randomUUID().toString().substring(0, 8));
        work = Files.createDirectories(base.resolve("work"));
        settings = SlurmSettings.of(StataForTests.command(cluster.projectRoot()).toString(), base.resolve("runs"))
                .withSlurmConf(cluster.slurmConf())
                .withVisibilityGrace(Duration.ofSeconds(5));
        client = new SlurmClient(settings);
        timeLimited = client.submit(SlurmJobRequest.single(id("limit"), doFile("limit.do", "display \"long\"",
                "sleep 600000"), work, List.of(), SlurmResources.NONE.withTimeLimit("1")));
        forgotten = client.submit(SlurmJobRequest.single(id("forgotten"), doFile("forgotten.do",
                "display \"quick\""), work, List.of(), null));
    }

    @AfterAll
    static void cancelLeftovers() throws SlurmException {
        if (client != null && timeLimited != null) {
            client.cancel(timeLimited);
        }
    }

    @Test
    @Order(0)
    void jobWaitingForCpusShowsPendingWithSlurmsReason() throws Exception {
        // While the time-limited job holds a CPU, a job asking for every CPU of the node has to wait.
        await().atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                .until(() -> client.status(timeLimited).tasks().get(0).state() instanceof TaskState.Running);
        SlurmJob job = client.submit(SlurmJobRequest.single(id("wide"), doFile("wide.do", "display \"wide\""), work,
                List.of(), SlurmResources.NONE.withCpus(nodeCpus())));
        try {
            await().atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                    .until(() -> client.status(job).summary(), s -> s.equals("PENDING (Resources)"));
            assertThat(client.queued(job)).containsExactly(job.slurmJobId());
        } finally {
            client.cancel(job);
        }
        assertThat(follow(job, Duration.ofSeconds(30), s -> { }).tasks().get(0).state())
                .isInstanceOf(TaskState.Cancelled.class);
    }

    @Test
    @Order(1)
    void tenSecondJobIsSeenQueuedOrRunningThenFinishesWithItsLog() throws Exception {
        SlurmJob job = client.submit(SlurmJobRequest.single(id("ten"), doFile("ten.do",
                "display \"starting\"", "sleep 10000", "display \"all done\""), work, List.of(), null));
        assertThat(job.slurmJobId()).matches("\\d+");
        assertThat(job.script()).exists();

        List<String> progress = new ArrayList<>();
        List<String> logLines = new ArrayList<>();
        SlurmJobStatus end = follow(job, Duration.ofSeconds(90), s -> {
            progress.add(s.summary());
            if (s.tasks().get(0).state() instanceof TaskState.Running) {
                client.lastLogLine(job, 0).ifPresent(logLines::add);
            }
        });

        assertThat(progress).anyMatch(p -> p.startsWith("PENDING") || p.matches("RUNNING on \\S+.*"));
        // While Stata sleeps, the log's last line is the sleep's echo (or the line before it).
        assertThat(logLines).as("log lines seen while it ran")
                .anyMatch(l -> l.equals("starting") || l.contains("sleep 10000"));
        assertThat(end.tasks()).singleElement().satisfies(t -> {
            assertThat(t.state()).isInstanceOf(TaskState.Succeeded.class);
            assertThat(t.source()).isEqualTo(Source.CONTROLLER);
        });
        assertThat(job.logPath(0)).isEqualTo(work.resolve("ten.log"));
        assertThat(Files.readString(job.logPath(0))).contains("all done");
    }

    @Test
    @Order(2)
    void stataErrorComesBackWithItsRc() throws Exception {
        SlurmJob job = client.submit(SlurmJobRequest.single(id("err"), doFile("err.do",
                "display \"before the error\"", "error 459", "display \"never\""), work, List.of(), null));
        TaskState state = follow(job, Duration.ofSeconds(60), s -> { }).tasks().get(0).state();
        assertThat(state).isInstanceOfSatisfying(TaskState.StataError.class, e -> {
            assertThat(e.rc()).isEqualTo(459);
            assertThat(e.message()).isEqualTo("something that should be true of your data is not");
            assertThat(e.log()).isEqualTo(work.resolve("err.log"));
        });
    }

    @Test
    @Order(3)
    void cancelledRunningJobEndsCancelledAndLeavesTheQueue() throws Exception {
        SlurmJob job = client.submit(SlurmJobRequest.single(id("cancel"), doFile("cancel.do",
                "display \"waiting\"", "sleep 300000"), work, List.of(), null));
        await().atMost(Duration.ofSeconds(60)).pollInterval(POLL)
                .until(() -> client.status(job).tasks().get(0).state() instanceof TaskState.Running);
        client.cancel(job);
        TaskState state = follow(job, Duration.ofSeconds(60), s -> { }).tasks().get(0).state();
        assertThat(state).isInstanceOf(TaskState.Cancelled.class);
        assertThat(client.queued(job)).isEmpty();
        client.cancel(job); // again, after it ended: not an error
    }

    @Test
    @Order(4)
    void sweepOfSixWithOneFailingTaskReportsSixResults() throws Exception {
        List<List<String>> args = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            args.add(List.of("task" + i, i == 4 ? "198" : "0"));
        }
        SlurmJob job = client.submit(SlurmJobRequest.sweep(id("sweep"), doFile("sim.do",
                "display \"running `1'\"", "sleep 500", "error `2'", "display \"finished `1'\""), work, args, 2, null));
        List<String> summaries = new ArrayList<>();
        SlurmJobStatus end = follow(job, Duration.ofSeconds(180), s -> summaries.add(s.summary()));

        assertThat(end.tasks()).hasSize(6);
        for (int i = 0; i < 6; i++) {
            TaskStatus t = end.task(i);
            assertThat(job.logPath(i)).isEqualTo(job.runDir().resolve("task-" + i + "/sim.log"));
            assertThat(Files.readString(job.logPath(i))).as("task %d's own log", i).contains("running task" + i);
            if (i == 4) {
                assertThat(t.state()).isInstanceOfSatisfying(TaskState.StataError.class,
                        e -> assertThat(e.rc()).isEqualTo(198));
            } else {
                assertThat(t.state()).as("task %d", i).isInstanceOf(TaskState.Succeeded.class);
                assertThat(Files.readString(job.logPath(i))).contains("finished task" + i);
            }
        }
        assertThat(end.summary()).isEqualTo("6 tasks: 5 finished, 1 Stata error");
        assertThat(summaries).as("max_parallel 2 keeps some tasks queued at first")
                .anyMatch(s -> s.contains("queued"));
    }

    @Test
    @Order(5)
    void oneTaskOfASweepCanBeCancelled() throws Exception {
        SlurmJob job = client.submit(SlurmJobRequest.sweep(id("cancel-task"), doFile("wait.do", "sleep 300000"),
                work, List.of(List.of("a"), List.of("b")), null, null));
        await().atMost(Duration.ofSeconds(120)).pollInterval(POLL)
                .until(() -> client.status(job).task(0).state() instanceof TaskState.Running);
        client.cancelTask(job, 1); // queued or running, depending on free CPUs

        await().atMost(Duration.ofSeconds(30)).pollInterval(POLL)
                .until(() -> client.status(job).task(1).state() instanceof TaskState.Cancelled);
        assertThat(client.status(job).task(0).state()).isInstanceOf(TaskState.Running.class);
        client.cancel(job);
        SlurmJobStatus end = follow(job, Duration.ofSeconds(30), s -> { });
        assertThat(end.tasks()).allSatisfy(t -> assertThat(t.state()).isInstanceOf(TaskState.Cancelled.class));
    }

    @Test
    @Order(6)
    void freshClientReadoptsARunningJobByItsIds() throws Exception {
        SlurmJob job = client.submit(SlurmJobRequest.single(id("readopt"), doFile("readopt.do",
                "display \"one\"", "sleep 4000", "display \"two\""), work, List.of(), null));
        SlurmClient restarted = new SlurmClient(settings);
        SlurmJob adopted = restarted.adopt(job.jobId(), job.slurmJobId());
        assertThat(adopted).isEqualTo(job);
        assertThat(restarted.status(adopted).terminal()).isFalse();
        List<String> seen = new ArrayList<>();
        SlurmJobStatus end = assertTimeoutPreemptively(Duration.ofSeconds(60),
                () -> restarted.follow(adopted, POLL, s -> seen.add(s.summary())));
        assertThat(end.tasks().get(0).state()).isInstanceOf(TaskState.Succeeded.class);
        assertThat(seen).last().isEqualTo(end.summary());

        assertThatThrownBy(() -> restarted.adopt(job.jobId(), "1" + job.slurmJobId()))
                .isInstanceOfSatisfying(SlurmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_JOB));
        assertThatThrownBy(() -> restarted.adopt("never-submitted"))
                .isInstanceOfSatisfying(SlurmException.class, e -> assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_JOB));
    }

    @Test
    @Order(7)
    void sbatchMissing() throws IOException {
        SlurmClient noSlurm = new SlurmClient(settings.withBinDir(Files.createDirectories(base.resolve("empty-bin"))));
        assertThatThrownBy(() -> noSlurm.submit(simple("nobin")))
                .isInstanceOfSatisfying(SlurmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.COMMAND_MISSING);
                    assertThat(e.getMessage()).contains("sbatch not found", "slurm_bin_dir");
                });
    }

    @Test
    @Order(8)
    void controllerUnreachable() throws IOException {
        // The cluster's own configuration with a controller port nobody listens on.
        String conf = Files.readString(settings.slurmConf()).replaceAll("(?m)^SlurmctldPort=\\d+", "SlurmctldPort=1");
        Path wrongPort = Files.writeString(base.resolve("wrong-port.conf"), conf);
        SlurmClient unreachable = new SlurmClient(settings.withSlurmConf(wrongPort));
        assertThatThrownBy(() -> unreachable.submit(simple("unreachable")))
                .isInstanceOfSatisfying(SlurmException.class, e -> {
                    assertThat(e.kind()).isEqualTo(Kind.CONTROLLER_UNREACHABLE);
                    assertThat(e.getMessage()).contains("Unable to contact slurm controller", "scontrol ping");
                });
    }

    @Test
    @Order(9)
    void missingConfiguration() {
        SlurmClient noConf = new SlurmClient(settings.withSlurmConf(base.resolve("no-such-slurm.conf")));
        assertThatThrownBy(() -> noConf.submit(simple("noconf"))).isInstanceOfSatisfying(SlurmException.class,
                e -> assertThat(e.kind()).isEqualTo(Kind.CONFIG_MISSING));
    }

    @Test
    @Order(10)
    void unknownPartition() {
        SlurmJobRequest request = SlurmJobRequest.single(id("nopart"), work.resolve("x.do"), work, List.of(),
                SlurmResources.NONE.withPartition("nosuchpartition"));
        assertThatThrownBy(() -> client.submit(request)).isInstanceOfSatisfying(SlurmException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.UNKNOWN_PARTITION);
            assertThat(e.getMessage()).contains("Invalid partition name specified", "sinfo");
        });
    }

    @Test
    @Order(11)
    void rejectedJobPassesSlurmsMessageOn() {
        SlurmJobRequest request = SlurmJobRequest.single(id("toobig"), work.resolve("x.do"), work, List.of(),
                SlurmResources.NONE.withMemory("99999999G"));
        assertThatThrownBy(() -> client.submit(request)).isInstanceOfSatisfying(SlurmException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.REJECTED);
            assertThat(e.getMessage()).startsWith("Slurm rejected the job: ")
                    .contains("Requested node configuration is not available");
        });
    }

    @Test
    @Order(12)
    void logWrittenWhereThisMachineCannotSeeItIsReported() throws Exception {
        Path nodeLocal = SlurmTestCluster.get().nodeLocalDir();
        boolean realNodeLocal = nodeLocal != null;
        // Where the cluster could not give the node a private folder, the log is removed after the job ends,
        // which looks the same from here.
        Path cwd = realNodeLocal ? nodeLocal : Files.createDirectories(base.resolve("pseudo-node-local"));
        SlurmClient quickGrace = new SlurmClient(settings.withVisibilityGrace(Duration.ofSeconds(1)));
        SlurmJob job = quickGrace.submit(SlurmJobRequest.single(id("invisible"), doFile("invisible.do",
                "display \"on the node\""), cwd, List.of(), null));
        await().atMost(Duration.ofSeconds(60)).pollInterval(POLL).until(() -> Files.exists(job.exitMarker(0)));
        if (!realNodeLocal) {
            Files.deleteIfExists(job.logPath(0));
        } else {
            assertThat(job.logPath(0)).doesNotExist();
        }
        TaskState state = follow(quickGrace, job, Duration.ofSeconds(60), s -> { }).tasks().get(0).state();
        assertThat(state).isInstanceOfSatisfying(TaskState.LogNotVisible.class, s -> {
            assertThat(s.path()).isEqualTo(cwd.resolve("invisible.log"));
            assertThat(s.message()).contains("not visible from this machine", "shared");
        });
    }

    @Test
    @Order(20)
    void jobPastItsTimeLimitIsTimedOut() throws Exception {
        // Slurm enforces limits in whole minutes and checks them about every 30 s.
        TaskState state = follow(timeLimited, Duration.ofSeconds(240), s -> { }).tasks().get(0).state();
        assertThat(state).isInstanceOfSatisfying(TaskState.TimedOut.class,
                t -> assertThat(t.message()).contains("TIMEOUT", "time limit"));
    }

    @Test
    @Order(21)
    void jobFinishedWhileNobodyWatchedIsResolvedFromItsFilesAfterSlurmForgotIt() throws Exception {
        SlurmCommands commands = new SlurmCommands(settings, new ProcessCommandRunner());
        // MinJobAge is 30 s on the test cluster; slurmctld purges old jobs about once a minute.
        Instant deadline = Instant.now().plus(Duration.ofSeconds(240));
        while (commands.showJob(forgotten.slurmJobId()).isPresent()) {
            assertThat(Instant.now()).as("Slurm still knows job %s", forgotten.slurmJobId()).isBefore(deadline);
            Thread.sleep(2000);
        }
        SlurmClient restarted = new SlurmClient(settings);
        SlurmJobStatus status = restarted.status(restarted.adopt(forgotten.jobId()));
        assertThat(status.tasks()).singleElement().satisfies(t -> {
            assertThat(t.source()).isEqualTo(Source.FILES);
            assertThat(t.state()).isInstanceOf(TaskState.Succeeded.class);
        });
        assertThat(restarted.queued(forgotten)).isEmpty();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static SlurmJobStatus follow(SlurmJob job, Duration limit, Consumer<SlurmJobStatus> each)
            throws Exception {
        return follow(client, job, limit, each);
    }

    /** Polls until the job is final, failing after {@code limit}. */
    private static SlurmJobStatus follow(SlurmClient c, SlurmJob job, Duration limit,
                                         Consumer<SlurmJobStatus> each) throws Exception {
        Instant deadline = Instant.now().plus(limit);
        while (true) {
            SlurmJobStatus s = c.status(job);
            each.accept(s);
            if (s.terminal()) {
                return s;
            }
            assertThat(Instant.now()).as("job %s still %s", job.slurmJobId(), s.summary()).isBefore(deadline);
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The node's CPU count as the test cluster configured it (slurmd -C), which may differ from the JVM's view. */
    private static int nodeCpus() throws IOException {
        Matcher m = Pattern.compile("(?m)^NodeName=.*\\bCPUs=(\\d+)")
                .matcher(Files.readString(settings.slurmConf()));
        assertThat(m.find()).as("CPUs= in %s", settings.slurmConf()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static String id(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    private static Path doFile(String name, String... lines) throws IOException {
        return Files.writeString(work.resolve(name), String.join("\n", lines) + "\n");
    }

    private static SlurmJobRequest simple(String name) {
        return SlurmJobRequest.single(id(name), work.resolve("x.do"), work, List.of(), null);
    }
}
