package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.process.Platform;
import dev.statamcp.stata.process.ProcessGroup;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.run.RunState;
import dev.statamcp.stata.testing.Emulator;
import dev.statamcp.stata.testing.Runs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: Break keeps the session and its data; kill leaves no process of the group; a crash is reported. */
class BreakKillIntegrationTest {

    @TempDir
    Path tmp;

    private StataSession session(String name, Map<String, String> env) {
        SessionSettings settings = SessionSettings.defaults(tmp).withTempRoot(tmp.resolve("engine"))
                .withEnvironment(env).withKillGrace(Duration.ofMillis(500));
        return new StataSession(name, settings, Emulator.installation(), ProcessGroupLauncher.forCurrentPlatform());
    }

    private static void awaitRunning(RunHandle h) {
        await().atMost(Duration.ofSeconds(30)).until(() -> h.state() == RunState.RUNNING
                && h.progress().commandsStarted() >= 1);
    }

    @Test
    void breakEndsTheRunWithRcOneWithinASecondAndTheSessionKeepsItsData() {
        try (StataSession s = session("brk", Map.of())) {
            assertThat(await(s.submit(RunRequest.of("set obs 7\nglobal kept = \"yes\""))).succeeded()).isTrue();
            RunHandle sleeping = s.submit(RunRequest.of("display \"sleeping\"\nsleep 60000\ndisplay \"woke\""));
            await().atMost(Duration.ofSeconds(30)).until(() -> sleeping.progress().commandsStarted() == 2);

            Instant breakAt = Instant.now();
            assertThat(sleeping.breakRun()).isTrue();
            RunResult r = await(sleeping);
            Duration took = Duration.between(breakAt, r.finished());
            System.out.println("break to result: " + took.toMillis() + " ms");

            assertThat(r.outcome()).isInstanceOf(Outcome.Broken.class);
            assertThat(r.rc()).hasValue(1);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            assertThat(Runs.texts(r, LineKind.ERROR)).contains("--Break--");
            assertThat(r.text()).doesNotContain("woke");

            RunResult after = await(s.submit(RunRequest.of("display _N\ndisplay \"$kept\"\ndisplay _rc")));
            assertThat(after.succeeded()).as(after.text()).isTrue();
            assertThat(after.freshSession()).isFalse();
            assertThat(printed(after)).containsExactly("7", "yes", "1");
            // The broken run's own log was closed even though the command closing it was thrown away.
            RunResult logs = await(s.submit(RunRequest.of("log query _all")));
            assertThat(logs.text()).doesNotContain("_smcp" + r.runId());
        }
    }

    @Test
    void cancelBreaksFirstAndKeepsTheSessionWhenTheBreakIsHonoured() {
        try (StataSession s = session("cancel", Map.of())) {
            RunHandle h = s.submit(RunRequest.of("global kept = 5\nsleep 60000"));
            await().atMost(Duration.ofSeconds(30)).until(() -> h.progress().commandsStarted() == 2);
            long pid = s.status().pid().orElseThrow();
            h.cancel(Duration.ofSeconds(5));
            assertThat(await(h).outcome()).isInstanceOf(Outcome.Broken.class);
            RunResult after = await(s.submit(RunRequest.of("display $kept")));
            assertThat(printed(after)).containsExactly("5");
            assertThat(s.status().pid().orElseThrow()).isEqualTo(pid);
        }
    }

    @Test
    void breakOnAQueuedRunTakesItOutOfTheQueue() {
        try (StataSession s = session("brkq", Map.of())) {
            RunHandle first = s.submit(RunRequest.of("sleep 1500"));
            awaitRunning(first);
            RunHandle queued = s.submit(RunRequest.of("display \"never\""));
            assertThat(queued.progress().queuePosition()).isEqualTo(1);
            assertThat(queued.breakRun()).isTrue();
            assertThat(await(queued).outcome()).isInstanceOf(Outcome.Cancelled.class);
            assertThat(await(first).succeeded()).isTrue();
        }
    }

