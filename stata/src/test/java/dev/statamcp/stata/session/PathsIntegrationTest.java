package dev.statamcp.stata.session;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.statamcp.stata.paths.StataQuoting;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.run.RunRequest;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: paths with spaces, an apostrophe and Chinese characters work for do-files, working directories and
 * logs: the session's own files live under such a path too, and so does its working directory.
 */
class PathsIntegrationTest {

    @TempDir
    Path tmp;

    @Test
    void oddPathsWorkEverywhere() throws Exception {
        Path base = Files.createDirectories(tmp.resolve("O'Brien's files 数据"));
        Path work = Files.createDirectories(base.resolve("工作 dir"));
        Path engine = base.resolve("引擎 temp");
        Path doFile = base.resolve("分析 one.do");
        Files.writeString(doFile, "display \"inside 分析 [`1']\"\nglobal from_do = \"是\"\n", StandardCharsets.UTF_8);
        Path userLog = work.resolve("my log 日志.log");
        Path dollar = Files.createDirectories(base.resolve("cost$HOME"));
        Files.writeString(dollar.resolve("d.do"), "display \"dollar ok\"\n");

        SessionSettings settings = SessionSettings.defaults(work).withTempRoot(engine);
        try (StataSession s = new StataSession("paths", settings, Emulator.installation(),
                ProcessGroupLauncher.forCurrentPlatform())) {
            RunResult r = await(s.submit(RunRequest.of(
                    "display c(pwd)\n"
                            + "do " + StataQuoting.quote(doFile) + " \"an arg\"\n"
                            + "display \"$from_do\"\n"
                            + "log using " + StataQuoting.quote(userLog) + ", text replace name(mine)\n"
                            + "display \"into my log\"\n"
                            + "log close mine\n"
                            + "do " + StataQuoting.quote(dollar.resolve("d.do")) + "\n"
                            + "display \"中文 output\"\n")));

            assertThat(r.succeeded()).as(r.text()).isTrue();
            assertThat(printed(r)).contains(work.toRealPath().toString(), "inside 分析 [an arg]", "是",
                    "dollar ok", "中文 output");
            assertThat(r.logPath().orElseThrow()).startsWith(engine);
            assertThat(Files.readString(userLog, StandardCharsets.UTF_8)).contains("into my log");
        }
    }
}
