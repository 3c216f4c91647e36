package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.pool.PoolSettings;
import dev.statamcp.stata.pool.SessionPool;
import dev.statamcp.stata.run.GraphExport;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunHandle;
import dev.statamcp.stata.run.RunProgress;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The caller's log file, graph export in the run's own turn, and do-files tracked against their own lines. */
class RunRequestOptionsIntegrationTest {

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

    @Test
    void stataWritesTheRunsLogWhereTheCallerWantsIt() throws Exception {
        Path log = Files.createDirectories(tmp.resolve("job 1")).resolve("stata.log");
        RunResult r = await(pool.submit("default", RunRequest.of("display \"hello log\"").withLogFile(log)));
        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(r.logPath()).contains(log);
        assertThat(Files.readString(log)).contains("hello log");
        // Later runs prune the session's own run files, never the caller's.
        for (int i = 0; i < 5; i++) {
            await(pool.submit("default", RunRequest.of("display " + i)));
        }
        assertThat(log).exists();
    }

    @Test
    void graphsAreExportedInTheSameTurnBeforeTheNextRunCanChangeThem() throws Exception {
        Path dir = tmp.resolve("graphs of job");
        await(pool.submit("default", RunRequest.of("set obs 10\ngen x = _n\ngen y = x * x")));
        RunHandle first = pool.submit("default", RunRequest.of("scatter y x, name(g1)\nline y x")
                .withGraphExport(new GraphExport(dir, 320)));
        // Queued right behind: redraws and then drops g1; if export waited for a later turn, g1 would be gone.
        RunHandle second = pool.submit("default", RunRequest.of("graph drop g1"));
        RunResult r = await(first);
        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(await(second).succeeded()).isTrue();
        assertThat(r.graphs()).containsExactly("g1", "Graph");
        for (String name : r.graphs()) {
            BufferedImage png = ImageIO.read(dir.resolve(GraphExport.fileName(name)).toFile());
            assertThat(png).as(name).isNotNull();
            assertThat(png.getWidth()).isEqualTo(320);
        }
        // The export loop leaves nothing behind in the user's locals or results.
        assertThat(printed(await(pool.submit("default", RunRequest.of("display \"[`_smcpx'\" \"]\""))))).containsExactly("[]");
    }

    @Test
    void aDoFileRunReportsProgressAndErrorLinesOfTheFileItself() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("proj O'Brien/数据"));
        Path doFile = Files.writeString(work.resolve("分析 main.do"), String.join("\n",
                "* analysis",                       // 1
                "display \"arg: `1'\"",            // 2
                "sysuse auto, clear",               // 3
                "",                                 // 4
                "summarize price",                  // 5
                "gen y = bad_var + 1",              // 6
                "display \"never\"", ""));          // 7
        List<RunProgress> seen = new CopyOnWriteArrayList<>();
        RunRequest request = RunRequest.ofDoFile(doFile, List.of("first arg"), Optional.of(work))
                .withListener(new RunListener() {
                    @Override
                    public void progress(RunProgress p) {
                        seen.add(p);
                    }
                });
        RunResult r = await(pool.submit("default", request));

        assertThat(r.outcome()).isInstanceOf(Outcome.StataError.class);
        Outcome.StataError e = (Outcome.StataError) r.outcome();
        assertThat(e.rc()).isEqualTo(111);
        assertThat(e.message()).contains("bad_var not found");
        assertThat(e.line()).hasValue(6);
        assertThat(e.command()).contains("gen y = bad_var + 1");
        assertThat(printed(r)).contains("arg: first arg");
        assertThat(seen).isNotEmpty();
        assertThat(seen.get(seen.size() - 1).totalCommands()).isEqualTo(5);
        assertThat(seen.get(seen.size() - 1).commandsStarted()).isEqualTo(4);
        // cwd stays the session's directory afterwards, as cd at the prompt would leave it.
        assertThat(printed(await(pool.submit("default", RunRequest.of("display c(pwd)")))))
                .containsExactly(work.toRealPath().toString());
    }
}
