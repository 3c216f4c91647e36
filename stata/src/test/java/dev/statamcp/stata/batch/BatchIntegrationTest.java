package dev.statamcp.stata.batch;

import static dev.statamcp.stata.testing.Runs.await;
import static dev.statamcp.stata.testing.Runs.printed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.statamcp.stata.log.BatchLogVerdict;
import dev.statamcp.stata.log.LineKind;
import dev.statamcp.stata.log.LogTailer;
import dev.statamcp.stata.log.OutputLine;
import dev.statamcp.stata.process.ProcessGroup;
import dev.statamcp.stata.process.ProcessGroupLauncher;
import dev.statamcp.stata.run.Outcome;
import dev.statamcp.stata.run.RunListener;
import dev.statamcp.stata.run.RunResult;
import dev.statamcp.stata.testing.Emulator;
import dev.statamcp.stata.testing.RealLogs;
import dev.statamcp.stata.testing.Runs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Batch mode against the emulator: verdicts, streaming, break, kill without orphans, adoption, odd paths. */
class BatchIntegrationTest {

    @TempDir
    Path tmp;

    private final BatchRunner runner = new BatchRunner(Emulator.installation(),
            ProcessGroupLauncher.forCurrentPlatform(), Duration.ofMillis(500), 1000, 1000);

    private Path doFile(String relative, String code) throws Exception {
        Path p = tmp.resolve(relative);
        Files.createDirectories(p.getParent());
        Files.writeString(p, code);
        return p;
    }

    private BatchRequest request(Path doFile) throws Exception {
        return BatchRequest.of(doFile, Files.createDirectories(tmp.resolve("work")), tmp.resolve("runs"));
    }

    private static final String MAIN = "* Test nested do-files\nclear all\nset obs 100\ngen x = rnormal()\n\n"
            + "display \"=== Main script: About to call helper ===\"\n\n* Call nested do-file\ndo nested/helper.do\n"
            + "\ndisplay \"=== Main script: Back from helper ===\"\nsummarize x y\n";

