package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.paths.StataQuoting;
import dev.statamcp.stata.pool.PoolSettings;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import dev.statamcp.stata.testing.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: return codes, messages and failing lines; capture; displayed r(N); user logs untouched. */
class ErrorsIntegrationTest {

    @TempDir
    Path tmp;

    private SessionPool pool;

    @BeforeEach
    void start() {
        pool = new SessionPool(Emulator.installation(), new PoolSettings(2, Duration.ZERO,
                SessionSettings.defaults(tmp).withTempRoot(tmp.resolve("engine"))));
    }

    @AfterEach
    void stop() {
        pool.close();
    }

    private RunResult run(String code) {
        return await(pool.submit("default", RunRequest.of(code)));
    }

    @Test
    void nestedDoFileErrorGivesCodeMessageLineAndCommand() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("project/nested"));
        Files.writeString(dir.resolve("helper_with_error.do"), "* Helper script with error\n"
                + "display \"=== Inside helper_with_error.do ===\"\n\n* This will fail\ngen y = bad_var + 1\n"
                + "display \"not reached\"\n");
        Path main = tmp.resolve("project/main.do");
        Files.writeString(main, "clear all\nset obs 100\ngen x = rnormal()\n"
                + "do " + StataQuoting.quote(dir.resolve("helper_with_error.do")) + "\ndisplay \"not reached\"\n");

        RunResult r = run("display \"before\"\n\ndo " + StataQuoting.quote(main) + "\ndisplay \"after\"");

        assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.StataError.class, e -> {
            assertThat(e.rc()).isEqualTo(111);
            assertThat(e.message()).contains("bad_var not found");
            assertThat(e.line()).hasValue(3); // the line of the submitted code that led to the failure
            assertThat(e.command()).contains("gen y = bad_var + 1");
        });
        assertThat(r.rc()).hasValue(111);
        assertThat(Runs.texts(r, LineKind.ERROR)).startsWith("bad_var not found", "r(111);");
        assertThat(r.text()).doesNotContain("not reached").doesNotContain("after");
        assertThat(r.outcome().summary()).isEqualTo("Stata error r(111): bad_var not found (line 3).");
    }

    @Test
    void topLevelErrorNamesItsLine() {
        RunResult r = run("display 1\ndisplay 2\nthis_is_no_command\ndisplay 4");
        assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.StataError.class, e -> {
            assertThat(e.rc()).isEqualTo(199);
            assertThat(e.line()).hasValue(3);
            assertThat(e.command()).contains("this_is_no_command");
            assertThat(e.message()).hasValueSatisfying(m -> assertThat(m).contains("this_is_no_command"));
        });
    }

    @Test
    void captureSwallowingAnErrorGivesReturnCodeZeroButSetsUnderscoreRc() {
        RunResult r = run("capture gen y = bad_var + 1\ndisplay \"rc is \" _rc");
        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(r.rc()).hasValue(0);
        assertThat(printed(r)).containsExactly("rc is 111");
        assertThat(Runs.texts(r, LineKind.ERROR)).isEmpty();
    }

    @Test
    void displayedReturnCodeIsNotAnError() {
        RunResult r = run("display \"r(199);\"\ndisplay \"fine\"");
        assertThat(r.succeeded()).isTrue();
        assertThat(Runs.texts(r, LineKind.ERROR)).isEmpty();
        RunResult last = run("display \"r(199);\"");
        assertThat(last.succeeded()).isTrue();
        assertThat(Runs.texts(last, LineKind.OUTPUT)).contains("r(199);");
    }

    @Test
    void errorWithoutMessageGetsTheDocumentedOne() {
        RunResult r = run("exit 459");
        assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.StataError.class, e -> {
            assertThat(e.rc()).isEqualTo(459);
            assertThat(e.message()).hasValueSatisfying(m -> assertThat(m).contains("something that should be true"));
        });
    }

    @Test
    void userLogsNamedOrNotAreNeitherClosedNorBlocked() throws Exception {
        Path mine = tmp.resolve("mine.log");
        Path named = tmp.resolve("named.log");
        RunResult open = run("log using " + StataQuoting.quote(mine) + ", text replace\n"
                + "log using " + StataQuoting.quote(named) + ", text replace name(results)\ndisplay \"first\"");
        assertThat(open.succeeded()).as(open.text()).isTrue();
        RunResult more = run("display \"second\"");
        assertThat(more.succeeded()).isTrue();
        RunResult close = run("log close results\nlog close\ndisplay \"third\"");
        assertThat(close.succeeded()).as(close.text()).isTrue();
        assertThat(Files.readString(mine)).contains("first").contains("second").doesNotContain("third");
        assertThat(Files.readString(named)).contains("first").contains("second");
    }

    @Test
    void codeThatClosesAllLogsStillCompletes() {
        RunResult r = run("display \"before\"\nlog close _all\ndisplay \"after\"");
        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(r.text()).contains("before");
        assertThat(r.notes()).anyMatch(n -> n.contains("closed the engine's log"));
        RunResult next = run("display \"next run\"");
        assertThat(printed(next)).containsExactly("next run");
    }

    @Test
    void localsPersistBecauseCodeRunsAtTheTopLevel() {
        run("local greeting \"hello\"");
        assertThat(printed(run("display \"`greeting'\""))).containsExactly("hello");
    }
}
