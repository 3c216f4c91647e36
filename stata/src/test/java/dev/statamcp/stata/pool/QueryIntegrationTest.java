package dev.statamcp.stata.pool;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.session.SessionSettings;
import dev.statamcp.stata.testing.Emulator;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Internal queries run in the session's queue without disturbing the user's _rc or r(). */
class QueryIntegrationTest {

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

    /** After a run, _rc holds the run's return code (as after `capture noisily`); a query must not change it. */
    @Test
    void aQueryLeavesTheUsersReturnCodeAsItWas() {
        assertThat(await(pool.submit("default", RunRequest.of("error 111"))).rc()).hasValue(111);
        RunResult q = await(pool.query("default", "display \"from the server\"\ncapture error 7", false));
        assertThat(printed(q)).containsExactly("from the server");
        RunResult after = await(pool.submit("default", RunRequest.of("display _rc")));
        assertThat(printed(after)).containsExactly("111");
    }

    @Test
    void aQueryCanReadTheUsersResults() {
        await(pool.submit("default", RunRequest.of("set obs 4\ngen x = _n\nsummarize x")));
        RunResult q = await(pool.query("default", "display r(mean)", false));
        assertThat(printed(q)).containsExactly("2.5");
    }

    @Test
    void aHoldingQueryCannotChangeTheUsersResults() {
        await(pool.submit("default", RunRequest.of("set obs 4\ngen x = _n\nsummarize x")));
        RunResult q = await(pool.query("default", "display \"[\" r(mean) \"]\"\nsummarize x if x > 2", true));
        assertThat(q.succeeded()).as(q.text()).isTrue();
        assertThat(printed(q).get(0)).isEqualTo("[.]"); // held aside during the query
        RunResult after = await(pool.submit("default", RunRequest.of("display r(mean)")));
        assertThat(printed(after)).containsExactly("2.5");
    }
}
