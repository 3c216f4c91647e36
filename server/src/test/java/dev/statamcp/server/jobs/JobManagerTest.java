package dev.statamcp.server.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.statamcp.server.jobs.ExecutionOutcome.Ending;
import dev.statamcp.server.json.Json;
import dev.statamcp.server.store.Database;
import dev.statamcp.server.store.JobStore;
import dev.statamcp.server.store.JobStore.Completion;
import dev.statamcp.server.store.ProcessOwner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job system's own rules, with an executor the test steers by hand (Stata itself is exercised end to end in
 * the integration tests against the emulator).
 */
class JobManagerTest {
    @TempDir
    Path dir;
    Database db;
    JobStore store;
    JobFolders folders;
    SteeredExecutor executor;
    JobManager manager;

    /** Renders the status and the outcome into a small JSON result, as the real renderer would. */
    static final ResultRenderer RENDERER = (job, status, outcome, reason) -> new Completion(status, Instant.now(),
            outcome.rc(), null, status.wireName(), Json.write(Map.of("status", status.wireName(),
            "lines", outcome.lines().size())), List.of(), reason, JobProgress.NONE, null);

    @BeforeEach
    void setUp() {
        folders = new JobFolders(dir);
        db = Database.open(folders.database());
        store = new JobStore(db);
        executor = new SteeredExecutor();
        manager = newManager(JobSettings.defaults().withCancelGrace(Duration.ofMillis(300)));
    }

    JobManager newManager(JobSettings settings) {
        return new JobManager(store, folders, Map.of(JobKind.CODE, executor, JobKind.BATCH, executor), RENDERER,
                settings, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        manager.close();
        db.close();
    }

    @Test
    void theResultIsInTheStoreBeforeAnyWatcherHearsOfTheEnd() {
        Job job = manager.submit(JobSpec.code("default", "display 1"), "test");
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);

        List<String> seenAtFinish = new CopyOnWriteArrayList<>();
        manager.watch(job.id(), e -> {
            if (e instanceof JobEvent.Finished) {
                seenAtFinish.add(store.result(job.id()).orElse("NOT STORED"));
            }
        });
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        run.listener.onLine(". display 1", true, Instant.now());
        run.listener.onLine("1", false, Instant.now());
        run.end(new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null,
                List.of(new dev.statamcp.server.output.LogLine("1", false)), null, null, null));

        Job ended = manager.whenFinished(job.id()).join();
        assertThat(ended.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(seenAtFinish).singleElement().asString().contains("\"status\":\"succeeded\"");
    }

    @Test
    void cancelBreaksFirstAndTheJobEndsCancelledWhenStataStops() {
        Job job = manager.submit(JobSpec.code("default", "sleep 60000"), "test");
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        run.stopOnBreak = true;

        Job ended = manager.cancel(job.id(), "cancelled by the client").join();
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(ended.cancelReason()).isEqualTo("cancelled by the client");
        assertThat(run.breaks.get()).isEqualTo(1);
        assertThat(run.kills.get()).isZero();
    }

    @Test
    void aBreakThatIsIgnoredLeadsToAKillAfterTheGracePeriod() {
        Job job = manager.submit(JobSpec.code("default", "sleep 60000"), "test");
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        run.stopOnKill = true;

        Job ended = manager.cancel(job.id(), "stop").orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(run.breaks.get()).as("asked at once and again halfway through the grace").isEqualTo(2);
        assertThat(run.kills.get()).isEqualTo(1);
    }

    @Test
    void aLostBreakIsSentAgainBeforeTheGraceRunsOutSoNoKillIsNeeded() {
        Job job = manager.submit(JobSpec.code("default", "sleep 60000"), "test");
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        run.lostBreaks = 1;
        run.stopOnBreak = true;

        Job ended = manager.cancel(job.id(), "stop").orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(run.breaks.get()).isEqualTo(2);
        assertThat(run.kills.get()).isZero();
    }

    @Test
    void aJobOverItsTimeLimitEndsTimedOut() {
        Job job = manager.submit(JobSpec.code("default", "sleep 60000").withTimeoutSeconds(1), "test");
        Run run = executor.last();
        run.stopOnBreak = true;
        run.listener.onStarted(Instant.now(), null);

        Job ended = manager.whenFinished(job.id()).orTimeout(5, TimeUnit.SECONDS).join();
        assertThat(ended.status()).isEqualTo(JobStatus.TIMED_OUT);
        assertThat(ended.cancelReason()).contains("time limit of 1 s");
    }