    @Test
    void killLeavesNoProcessOfTheGroupAndTheNextRunGetsAFreshSession() {
        try (StataSession s = session("kill", Map.of("FAKESTATA_SPAWN_ORPHAN", "1"))) {
            assertThat(await(s.submit(RunRequest.of("global before = 1"))).succeeded()).isTrue();
            long pid = s.status().pid().orElseThrow();
            ProcessGroup group = new ProcessGroup(pid, Platform.current());
            await().atMost(Duration.ofSeconds(10)).until(() -> group.livingMembers().size() >= 2);
            List<Long> members = group.livingMembers();

            RunHandle h = s.submit(RunRequest.of("sleep 60000"));
            awaitRunning(h);
            h.kill();
            RunResult r = await(h);

            assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Killed.class,
                    k -> assertThat(k.survivors()).isEmpty());
            assertThat(group.livingMembers()).isEmpty();
            for (long member : members) {
                assertThat(ProcessHandle.of(member).map(p -> p.isAlive() && !isZombie(member)).orElse(false))
                        .as("member %d of the killed group", member).isFalse();
            }
            RunResult next = await(s.submit(RunRequest.of("display \"[$before]\"")));
            assertThat(next.succeeded()).isTrue();
            assertThat(next.freshSession()).isTrue();
            assertThat(printed(next)).containsExactly("[]");
            assertThat(s.status().pid().orElseThrow()).isNotEqualTo(pid);
        }
    }

    @Test
    void killAfterAnIgnoredBreakLeavesNoProcessOfTheGroupAlive() {
        // Stata ignores Break inside routines that do not poll for it; cancel must then fall back to the kill.
        try (StataSession s = session("ignored", Map.of("FAKESTATA_IGNORE_BREAK", "1",
                "FAKESTATA_SPAWN_ORPHAN", "1"))) {
            assertThat(await(s.submit(RunRequest.of("global before = 1"))).succeeded()).isTrue();
            long pid = s.status().pid().orElseThrow();
            ProcessGroup group = new ProcessGroup(pid, Platform.current());
            await().atMost(Duration.ofSeconds(10)).until(() -> group.livingMembers().size() >= 2);
            List<Long> members = group.livingMembers();

            RunHandle h = s.submit(RunRequest.of("sleep 60000"));
            awaitRunning(h);
            Instant cancelAt = Instant.now();
            h.cancel(Duration.ofSeconds(1));
            RunResult r = await(h);
            Duration took = Duration.between(cancelAt, r.finished());
            System.out.println("cancel of an ignored break to result: " + took.toMillis() + " ms");

            assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Killed.class,
                    k -> assertThat(k.survivors()).isEmpty());
            assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1)).isLessThan(Duration.ofSeconds(5));
            assertThat(group.livingMembers()).isEmpty();
            for (long member : members) {
                assertThat(ProcessHandle.of(member).map(p -> p.isAlive() && !isZombie(member)).orElse(false))
                        .as("member %d of the killed group", member).isFalse();
            }
            RunResult next = await(s.submit(RunRequest.of("display \"[$before]\"")));
            assertThat(next.succeeded()).as(next.text()).isTrue();
            assertThat(next.freshSession()).isTrue();
            assertThat(printed(next)).containsExactly("[]");
        }
    }

    @Test
    void breakThatDropsTypedAheadInputStillEndsTheRunAndTheSessionGoesOn() {
        // A console may lose what was typed after ^C; the engine then types its completion marker again.
        try (StataSession s = session("drops", Map.of("FAKESTATA_BREAK_DROPS_INPUT", "1"))) {
            assertThat(await(s.submit(RunRequest.of("set obs 7\nglobal kept = \"yes\""))).succeeded()).isTrue();
            RunHandle sleeping = s.submit(RunRequest.of("display \"sleeping\"\nsleep 60000\ndisplay \"woke\""));
            await().atMost(Duration.ofSeconds(30)).until(() -> sleeping.progress().commandsStarted() == 2);

            Instant breakAt = Instant.now();
            assertThat(sleeping.breakRun()).isTrue();
            RunResult r = await(sleeping);
            Duration took = Duration.between(breakAt, r.finished());
            System.out.println("break with dropped input to result: " + took.toMillis() + " ms");

            assertThat(r.outcome()).as(r.text()).isInstanceOf(Outcome.Broken.class);
            assertThat(r.rc()).hasValue(1);
            assertThat(took).isLessThan(Duration.ofSeconds(1));
            assertThat(r.text()).doesNotContain("woke");

            RunResult after = await(s.submit(RunRequest.of("display _N\ndisplay \"$kept\"\ndisplay _rc")));
            assertThat(after.succeeded()).as(after.text()).isTrue();
            assertThat(after.freshSession()).isFalse();
            assertThat(printed(after)).containsExactly("7", "yes", "1");
            // The broken run's own log was closed even though the command closing it was thrown away.
            RunResult logs = await(s.submit(RunRequest.of("log query _all")));
            assertThat(logs.text()).doesNotContain("_smcp" + r.runId());
        }
    }

    @Test
    void crashGivesAClearErrorAndTheNextRunSucceedsOnAFreshSession() {
        // The emulator dies abruptly after this many commands (start-up and each run's wrapper count too). The
        // fresh Stata has the same limit, which start-up plus one run stays well below.
        try (StataSession s = session("crash", Map.of("FAKESTATA_CRASH_AFTER", "100"))) {
            RunResult r = null;
            for (int i = 0; i < 50; i++) {
                r = await(s.submit(RunRequest.of("display \"run " + i + "\"")));
                if (!r.succeeded()) {
                    break;
                }
            }
            assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.SessionDied.class, d ->
                    assertThat(d.detail()).contains("Stata stopped unexpectedly")
                            .contains("the next run starts a fresh Stata"));
            RunResult next = await(s.submit(RunRequest.of("display \"alive again\"")));
            assertThat(next.succeeded()).as(next.text()).isTrue();
            assertThat(next.freshSession()).isTrue();
            assertThat(s.status().lastExit()).isPresent();
        }
    }

    @Test
    void exitStataEndsTheRunClearlyAndTheNextRunStartsAgain() {
        try (StataSession s = session("exit", Map.of())) {
            RunResult r = await(s.submit(RunRequest.of("display \"bye\"\nexit, clear STATA")));
            assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.SessionDied.class,
                    d -> assertThat(d.detail()).startsWith("The code ended Stata"));
            assertThat(printed(await(s.submit(RunRequest.of("display 5"))))).containsExactly("5");
        }
    }

    @Test
    void restartKillsTheRunningCodeAndQueuedRunsContinueOnAFreshStata() {
        try (StataSession s = session("restart", Map.of())) {
            RunHandle running = s.submit(RunRequest.of("global x = 1\nsleep 60000"));
            RunHandle queued = s.submit(RunRequest.of("display \"[$x]\""));
            awaitRunning(running);
            await().atMost(Duration.ofSeconds(10)).until(() -> running.progress().commandsStarted() == 2);
            s.restart();
            assertThat(await(running).outcome()).isInstanceOfSatisfying(Outcome.Killed.class,
                    k -> assertThat(k.reason()).isEqualTo("session restarted"));
            RunResult q = await(queued);
            assertThat(q.freshSession()).isTrue();
            assertThat(printed(q)).containsExactly("[]");
        }
    }

    static boolean isZombie(long pid) {
        try {
            String stat = java.nio.file.Files.readString(Path.of("/proc/" + pid + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
