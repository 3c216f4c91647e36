package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.pool.PoolSettings;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import dev.statamcp.stata.testing.Runs;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: state persists across runs in one session (data, globals, r()); two sessions share nothing. */
class SessionStateIntegrationTest {

    @TempDir
    Path tmp;

    private SessionPool pool;

    @BeforeEach
    void start() {
        pool = new SessionPool(Emulator.installation(), new PoolSettings(4, Duration.ZERO,
                SessionSettings.defaults(tmp).withTempRoot(tmp.resolve("engine"))));
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private RunResult run(String session, String code) {
        return await(pool.submit(session, RunRequest.of(code)));
    }

    @Test
    void dataGlobalsLocalsAndResultsPersistAcrossRuns() {
        RunResult first = run("default", "set obs 5\ngen x = _n\nsummarize x\nglobal g = 42\nlocal l = 7");
        assertThat(first.succeeded()).as(first.text()).isTrue();
        assertThat(first.freshSession()).isTrue();

        RunResult second = run("default", "display r(mean)\ndisplay $g\ndisplay `l'\ndisplay _N");
        assertThat(second.succeeded()).as(second.text()).isTrue();
        assertThat(second.freshSession()).isFalse();
        assertThat(printed(second)).containsExactly("3", "42", "7", "5");
    }

    @Test
    void twoSessionsDoNotShareState() {
        assertThat(run("a", "set obs 3\nglobal who = \"a\"").succeeded()).isTrue();
        assertThat(run("b", "global who = \"b\"").succeeded()).isTrue();
        assertThat(printed(run("a", "display \"$who\"\ndisplay _N"))).containsExactly("a", "3");
        assertThat(printed(run("b", "display \"$who\"\ndisplay _N"))).containsExactly("b", "0");
        assertThat(pool.list()).extracting(SessionStatus::name).containsExactly("a", "b");
        assertThat(pool.status("a").orElseThrow().pid()).isNotEqualTo(pool.status("b").orElseThrow().pid());
    }

    @Test
    void outputIsClassifiedAndTheWrapperIsInvisible() {
        RunResult r = run("default", "display \"hello\"\n* a comment\nquietly display 2");
        assertThat(Runs.texts(r, LineKind.ECHO)).containsExactly(". display \"hello\"", ". * a comment",
                ". quietly display 2");
        assertThat(printed(r)).containsExactly("hello");
        assertThat(r.text()).doesNotContain("__SMCP").doesNotContain("include").doesNotContain("end of do-file");
        assertThat(r.logPath()).hasValueSatisfying(p -> assertThat(p).exists());
    }

    @Test
    void sessionInfoSaysItIsTheEmulator() {
        run("default", "display 1");
        SessionStatus status = pool.status("default").orElseThrow();
        assertThat(status.state()).isEqualTo(SessionState.IDLE);
        assertThat(status.info()).hasValueSatisfying(i -> {
            assertThat(i.emulator()).isTrue();
            assertThat(i.version()).isNotBlank();
        });
        assertThat(status.runsCompleted()).isEqualTo(1);
    }

    @Test
    void sessionsStartOnlyWhenFirstUsed() {
        pool.create("lazy", tmp);
        assertThat(pool.status("lazy").orElseThrow().state()).isEqualTo(SessionState.STOPPED);
        assertThat(pool.status("lazy").orElseThrow().pid()).isEmpty();
    }

    @Test
    void edgeCasesOfCodeShape() {
        RunResult empty = run("default", "");
        assertThat(empty.succeeded()).isTrue();
        assertThat(empty.output()).isEmpty();

        RunResult comments = run("default", "* only\n// comments\n");
        assertThat(comments.succeeded()).isTrue();
        assertThat(printed(comments)).isEmpty();

        String longText = "x".repeat(300);
        RunResult wrapped = run("default", "display \"" + longText + "\"\ndisplay 2");
        assertThat(wrapped.succeeded()).as(wrapped.text()).isTrue();
        assertThat(printed(wrapped)).last().isEqualTo("2");

        RunResult delimited = run("default", "#delimit ;\ndisplay\n  3 + 4;\n#delimit cr\ndisplay 8");
        assertThat(delimited.succeeded()).as(delimited.text()).isTrue();
        assertThat(printed(delimited)).contains("7", "8");

        RunResult noNewline = run("default", "display 9");
        assertThat(printed(noNewline)).containsExactly("9");
    }
}