    @Test
    void theTimeLimitCountsFromTheStartNotFromQueueing() throws Exception {
        Job job = manager.submit(JobSpec.code("default", "x").withTimeoutSeconds(1), "test");
        Run run = executor.last();
        run.stopOnBreak = true;
        Thread.sleep(1500); // queued longer than the limit
        assertThat(manager.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        run.listener.onStarted(Instant.now(), null);
        assertThat(manager.whenFinished(job.id()).orTimeout(5, TimeUnit.SECONDS).join().status())
                .isEqualTo(JobStatus.TIMED_OUT);
    }

    @Test
    void aSuccessThatWinsTheRaceAgainstACancelStands() {
        Job job = manager.submit(JobSpec.code("default", "display 1"), "test");
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        run.end(new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null, null, null, null, null));
        Job ended = manager.cancel(job.id(), "too late").join();
        assertThat(ended.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ended.cancelReason()).isNull();
    }

    @Test
    void cancellingAQueuedJobEndsItWithoutItEverStarting() {
        Job job = manager.submit(JobSpec.code("default", "display 1"), "test");
        Run run = executor.last();
        run.notStartedOnBreak = true;
        Job ended = manager.cancel(job.id(), "changed my mind").join();
        assertThat(ended.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(ended.startedAt()).isNull();
    }

    @Test
    void aRejectedSubmissionIsRecordedAsFailedAndReportedClearly() {
        executor.rejectNext = "session default has 100 runs waiting; wait or use another session";
        assertThatThrownBy(() -> manager.submit(JobSpec.code("default", "x"), "test"))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("100 runs waiting");
        assertThat(store.list(JobStore.JobFilter.newest(5))).singleElement()
                .satisfies(j -> assertThat(j.status()).isEqualTo(JobStatus.FAILED));
    }

    @Test
    void unknownJobsAndUnsupportedKindsGiveClearErrors() {
        JobId nobody = JobId.next(1);
        assertThatThrownBy(() -> manager.whenFinished(nobody).join()).hasCauseInstanceOf(UnknownJobException.class);
        assertThatThrownBy(() -> manager.submit(new JobSpec(JobKind.CLUSTER, "x", null, "/a.do", null, null, null,
                null, null, null), "test")).isInstanceOf(JobRejectedException.class)
                .hasMessageContaining("--executor slurm");
    }

    @Test
    void restartInterruptsSessionJobsOfADeadServerAndAdoptsItsBatchJobs() throws Exception {
        ProcessOwner dead = new ProcessOwner(999_999_999L, 1);
        Instant t = Instant.now();
        Job session = new Job(JobId.next(t.toEpochMilli()), JobSpec.code("default", "sleep 60000"), "test",
                JobStatus.QUEUED, t, null, null, null, null, null, null, null, null, null, null, dead.pid());
        store.insert(session, dead);
        Path partial = folders.create(session.id()).resolve("stata.log");
        Files.writeString(partial, ". sleep 60000\n");
        store.markRunning(session.id(), t, partial);

        JsonNode facts = Json.object().put("pid", 12345);
        Job batch = new Job(JobId.next(t.toEpochMilli() + 1), new JobSpec(JobKind.BATCH, "batch", null, "/a.do",
                null, null, null, null, null, null), "test", JobStatus.QUEUED, t, null, null, null, null, null,
                null, null, null, facts, null, dead.pid());
        store.insert(batch, dead);
        store.markRunning(batch.id(), t, null);

        JobRecovery.Report report = manager.recover();
        assertThat(report.interrupted()).containsExactly(session.id());
        assertThat(report.adopted()).containsExactly(batch.id());

        Job interrupted = store.find(session.id()).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(JobStatus.INTERRUPTED);
        assertThat(interrupted.cancelReason()).contains("pid 999999999");
        assertThat(store.result(session.id()).orElseThrow()).contains("\"lines\":1");

        Run adopted = executor.last();
        assertThat(adopted.adopted).isTrue();
        adopted.end(new ExecutionOutcome(Ending.STATA_ERROR, 111, "bad_var not found", 3, "gen y = bad_var",
                null, null, null, null));
        Job done = manager.whenFinished(batch.id()).join();
        assertThat(done.status()).isEqualTo(JobStatus.FAILED);
        assertThat(done.rc()).isEqualTo(111);
        assertThat(store.unfinished()).isEmpty();
    }

    @Test
    void jobsOfAnotherLiveServerAreLeftAloneAndFollowedThroughTheStore() {
        ProcessOwner other = ProcessOwner.of(ProcessHandle.current().parent().orElseThrow()).orElseThrow();
        Instant t = Instant.now();
        Job job = new Job(JobId.next(t.toEpochMilli()), JobSpec.code("s", "x"), "test", JobStatus.QUEUED, t, null,
                null, null, null, null, null, null, null, null, null, other.pid());
        store.insert(job, other);
        assertThat(manager.recover().interrupted()).isEmpty();

        CompletableFuture<Job> waiting = manager.whenFinished(job.id());
        assertThat(waiting).isNotDone();
        assertThatThrownBy(() -> manager.cancel(job.id(), "x").join()).hasMessageContaining("another stata-mcp");
        store.complete(job.id(), new Completion(JobStatus.SUCCEEDED, Instant.now(), 0, null, "ok", "{}", null, null,
                null, null));
        assertThat(waiting.orTimeout(5, TimeUnit.SECONDS).join().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    @Test
    void drainingRefusesNewJobsAndWaitsForRunningOnes() {
        Job job = manager.submit(JobSpec.code("default", "x"), "test");
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        CompletableFuture.runAsync(() -> {
            sleep(300);
            run.end(new ExecutionOutcome(Ending.SUCCEEDED, 0, null, null, null, null, null, null, null));
        });
        assertThat(manager.drain(Duration.ofSeconds(5))).isZero();
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThatThrownBy(() -> manager.submit(JobSpec.code("default", "x"), "test"))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("shutting down");
    }

    @Test
    void progressIsVisibleLiveAndPersistedPeriodically() {
        manager.close();
        manager = newManager(new JobSettings(null, Duration.ofSeconds(1), Duration.ZERO, Duration.ofDays(1), 10));
        Job job = manager.submit(JobSpec.code("default", "x"), "test");
        Run run = executor.last();
        run.listener.onStarted(Instant.now(), null);
        run.listener.onLine(". regress price mpg", true, Instant.now());
        run.listener.onPosition(12, 40L);
        assertThat(manager.find(job.id()).orElseThrow().progress())
                .isEqualTo(new JobProgress(12, 40L, "regress price mpg"));
        assertThat(store.find(job.id()).orElseThrow().progress().commandsDone()).isEqualTo(12);
        await().atMost(Duration.ofSeconds(2)).until(() -> manager.view(job.id()).isPresent());
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** One execution the test steers. */
    static final class Run implements ExecutionHandle {
        final ExecutionListener listener;
        final boolean adopted;
        final CompletableFuture<ExecutionOutcome> outcome = new CompletableFuture<>();
        final AtomicInteger breaks = new AtomicInteger();
        final AtomicInteger kills = new AtomicInteger();
        volatile boolean stopOnBreak;
        volatile boolean stopOnKill;
        volatile boolean notStartedOnBreak;
        /** How many Breaks are lost before one is heeded. */
        volatile int lostBreaks;

        Run(ExecutionListener listener, boolean adopted) {
            this.listener = listener;
            this.adopted = adopted;
        }

        void end(ExecutionOutcome o) {
            outcome.complete(o);
        }

        @Override
        public void requestBreak() {
            if (breaks.incrementAndGet() <= lostBreaks) {
                return;
            }
            if (notStartedOnBreak) {
                end(ExecutionOutcome.notStarted());
            } else if (stopOnBreak) {
                end(new ExecutionOutcome(Ending.BROKEN, 1, null, null, null, null, null, null, null));
            }
        }

        @Override
        public void kill() {
            kills.incrementAndGet();
            if (stopOnKill) {
                end(new ExecutionOutcome(Ending.KILLED, null, null, null, null, null, null, null, null));
            }
        }

        @Override
        public CompletableFuture<ExecutionOutcome> outcome() {
            return outcome;
        }
    }

    /** An executor whose runs the test ends by hand. */
    static final class SteeredExecutor implements JobExecutor {
        final List<Run> runs = new ArrayList<>();
        volatile String rejectNext;

        synchronized Run last() {
            return runs.get(runs.size() - 1);
        }

        @Override
        public synchronized ExecutionHandle start(Job job, Path folder, ExecutionListener listener) {
            if (rejectNext != null) {
                String message = rejectNext;
                rejectNext = null;
                throw new IllegalStateException(message);
            }
            Run run = new Run(listener, false);
            runs.add(run);
            return run;
        }

        @Override
        public synchronized ExecutionHandle adopt(Job job, Path folder, ExecutionListener listener) {
            Run run = new Run(listener, true);
            runs.add(run);
            return run;
        }
    }
}
