package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.paths.StataQuoting;
import dev.statamcp.stata.pool.PoolSettings;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Acceptance: the graphs a run created or redrew, found with graph dir and _gr_list, without touching r(). */
class GraphsIntegrationTest {

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
        RunResult r = await(pool.submit("default", RunRequest.of(code)));
        assertThat(r.succeeded()).as(r.text()).isTrue();
        return r;
    }

    @Test
    void reportsGraphsCreatedOrRedrawnByEachRun() {
        assertThat(run("set obs 5\ngen x = _n\ngen y = 2 * x\nscatter y x").graphs()).containsExactly("Graph");
        assertThat(pool.status("default").orElseThrow().info().orElseThrow().graphDir()).isTrue();
        assertThat(run("twoway line y x, name(g2)").graphs()).containsExactly("g2");
        assertThat(run("scatter y x").graphs()).containsExactly("Graph"); // same name, drawn again
        assertThat(run("display 1").graphs()).isEmpty();
        assertThat(run("scatter y x, name(g3)\ngraph drop g3").graphs()).isEmpty();
        assertThat(run("scatter x y, name(a)\nscatter y x, name(b)").graphs()).containsExactly("a", "b");
    }

    @Test
    void graphTrackingLeavesTheUsersResultsAlone() {
        run("set obs 4\ngen x = _n\ngen y = x\nsummarize x\nscatter y x");
        assertThat(printed(run("display r(mean)"))).containsExactly("2.5");
    }

    @Test
    void aGraphCanBeExportedByAnInternalQuery() throws Exception {
        run("set obs 3\ngen x = _n\ngen y = x\nscatter y x, name(mine)\nsummarize x");
        Path svg = Files.createDirectories(tmp.resolve("out dir")).resolve("mine 图.svg");
        RunResult q = await(pool.query("default", "graph export " + StataQuoting.quote(svg)
                + ", name(mine) replace", true));
        assertThat(q.succeeded()).as(q.text()).isTrue();
        assertThat(Files.exists(svg)).isTrue();
        assertThat(q.graphs()).isEmpty(); // queries do not count as the user's graphs
        assertThat(printed(run("display r(mean)"))).containsExactly("2");
    }
}
