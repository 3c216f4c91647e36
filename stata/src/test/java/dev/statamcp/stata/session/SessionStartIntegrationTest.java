package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a run reports when its Stata cannot start, starts too slowly, or is killed while starting. */
class SessionStartIntegrationTest {

    @TempDir
    Path tmp;

    private StataSession session(SessionSettings settings) {
        return new StataSession("start", settings, Emulator.installation(), ProcessGroupLauncher.forCurrentPlatform());
    }

    private SessionSettings settings(Map<String, String> env) {
        return SessionSettings.defaults(tmp).withTempRoot(tmp.resolve("engine")).withEnvironment(env)
                .withKillGrace(Duration.ofMillis(500));
    }

    @Test
    void licenceFailureIsReportedInStatasWords() {
        try (StataSession s = session(settings(Map.of("FAKESTATA_LICENSE_FAIL", "1")))) {
            RunResult r = await(s.submit(RunRequest.of("display 1")));
            assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.SessionDied.class, d -> {
                assertThat(d.detail()).startsWith("Stata could not start a session").containsIgnoringCase("licen");
                assertThat(d.exitCode()).hasValue(1);
            });
            assertThat(s.status().state()).isEqualTo(SessionState.STOPPED);
        }
    }

    @Test
    void aStataThatDoesNotAnswerInTimeIsStoppedWithAClearMessage() {
        try (StataSession s = session(settings(Map.of("FAKESTATA_STARTUP_DELAY_MS", "20000"))
                .withStartTimeout(Duration.ofSeconds(2)))) {
            RunResult r = await(s.submit(RunRequest.of("display 1")));
            assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.SessionDied.class,
                    d -> assertThat(d.detail()).contains("did not answer within 2 s of starting"));
        }
    }

    @Test
    void killWhileStataIsStartingEndsTheRunPromptly() {
        try (StataSession s = session(settings(Map.of("FAKESTATA_STARTUP_DELAY_MS", "20000")))) {
            RunHandle h = s.submit(RunRequest.of("display 1"));
            await().atMost(Duration.ofSeconds(10)).until(() -> s.status().state() == SessionState.STARTING);
            Instant t0 = Instant.now();
            h.cancel(Duration.ofSeconds(1)); // nothing to break yet: kills
            RunResult r = await(h);
            assertThat(r.outcome()).isInstanceOf(Outcome.Killed.class);
            assertThat(Duration.between(t0, r.finished())).isLessThan(Duration.ofSeconds(5));
        }
    }

    @Test
    void missingWorkingDirectoryIsExplained() {
        try (StataSession s = session(settings(Map.of()).withWorkingDirectory(tmp.resolve("nope")))) {
            RunResult r = await(s.submit(RunRequest.of("display 1")));
            assertThat(r.outcome().summary()).contains("working directory").contains("does not exist");
        }
    }
}
