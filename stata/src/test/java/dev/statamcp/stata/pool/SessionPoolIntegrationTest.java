package dev.statamcp.stata.pool;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.session.QueueFullException;
import dev.statamcp.stata.session.SessionSettings;
import dev.statamcp.stata.session.SessionState;
import dev.statamcp.stata.testing.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: FIFO queues (busy queues, never refuses), parallel sessions, limits, idle close. */
class SessionPoolIntegrationTest {

    @TempDir
    Path tmp;

    private SessionPool pool(int maxSessions, Duration idle, int maxQueue) {
        return new SessionPool(Emulator.installation(), new PoolSettings(maxSessions, idle,
                SessionSettings.defaults(tmp).withTempRoot(tmp.resolve("engine")).withMaxQueue(maxQueue)));
    }

    @Test
    void hundredQueuedRunsFinishInSubmissionOrder() {
        try (SessionPool pool = pool(2, Duration.ZERO, 256)) {
            List<Integer> finishOrder = Collections.synchronizedList(new ArrayList<>());
            List<RunHandle> handles = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                int n = i;
                RunHandle h = pool.submit("default", RunRequest.of("global n = " + i + "\ndisplay $n"));
                h.result().thenRun(() -> finishOrder.add(n));
                handles.add(h);
            }
            List<String> outputs = new ArrayList<>();
            for (RunHandle h : handles) {
                RunResult r = await(h);
                assertThat(r.succeeded()).as(r.text()).isTrue();
                outputs.add(printed(r).get(0));
            }
            List<Integer> expected = new ArrayList<>();
            List<String> expectedOut = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                expected.add(i);
                expectedOut.add(Integer.toString(i));
            }
            assertThat(outputs).isEqualTo(expectedOut);
            await().atMost(Duration.ofSeconds(5)).until(() -> finishOrder.size() == 100);
            assertThat(finishOrder).isEqualTo(expected);
            for (int i = 1; i < handles.size(); i++) {
                RunResult prev = handles.get(i - 1).result().join();
                RunResult cur = handles.get(i).result().join();
                assertThat(cur.started()).isAfterOrEqualTo(prev.finished());
            }
        }
    }

    @Test
    void eightSessionsRunInParallel() {
        try (SessionPool pool = pool(8, Duration.ZERO, 16)) {
            List<RunHandle> warm = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                warm.add(pool.submit("s" + i, RunRequest.of("display " + i)));
            }
            warm.forEach(h -> assertThat(await(h).succeeded()).isTrue());

            Instant start = Instant.now();
            List<RunHandle> sleepers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sleepers.add(pool.submit("s" + i, RunRequest.of("sleep 1500\ndisplay \"s" + i + " done\"")));
            }
            List<RunResult> results = new ArrayList<>();
            sleepers.forEach(h -> results.add(await(h)));
            Duration wall = Duration.between(start, Instant.now());

            for (int i = 0; i < 8; i++) {
                assertThat(printed(results.get(i))).containsExactly("s" + i + " done");
            }
            // run one after another they would take 12 s; together, about 1.5 s
            assertThat(wall).isLessThan(Duration.ofMillis(6000));
            Instant latestStart = results.stream().map(RunResult::started).max(Instant::compareTo).orElseThrow();
            Instant earliestEnd = results.stream().map(RunResult::finished).min(Instant::compareTo).orElseThrow();
            assertThat(latestStart).as("all eight were running at the same time").isBefore(earliestEnd);
            assertThat(pool.list()).hasSize(8);
        }
    }

    @Test
    void sessionLimitAndQueueLimitGiveClearErrors() {
        try (SessionPool pool = pool(2, Duration.ZERO, 2)) {
            pool.session("default");
            pool.session("other");
            assertThatThrownBy(() -> pool.submit("third", RunRequest.of("display 1")))
                    .isInstanceOf(PoolLimitException.class)
                    .hasMessageContaining("already 2 Stata sessions")
                    .hasMessageContaining("default, other");
            RunHandle running = pool.submit("default", RunRequest.of("sleep 1000"));
            await().atMost(Duration.ofSeconds(30)).until(() -> running.progress().commandsStarted() == 1);
            pool.submit("default", RunRequest.of("display 1"));
            pool.submit("default", RunRequest.of("display 2"));
            assertThatThrownBy(() -> pool.submit("default", RunRequest.of("display 3")))
                    .isInstanceOf(QueueFullException.class).hasMessageContaining("2 runs waiting");
            assertThatThrownBy(() -> pool.submit("bad name!", RunRequest.of("display 1")))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Invalid session name");
        }
    }

    @Test
    void eachSessionHasItsOwnWorkingDirectory() throws Exception {
        Path a = Files.createDirectories(tmp.resolve("dir a"));
        Path b = Files.createDirectories(tmp.resolve("dir b"));
        try (SessionPool pool = pool(3, Duration.ZERO, 8)) {
            pool.create("a", a);
            pool.create("b", b);
            assertThat(printed(await(pool.submit("a", RunRequest.of("display c(pwd)")))))
                    .containsExactly(a.toRealPath().toString());
            assertThat(printed(await(pool.submit("b", RunRequest.of("display c(pwd)")))))
                    .containsExactly(b.toRealPath().toString());
            assertThatThrownBy(() -> pool.create("a", b)).hasMessageContaining("already exists");
        }
    }

    @Test
    void idleSessionsAreClosedAndDefaultIsOnlyStopped() {
        try (SessionPool pool = pool(3, Duration.ofMillis(1200), 8)) {
            await(pool.submit("default", RunRequest.of("global x = 1")));
            await(pool.submit("extra", RunRequest.of("display 1")));
            assertThat(pool.list()).hasSize(2);
            await().atMost(Duration.ofSeconds(15)).until(() -> pool.status("extra").isEmpty());
            await().atMost(Duration.ofSeconds(15))
                    .until(() -> pool.status("default").orElseThrow().state() == SessionState.STOPPED);
            RunResult again = await(pool.submit("default", RunRequest.of("display \"[$x]\"")));
            assertThat(again.freshSession()).isTrue();
            assertThat(printed(again)).containsExactly("[]");
        }
    }

    @Test
    void closingASessionCancelsItsQueue() {
        try (SessionPool pool = pool(2, Duration.ZERO, 8)) {
            RunHandle running = pool.submit("x", RunRequest.of("sleep 60000"));
            RunHandle queued = pool.submit("x", RunRequest.of("display 1"));
            List<String> events = new CopyOnWriteArrayList<>();
            queued.result().thenAccept(r -> events.add(r.outcome().kind().name()));
            await().atMost(Duration.ofSeconds(30)).until(() -> running.progress().commandsStarted() == 1);
            assertThat(pool.close("x")).isTrue();
            assertThat(await(running).outcome().kind().name()).isEqualTo("KILLED");
            assertThat(await(queued).outcome().summary()).isEqualTo("Not run: the session was closed.");
            assertThat(pool.status("x")).isEmpty();
        }
    }
}