    @Test
    void nestedSuccessFramesOutputLikeRealStata() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        doFile("work/nested/helper.do", "* Helper script called by main script\n"
                + "display \"=== Inside helper.do ===\"\n\ngen y = x + rnormal()\n\ndisplay \"Helper completed\"\n");
        Path main = doFile("work/main.do", MAIN);
        RunResult r = await(runner.start(BatchRequest.of(main, work, tmp.resolve("runs"))));

        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(r.logPath()).contains(work.resolve("main.log"));
        List<String> emulated = LogTailer.readAll(work.resolve("main.log"));
        List<String> real = RealLogs.lines(RealLogs.NESTED_SUCCESS);
        // the same framing: echo lines, blank lines and end of do-file in the same places (numbers differ)
        assertThat(shape(emulated)).isEqualTo(shape(real));
        assertThat(BatchLogVerdict.of(emulated).state()).isEqualTo(BatchLogVerdict.State.SUCCEEDED);
    }

    @Test
    void nestedErrorGives111WithMessageAndTheLineThatCalledIt() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("work"));
        doFile("work/nested/helper.do", "* Helper script with error\n"
                + "display \"=== Inside helper_with_error.do ===\"\n\n* This will fail - bad_var doesn't exist\n"
                + "gen y = bad_var + 1\n");
        Path main = doFile("work/main.do", MAIN);
        RunResult r = await(runner.start(BatchRequest.of(main, work, tmp.resolve("runs"))));

        assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.StataError.class, e -> {
            assertThat(e.rc()).isEqualTo(111);
            assertThat(e.message()).contains("bad_var not found");
            assertThat(e.line()).hasValue(9);
            assertThat(e.command()).contains("gen y = bad_var + 1");
        });
        List<String> emulated = LogTailer.readAll(work.resolve("main.log"));
        List<String> realTail = tail(RealLogs.lines(RealLogs.NESTED_ERROR), 9);
        assertThat(tail(emulated, 9)).isEqualTo(realTail);
    }

    @Test
    void displayedReturnCodeIsNotAFailure() throws Exception {
        RunResult r = await(runner.start(request(doFile("d.do", "display \"r(199);\"\ndisplay \"ok\"\n"))));
        assertThat(r.succeeded()).isTrue();
        assertThat(Runs.texts(r, LineKind.ERROR)).isEmpty();
    }

    @Test
    void linesStreamWhileTheRunGoesAndProgressCountsCommands() throws Exception {
        List<Instant> at = new CopyOnWriteArrayList<>();
        RunListener l = new RunListener() {
            @Override
            public void line(OutputLine line) {
                if (line.text().startsWith("tick")) {
                    at.add(Instant.now());
                }
            }
        };
        Path f = doFile("loop.do", "forvalues i = 1/3 {\n  display \"tick `i'\"\n  sleep 300\n}\ndisplay 1\n");
        BatchRun run = runner.start(request(f).withListener(l));
        RunResult r = await(run);
        assertThat(r.succeeded()).isTrue();
        assertThat(at).hasSize(3);
        assertThat(Duration.between(at.get(0), at.get(2))).isGreaterThan(Duration.ofMillis(400));
        assertThat(run.progress().totalCommands()).isEqualTo(2);
        assertThat(run.progress().commandsStarted()).isEqualTo(2);
    }

    @Test
    void breakStopsTheDoFileWithRcOne() throws Exception {
        BatchRun run = runner.start(request(doFile("sleepy.do", "display \"zz\"\nsleep 60000\n")));
        awaitLine(run, "zz");
        Thread.sleep(200); // into the sleep
        assertThat(run.breakRun()).isTrue();
        RunResult r = await(run);
        assertThat(r.outcome()).isInstanceOf(Outcome.Broken.class);
    }

    @Test
    void killLeavesNoProcessOfTheGroup() throws Exception {
        BatchRun run = runner.start(request(doFile("long.do", "display \"zz\"\nsleep 60000\n"))
                .withEnvironment(Map.of("FAKESTATA_SPAWN_ORPHAN", "1")));
        ProcessGroup group = new ProcessGroup(run.record().pid(), dev.statamcp.stata.process.Platform.current());
        awaitLine(run, "zz");
        await().atMost(Duration.ofSeconds(10)).until(() -> group.livingMembers().size() >= 2);
        run.kill();
        RunResult r = await(run);
        assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.Killed.class,
                k -> assertThat(k.survivors()).isEmpty());
        assertThat(group.livingMembers()).isEmpty();
    }

    @Test
    void aNormalEndLeavesNoProcessOfTheGroupEither() throws Exception {
        BatchRun run = runner.start(request(doFile("short.do", "display \"done\"\n"))
                .withEnvironment(Map.of("FAKESTATA_SPAWN_ORPHAN", "1")));
        ProcessGroup group = new ProcessGroup(run.record().pid(), dev.statamcp.stata.process.Platform.current());
        RunResult r = await(run);
        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(group.livingMembers()).as("the engine process the emulator left behind").isEmpty();
    }

    @Test
    void aDetachedRunIsAdoptedFromItsRecordAndFinishedAfterwards() throws Exception {
        BatchRun first = runner.start(request(doFile("adopt.do",
                "display \"one\"\nsleep 1500\ndisplay \"two\"\n")));
        Path recordFile = tmp.resolve("runs").resolve("batch-" + first.runId() + ".json");
        assertThat(recordFile).exists();
        BatchRecord record = BatchRecord.read(recordFile);
        assertThat(record).isEqualTo(first.record());

        BatchRun adopted = runner.adopt(record); // as a restarted server would
        RunResult r = await(adopted);
        assertThat(adopted.adopted()).isTrue();
        assertThat(r.succeeded()).isTrue();
        assertThat(printed(r)).containsExactly("one", "two");

        RunResult later = await(runner.adopt(record)); // after the process is gone: parsed at once
        assertThat(later.succeeded()).isTrue();
        assertThat(printed(later)).containsExactly("one", "two");
    }

    @Test
    void licenceFailureIsReportedWithStatasWords() throws Exception {
        RunResult r = await(runner.start(request(doFile("x.do", "display 1\n"))
                .withEnvironment(Map.of("FAKESTATA_LICENSE_FAIL", "1"))));
        assertThat(r.outcome()).isInstanceOfSatisfying(Outcome.SessionDied.class,
                d -> assertThat(d.detail()).contains("Stata did not run the do-file").containsIgnoringCase("licen"));
    }

    @Test
    void pathsWithSpacesApostrophesAndChineseWork() throws Exception {
        Path work = Files.createDirectories(tmp.resolve("O'Brien 工作"));
        Path f = doFile("项目 one/分析 one.do", "display \"[`1'] [`2']\"\ndisplay c(pwd)\n");
        RunResult r = await(runner.start(BatchRequest.of(f, work, tmp.resolve("runs 日志"))
                .withArgs(List.of("arg one", "二"))));
        assertThat(r.succeeded()).as(r.text()).isTrue();
        assertThat(printed(r)).containsExactly("[arg one] [二]", work.toRealPath().toString());
        assertThat(r.logPath().orElseThrow().getParent()).isEqualTo(work.toAbsolutePath());
        assertThat(r.logPath().orElseThrow().getFileName().toString()).startsWith("分析");
    }

    private static void awaitLine(BatchRun run, String text) {
        List<String> seen = new CopyOnWriteArrayList<>();
        run.addListener(new RunListener() {
            @Override
            public void line(OutputLine line) {
                seen.add(line.text());
            }
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> seen.contains(text));
    }

    /** The structure of a log: E for echo, B for blank, D for end of do-file, R for r(N);, T for text. */
    private static String shape(List<String> lines) {
        StringBuilder b = new StringBuilder();
        for (String l : lines) {
            b.append(l.startsWith(". ") || l.equals(".") ? 'E' : l.isBlank() ? 'B'
                    : l.equals("end of do-file") ? 'D' : l.matches("r\\(\\d+\\);") ? 'R' : 'T');
        }
        return b.toString();
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(lines.size() - n, lines.size());
    }
}
