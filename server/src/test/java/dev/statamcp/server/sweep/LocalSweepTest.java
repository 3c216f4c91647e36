package dev.statamcp.server.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.statamcp.server.app.JobSystem;
import dev.statamcp.server.app.StataEngine;
import dev.statamcp.server.config.Key;
import dev.statamcp.server.config.Settings;
import dev.statamcp.server.jobs.JobEvent;
import dev.statamcp.server.jobs.JobFolders;
import dev.statamcp.server.jobs.JobRejectedException;
import dev.statamcp.server.jobs.JobStatus;
import dev.statamcp.server.jobs.OutputMode;
import dev.statamcp.server.safety.PathPolicy;
import dev.statamcp.stata.session.SessionStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Local sweeps (server with --executor local) on the Stata emulator: each task in a fresh session of the pool, at
 * most max_parallel at once, every task a job, a failing task reported as failed among the others, cancel.
 */
class LocalSweepTest {
    private static final Path ROOT = Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();

    @TempDir
    Path dir;
    StataEngine engine;
    JobSystem system;
    Path work;

    void open(int maxSessions) throws IOException {
        work = Files.createDirectories(dir.resolve("work"));
        Settings settings = Settings.load(Map.of(Key.STATA_PATH, ROOT.resolve("fakestata/bin/stata-mp").toString(),
                Key.DATA_DIR, dir.resolve("data").toString(), Key.MAX_SESSIONS, Integer.toString(maxSessions)),
                Map.of(), null);
        JobFolders folders = new JobFolders(settings.path(Key.DATA_DIR));
        engine = new StataEngine(settings, folders.dataDir());
        system = JobSystem.open(settings, folders, engine, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (system != null) {
            system.jobs().interruptAll("test over", Duration.ofSeconds(5));
            system.close();
        }
        if (engine != null) {
            engine.close();
        }
    }

    SweepView sweep(Path doFile, List<List<String>> args, Integer maxParallel, SweepMode mode) {
        return system.requests().sweep(new PathPolicy(List.of(dir)), doFile.toString(), null, args, maxParallel,
                mode, Map.of(), null, OutputMode.COMPACT, null, "test");
    }

    SweepView awaitEnd(SweepId id, Duration limit) {
        await().atMost(limit).pollInterval(Duration.ofMillis(200))
                .until(() -> system.requests().sweeps().find(id).orElseThrow().terminal());
        return system.requests().sweeps().find(id).orElseThrow();
    }

    @Test
    void eachTaskRunsInAFreshSessionAtMostMaxParallelAtOnceAndAFailureHidesNothing() throws Exception {
        open(3);
        // A program defined without dropping it first fails (r(110)) in a session that ran the do-file before.
        Path doFile = Files.writeString(work.resolve("sim.do"), String.join("\n", "args name code",
                "program define sim", "  display \"simulating\"", "end", "display \"running `name'\"", "sleep 300",
                "error `code'", "display \"finished `name'\"") + "\n");
        List<List<String>> args = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            args.add(List.of("t" + i, i == 3 ? "198" : "0"));
        }
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        system.jobs().watchAll(e -> {
            if (e instanceof JobEvent.Started) {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
            } else if (e instanceof JobEvent.Finished f && f.finished().startedAt() != null) {
                running.decrementAndGet();
            }
        });

        SweepView started = sweep(doFile, args, 2, null);
        assertThat(started.record().mode()).as("the server runs with --executor local").isEqualTo(SweepMode.LOCAL);
        SweepView end = awaitEnd(started.record().sweepId(), Duration.ofSeconds(120));

        assertThat(most.get()).as("tasks running at once").isBetween(1, 2);
        assertThat(end.tasks()).hasSize(5);
        for (SweepView.TaskView t : end.tasks()) {
            assertThat(t.job()).isNotNull();
            assertThat(t.job().spec().session()).isEqualTo(started.record().sweepId().taskLabel(t.task()));
            assertThat(t.job().spec().args()).isEqualTo(args.get(t.task()));
            if (t.task() == 3) {
                assertThat(t.status()).isEqualTo(JobStatus.FAILED);
                assertThat(t.job().rc()).isEqualTo(198);
            } else {
                assertThat(t.status()).as("task %d: %s", t.task(), t.job().summary()).isEqualTo(JobStatus.SUCCEEDED);
                assertThat(system.jobs().result(t.job().id()).orElseThrow()).contains("finished t" + t.task());
            }
        }
        assertThat(end.status()).isEqualTo(JobStatus.FAILED);
        // Each task's session is closed when it ends: the licence seats are given back.
        await().atMost(Duration.ofSeconds(10)).until(() -> engine.pool().list().stream().map(SessionStatus::name)
                .noneMatch(n -> n.startsWith(started.record().id())));
    }

    @Test
    void cancelStopsTheRunningTaskAndTheWaitingOnesNeverStart() throws Exception {
        open(2);
        Path doFile = Files.writeString(work.resolve("wait.do"), "display \"waiting\"\nsleep 60000\n");
        SweepView started = sweep(doFile, List.of(List.of("a"), List.of("b"), List.of("c")), 1, SweepMode.LOCAL);
        SweepId id = started.record().sweepId();
        await().atMost(Duration.ofSeconds(60)).until(() -> system.requests().sweeps().find(id).orElseThrow()
                .tasks().get(0).status() == JobStatus.RUNNING);
        assertThat(system.requests().sweeps().find(id).orElseThrow().tasks().get(1).status())
                .isEqualTo(JobStatus.QUEUED);

        system.requests().sweeps().cancel(id, "enough");
        SweepView end = awaitEnd(id, Duration.ofSeconds(30));
        assertThat(end.tasks()).extracting(SweepView.TaskView::status).containsOnly(JobStatus.CANCELLED);
        assertThat(end.tasks().get(0).job()).isNotNull();
        assertThat(end.tasks().get(1).job()).isNull();
        assertThat(end.tasks().get(1).error()).contains("enough");
        assertThat(end.status()).isEqualTo(JobStatus.CANCELLED);
    }

    @Test
    void clusterModeNeedsTheSlurmExecutor() throws Exception {
        open(2);
        Path doFile = Files.writeString(work.resolve("x.do"), "display 1\n");
        assertThatThrownBy(() -> sweep(doFile, List.of(List.of()), null, SweepMode.CLUSTER))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("--executor slurm");
    }

    @Test
    void noFreeSessionRefusesTheSweepSayingWhatToDo() throws Exception {
        open(1);
        engine.pool().session("default");
        Path doFile = Files.writeString(work.resolve("x.do"), "display 1\n");
        assertThatThrownBy(() -> sweep(doFile, List.of(List.of("1"), List.of("2")), null, null))
                .isInstanceOf(JobRejectedException.class).hasMessageContaining("every Stata session")
                .hasMessageContaining("max-sessions");
    }
}
